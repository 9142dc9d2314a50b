#!/usr/bin/env bash
# Installs what chiiki needs to build on Debian: libcsv-dev (csv.h and libcsv.so).
# Runs apt only when csv.h is missing, so it is quick on a machine that has it.
set -euo pipefail
if [ ! -f /usr/include/csv.h ]; then
  echo "chiiki: installing libcsv-dev (csv.h is missing)" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall libcsv-dev >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "chiiki: the Swift toolchain (swift 6.x) is not on PATH; install it from swift.org first" >&2
  exit 1
fi
