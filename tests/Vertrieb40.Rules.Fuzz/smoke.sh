#!/usr/bin/env bash
# A bounded AFL++ run over the JSON reader and the engine (README: "Fuzzing").
#
#   tests/Vertrieb40.Rules.Fuzz/smoke.sh            # 60 seconds
#   FUZZ_SECONDS=3600 tests/Vertrieb40.Rules.Fuzz/smoke.sh
#
# Installs what it needs (afl++ from Debian when running as root, the SharpFuzz.CommandLine tool into a
# private tool path), publishes and instruments the harness, fuzzes for FUZZ_SECONDS, and exits 1 when AFL++
# saved a crash or a confirmed hang. Each such input is copied to ../Vertrieb40.Rules.Tests/Safety/FuzzRegressions/
# (and printed as base64, for CI logs) so that it can be committed as a regression test.
# Without afl++ it exits 0 with a notice, except under CI=true, where a missing fuzzer is a failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${FUZZ_SECONDS:-60}
work=${FUZZ_WORK:-$(mktemp -d -t vt40-fuzz-XXXXXX)}
regressions="$here/../Vertrieb40.Rules.Tests/Safety/FuzzRegressions"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "fuzz-smoke: $*"; }

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing afl++ (Debian)"
    timeout 300 apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends afl++ >/dev/null || true
  fi
fi
if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then say "afl-fuzz is not available and CI=true: failing"; exit 1; fi
  say "SKIPPED: afl-fuzz is not installed (apt-get install afl++); the in-process mini-fuzz test still runs in dotnet test"
  exit 0
fi

tools="$work/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  say "installing SharpFuzz.CommandLine 2.3.0"
  timeout 300 dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

say "publishing and instrumenting the harness"
timeout 600 dotnet publish "$here/Vertrieb40.Rules.Fuzz.csproj" -c Release -o "$work/bin" --nologo -v q >/dev/null
for dll in Vertrieb40.Rules.dll Newtonsoft.Json.dll; do
  timeout 120 "$tools/sharpfuzz" "$work/bin/$dll" >/dev/null
done

mkdir -p "$work/in"
cp "$here"/corpus/*.json "$work/in/"
# Earlier findings seed the corpus too (small ones only; AFL++ refuses inputs over 1 MB).
find "$regressions" -maxdepth 1 -type f -size -64k -name '*.json' -exec cp {} "$work/in/" \; 2>/dev/null || true

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
       AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_SKIP_CRASHES=1
say "fuzzing for ${seconds}s (work dir $work)"
rc=0
timeout --kill-after=30 $((seconds + 180)) \
  afl-fuzz -i "$work/in" -o "$work/out" -x "$here/json.dict" -t 5000 -m none -V "$seconds" -- dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" \
  > "$work/afl.log" 2>&1 || rc=$?
stats="$work/out/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  tail -40 "$work/afl.log"
  say "afl-fuzz did not start (exit $rc)"
  exit 1
fi
grep -E '^(execs_done|execs_per_sec|corpus_count|bitmap_cvg|saved_crashes|saved_hangs) ' "$stats" | sed 's/^/fuzz-smoke:   /'

failed=0
keep() { # $1 = kind, $2 = file
  local name="afl-$1-$(sha256sum "$2" | cut -c1-12).json"
  cp "$2" "$regressions/$name"
  say "$1 kept as tests/Vertrieb40.Rules.Tests/Safety/FuzzRegressions/$name; base64: $(base64 -w0 "$2")"
  dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" < "$2" 2>&1 | tail -5 || true
}
for f in "$work"/out/default/crashes/id:*; do
  [ -e "$f" ] || continue
  keep crash "$f"; failed=1
done
for f in "$work"/out/default/hangs/id:*; do
  [ -e "$f" ] || continue
  # A timeout on a busy machine is not yet a hang: confirm it with a generous limit.
  if ! timeout 60 dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" < "$f" >/dev/null 2>&1; then keep hang "$f"; failed=1
  else say "hang candidate $(basename "$f") finished on replay: not a hang"; fi
done
if [ "$failed" = 1 ]; then say "FAILED: AFL++ found inputs that break the reader or the engine"; exit 1; fi
say "no crash, no hang"
[ -z "${FUZZ_WORK:-}" ] && rm -rf "$work"
exit 0
