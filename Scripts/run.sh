#!/usr/bin/env bash
# One command from a fresh clone to a report: installs libcsv-dev if missing, builds chiiki in
# release mode and runs `chiiki run` (by default on data/, writing reports/<period>/).
# Extra arguments go to `chiiki run`, e.g. Scripts/run.sh --period 2026-09 --lang en
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product chiiki >&2
exec .build/release/chiiki run "$@"
