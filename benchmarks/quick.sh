#!/usr/bin/env bash
# Quick benchmark: one table (people, file MB, read s, analyse s, total s, peak MB, ratios, growth 100k→1M),
# one fresh process per size, Release build, Server GC; a fix-vs-analyze line for the largest size (--no-fix skips it). Inputs are generated once into
# $VERTRIEB40_BENCH_DIR (default /tmp/vertrieb40-bench) — never into the repository.
#   benchmarks/quick.sh                      # 1k, 10k, 100k, 1M and the batch of 1,000 × 200 people
#   benchmarks/quick.sh --sizes 1k,10k       # a CI smoke run
#   benchmarks/quick.sh --sizes 1k --no-batch
#   benchmarks/quick.sh --trend [--snapshots 100] [--people 10k]   # the trend row: 100 snapshots of 10k people
#   benchmarks/quick.sh --no-peer            # without the DuckDB peer column (its project, outside the solution,
#                                            # is built on demand and restores ~420 MB of native DuckDB binaries)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/Vertrieb40.Rules.Benchmarks" -c Release --nologo -v q >/dev/null
# The CLI's runtime settings (src/Vertrieb40.Rules.Cli: Server GC, not concurrent, no profile-guided tier).
export DOTNET_gcServer=1 DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0
exec "$here/Vertrieb40.Rules.Benchmarks/bin/Release/net10.0/Vertrieb40.Rules.Benchmarks" --quick "$@"
