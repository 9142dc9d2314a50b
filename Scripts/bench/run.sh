#!/usr/bin/env bash
# Scale benchmark (issue 6): `chiiki run` against the same core pipeline in DuckDB and pandas,
# side by side, on cities made by the tool's own generator.
#
#   Scripts/bench/run.sh [--sizes 40,2000,20000,220000] [--keep] [--no-previous-year] [--timeout SECS]
#
#   --sizes             district counts (default 40,2000,20000,220000)
#   --keep              keep the generated inputs and outputs under $BENCH_DIR (default
#                       /tmp/chiiki-bench); a later run reuses inputs already there
#   --no-previous-year  generate statistics/population for the current period only (half the
#                       statistics rows; chiiki then computes no trends)
#   --timeout SECS      kill any one tool run after SECS seconds and show "> SECS (timeout)"
#                       in the table (default 3600; 0 = no limit)
#
# Builds `swift build -c release --product chiiki`, generates each size once
# (`chiiki sample --districts N --areas 5 --seed 2026`), reads the inputs once to warm the page
# cache, then runs each tool once per size (one pass: the machine is shared):
#   chiiki  .build/release/chiiki run --data DIR --out OUT   (the whole tool: all outputs)
#   duckdb  Scripts/bench/duckdb_pipeline.py, SET threads=2  (core columns only)
#   pandas  Scripts/bench/pandas_pipeline.py                 (core columns only, one thread)
# measuring wall time and peak RSS of each child (Scripts/bench/measure.py), and prints one
# Markdown table. At 2,000 districts (or the smallest size given) it cross-checks chiiki's
# O, E, O/E and consultations against the DuckDB pipeline, and DuckDB against pandas.
# A missing duckdb or pandas module skips that column; it does not fail the benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/Scripts/bench

