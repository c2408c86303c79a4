#!/usr/bin/env bash
# A bounded AFL++ run over three targets (README: "Fuzzing"): the JSON reader and the engine, the HR export (CSV)
# reader and the engine, and sarif merge's reading. FUZZ_SECONDS is shared among the targets (at least 10 s each).
#
#   tests/Vertrieb40.Rules.Fuzz/smoke.sh            # 60 seconds: 20 per target
#   FUZZ_SECONDS=3600 tests/Vertrieb40.Rules.Fuzz/smoke.sh
#   FUZZ_TARGETS=csv FUZZ_SECONDS=600 tests/Vertrieb40.Rules.Fuzz/smoke.sh   # one target only
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

targets=${FUZZ_TARGETS:-json csv sarif}
set -- $targets
per=$(( seconds / $# )); [ "$per" -lt 10 ] && per=10
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
       AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_SKIP_CRASHES=1
failed=0
keep() { # $1 = kind, $2 = file, $3 = target, $4 = extension
  local name="afl-$3-$1-$(sha256sum "$2" | cut -c1-12).$4"
  [ "$3" = json ] && name="afl-$1-$(sha256sum "$2" | cut -c1-12).json" # the names kept before there were three targets
  cp "$2" "$regressions/$name"
  say "$3: $1 kept as tests/Vertrieb40.Rules.Tests/Safety/FuzzRegressions/$name; base64: $(base64 -w0 "$2")"
  dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" --replay "$regressions/$name" 2>&1 | tail -5 || true
}
for target in $targets; do
  case "$target" in
    json)  corpus="$here/corpus";       dict="$here/json.dict"; ext=json ;;
    csv)   corpus="$here/corpus-csv";   dict="$here/csv.dict";  ext=csv ;;
    sarif) corpus="$here/corpus-sarif"; dict="$here/json.dict"; ext=sarif ;;
    *) say "unknown target '$target' (json, csv, sarif)"; exit 1 ;;
  esac
  in="$work/in-$target"; out="$work/out-$target"
  mkdir -p "$in"
  cp "$corpus"/*."$ext" "$in/"
  # Earlier findings seed the corpus too (small ones only; AFL++ refuses inputs over 1 MB).
  find "$regressions" -maxdepth 1 -type f -size -64k -name "*.$ext" -exec cp {} "$in/" \; 2>/dev/null || true
  say "$target: fuzzing for ${per}s (work dir $work)"
  rc=0
  timeout --kill-after=30 $((per + 150)) \
    afl-fuzz -i "$in" -o "$out" -x "$dict" -t 5000 -m none -V "$per" -- dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" --target "$target" \
    > "$work/afl-$target.log" 2>&1 || rc=$?
  stats="$out/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    tail -40 "$work/afl-$target.log"
    say "$target: afl-fuzz did not start (exit $rc)"
    exit 1
  fi
  grep -E '^(execs_done|execs_per_sec|corpus_count|bitmap_cvg|saved_crashes|saved_hangs) ' "$stats" | sed "s/^/fuzz-smoke:   $target /"
  for f in "$out"/default/crashes/id:*; do
    [ -e "$f" ] || continue
    keep crash "$f" "$target" "$ext"; failed=1
  done
  for f in "$out"/default/hangs/id:*; do
    [ -e "$f" ] || continue
    # A timeout on a busy machine is not yet a hang: confirm it with a generous limit.
    cp "$f" "$work/candidate.$ext"
    if ! timeout 60 dotnet "$work/bin/Vertrieb40.Rules.Fuzz.dll" --replay "$work/candidate.$ext" >/dev/null 2>&1; then keep hang "$f" "$target" "$ext"; failed=1
    else say "$target: hang candidate $(basename "$f") finished on replay: not a hang"; fi
  done
done
if [ "$failed" = 1 ]; then say "FAILED: AFL++ found inputs that break a reader, the engine or sarif merge"; exit 1; fi
say "no crash, no hang"
[ -z "${FUZZ_WORK:-}" ] && rm -rf "$work"
exit 0
