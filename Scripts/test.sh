#!/usr/bin/env bash
# One command from a fresh clone to a test run: installs libcsv-dev if missing, builds once and
# runs the whole test suite once.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