SIZES=40,2000,20000,220000
KEEP=0
NOPREV=0
TIMEOUT=3600
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) SIZES=${2:?--sizes needs a list such as 40,2000}; shift 2 ;;
    --sizes=*) SIZES=${1#--sizes=}; shift ;;
    --keep) KEEP=1; shift ;;
    --no-previous-year) NOPREV=1; shift ;;
    --timeout) TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    --timeout=*) TIMEOUT=${1#--timeout=}; shift ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
[[ $TIMEOUT =~ ^[0-9]+$ ]] || { echo "run.sh: bad --timeout '$TIMEOUT'" >&2; exit 2; }
for n in "${SIZE_LIST[@]}"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || { echo "run.sh: bad size '$n'" >&2; exit 2; }
done

WORK=${BENCH_DIR:-/tmp/chiiki-bench}
mkdir -p "$WORK"
SUFFIX=""; [[ $NOPREV == 1 ]] && SUFFIX="-nopy"
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$WORK/results-$STAMP.jsonl
INPUTS=$WORK/inputs-$STAMP.json
: >"$RESULTS"
cleanup() {
  if [[ $KEEP == 0 ]]; then
    for n in "${SIZE_LIST[@]}"; do
      rm -rf "$WORK/n$n$SUFFIX" "$WORK/n$n$SUFFIX.partial" "$WORK/n$n$SUFFIX.inputs.json" "$WORK/out-n$n$SUFFIX"
    done
    rm -f "$RESULTS" "$INPUTS" "${FLOORS:-}" "$WORK/libcsv_floor"
    rmdir "$WORK" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "== build" >&2
swift build -c release --product chiiki >&2
CHIIKI=$ROOT/.build/release/chiiki

# libcsv's own cost on the same inputs (Scripts/bench/libcsv_floor.c), printed under the table.
FLOOR=""
FLOORS=$WORK/libcsv-floor-$STAMP.txt
: >"$FLOORS"
if command -v cc >/dev/null && cc -O2 -o "$WORK/libcsv_floor" "$BENCH/libcsv_floor.c" -lcsv 2>/dev/null; then
  FLOOR=$WORK/libcsv_floor
else
  echo "note: no C compiler or libcsv header; the libcsv floor line is skipped" >&2
fi

TOOLS=chiiki
for mod in duckdb pandas; do
  if python3 -c "import $mod" 2>/dev/null; then
    TOOLS+=",$mod"
  else
    echo "note: python3 module '$mod' is not installed; its column is skipped (pip install $mod)" >&2
  fi
done
has_tool() { [[ ,$TOOLS, == *,$1,* ]]; }

echo "{}" >"$INPUTS"
for n in "${SIZE_LIST[@]}"; do
  DATA=$WORK/n$n$SUFFIX
  OUT=$WORK/out-n$n$SUFFIX
  if [[ ! -f $DATA/cases.csv ]]; then
    echo "== generate $n districts -> $DATA" >&2
    rm -rf "$DATA.partial"
    gen=(sample --districts "$n" --areas "$(( n < 5 ? n : 5 ))" --seed 2026 --out "$DATA.partial" --quiet)
    [[ $NOPREV == 1 ]] && gen+=(--no-previous-year)
    "$CHIIKI" "${gen[@]}"
    mv "$DATA.partial" "$DATA"
  else
    echo "== reuse $DATA" >&2
  fi
  python3 "$BENCH/measure.py" inputs "$DATA" "$DATA.inputs.json" >/dev/null
  python3 - "$INPUTS" "$DATA.inputs.json" "$n$SUFFIX" "$n" <<'PY'
import json, sys
allp, one, key, n = sys.argv[1:5]
d = json.load(open(allp)); i = json.load(open(one))
d[key] = {"label": f"{int(n):,}", "bytes": i["bytes"], "rows": i["rows"]}
json.dump(d, open(allp, "w"))
PY
  cat "$DATA"/*.csv >/dev/null  # page cache warm for every tool alike
  rm -rf "$OUT"; mkdir -p "$OUT"
  echo "== $n districts$([[ $NOPREV == 1 ]] && echo ', no previous year')" >&2
  python3 "$BENCH/measure.py" run "$RESULTS" chiiki "$n$SUFFIX" "$OUT/chiiki.log" "$TIMEOUT" -- \
    "$CHIIKI" run --data "$DATA" --out "$OUT/chiiki" || true
  if [[ -n $FLOOR ]]; then
    printf '%s\t%s\n' "$n" "$("$FLOOR" "$DATA"/*.csv | awk -F'\t' '$1 == "all" { print $3 "\t" $4 }')" >>"$FLOORS"
  fi
  if has_tool duckdb; then
    python3 "$BENCH/measure.py" run "$RESULTS" duckdb "$n$SUFFIX" "$OUT/duckdb.log" "$TIMEOUT" -- \
      python3 "$BENCH/duckdb_pipeline.py" --data "$DATA" --out "$OUT/duckdb" --threads 2 || true
  fi
  if has_tool pandas; then
    python3 "$BENCH/measure.py" run "$RESULTS" pandas "$n$SUFFIX" "$OUT/pandas.log" "$TIMEOUT" -- \
      python3 "$BENCH/pandas_pipeline.py" --data "$DATA" --out "$OUT/pandas" || true
  fi
done

# Cross-check at 2,000 districts (else the smallest size run).
CHECK=""
for n in "${SIZE_LIST[@]}"; do [[ $n == 2000 ]] && CHECK=2000; done
if [[ -z $CHECK ]]; then CHECK=$(printf '%s\n' "${SIZE_LIST[@]}" | sort -n | head -1); fi
CROSS=""
O=$WORK/out-n$CHECK$SUFFIX
if has_tool duckdb && [[ -f $O/chiiki/indicators.csv && -f $O/duckdb/indicators.csv ]]; then
  extra=(); has_tool pandas && [[ -f $O/pandas/indicators.csv ]] && extra=("$O/pandas")
  CROSS=$(python3 "$BENCH/crosscheck.py" "$O/chiiki" "$O/duckdb" "${extra[@]}" 2>&1) || true
fi

echo
echo "Scale benchmark: chiiki $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo '+dirty'), \
$(nproc) cores, $(python3 -c 'import platform; print(platform.python_version())' 2>/dev/null) \
$(python3 -c 'import duckdb; print("duckdb", duckdb.__version__)' 2>/dev/null || true) \
$(python3 -c 'import pandas; print("pandas", pandas.__version__)' 2>/dev/null || true); \
inputs from \`chiiki sample --seed 2026 --areas 5$([[ $NOPREV == 1 ]] && echo ' --no-previous-year')\`; one pass each; \
rows = data rows of all input CSVs; MB = 2^20 bytes; peak = max RSS of the child."
echo
python3 "$BENCH/measure.py" table "$RESULTS" "$INPUTS" "$TOOLS"
if [[ -s $FLOORS ]]; then
  echo
  echo "libcsv alone (csv_parse with counting callbacks over every input file, one thread; chiiki hands"
  echo "every input byte to csv_parse, so half of this is a floor under its load phase on two cores):"
  while IFS=$'\t' read -r n secs rate; do
    printf '  %s districts: %s CPU (%s), i.e. at least %.2f s of load on 2 cores\n' "$(printf "%'d" "$n" 2>/dev/null || echo "$n")" "$secs" "$rate" "$(awk -v s="${secs% s}" 'BEGIN { print s / 2 }')"
  done <"$FLOORS"
fi
if [[ -n $CROSS ]]; then
  echo
  echo "Cross-check at $CHECK districts:"
  echo "$CROSS" | sed 's/^/  /'
fi
if grep -q '"rc": [1-9]' "$RESULTS"; then
  echo; echo "Some runs failed; logs under $WORK/out-*/ (kept)." >&2
  KEEP=1
fi
