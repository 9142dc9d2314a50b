#!/usr/bin/env bash
# Fuzzes the CSV reader, the loaders/validator (DatasetLoader.load) and the chiiki.toml parser
# with libFuzzer, seeded with the malformed/awkward test corpus (issue 8).
#
#   Scripts/fuzz.sh [SECONDS]        default 600; extra arguments after it go to libFuzzer
#
# Builds `chiiki-fuzz` twice: a normal debug build (the replay tool, which also writes the seeds)
# and a release build with -sanitize=fuzzer,address -DCHIIKI_FUZZ in .build-fuzz. Crashing
# inputs land in fuzz-corpus-run/artifacts/; replay one with
#   .build/debug/chiiki-fuzz fuzz-corpus-run/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
work=fuzz-corpus-run
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"

swift build --product chiiki-fuzz
.build/debug/chiiki-fuzz --write-seeds "$work/seeds" Tests/ChiikiTests/Fixtures

swift build --product chiiki-fuzz -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCHIIKI_FUZZ

.build-fuzz/release/chiiki-fuzz "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict=Scripts/fuzz.dict -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
