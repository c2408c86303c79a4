#!/usr/bin/env bash
# Regenerates the README's pictures of the printed report's first page (English and German) from the classic
# seed: the CLI writes the PDF through headless Chromium (--format pdf), pdftoppm turns page 1 into a PNG.
# Needs the .NET SDK, Chromium and poppler-utils (apt-get install chromium poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Vertrieb40.Rules.Cli -c Release -v q -nologo >/dev/null
cli=src/Vertrieb40.Rules.Cli/bin/Release/net10.0/vertrieb40
for culture in en de; do
  # exit code 1 means "findings" here, which is expected for the classic seed
  "$cli" analyze seeds/classic-sales-org.json --format pdf --culture "$culture" --date 2026-12-01 \
    --author "Example Consulting" --output "$work/report-$culture.pdf" >/dev/null || [ $? -eq 1 ]
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/report-$culture.pdf" "$out/report-page1-$culture"
  echo "$out/report-page1-$culture.png ($(pdfinfo "$work/report-$culture.pdf" | sed -n 's/^Pages: *//p') pages)"
done
# The trend report of seeds/journey (German), issue 16: the top of the page (chart, scores, largest movements).
"$cli" trend seeds/journey --format html --culture de --output "$work/trend-de.html" >/dev/null
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1000,1250 --screenshot="$out/trend-de.png" "file://$(cd "$work" && pwd)/trend-de.html" 2>/dev/null
echo "$out/trend-de.png"
