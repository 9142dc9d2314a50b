#!/usr/bin/env python3
"""Cross-check of chiiki's numbers against the independent pipelines (Scripts/bench/run.sh).

  crosscheck.py CHIIKI_OUT DUCKDB_OUT [PANDAS_OUT]

Compares, per district x indicator, observed O, expected E and ratio O/E (and crude rate) of
chiiki's indicators.csv with the DuckDB pipeline's, and observed/expected consultations of
outreach_targets.csv with its consultations.csv; then DuckDB against pandas. Prints the maximum
relative difference |a - b| / |a| per column. chiiki writes E and ratios with 6 decimals (crude
rates with 8), so differences up to about 5e-7 / value are rounding, not disagreement.
Exits 1 if any difference exceeds the rounding bound or a row is missing.
"""
import csv
import sys


def load(path, key):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {tuple(r[k] for k in key): r for r in csv.DictReader(f)}


def num(s):
    return float(s) if s not in ("", None) else None


def compare(a, b, cols, decimals, label, problems):
    """a: reference (chiiki or duckdb) rows; b: the other. Rows of a with O = 0 and E = 0 may be
    absent from b (a district with no usable cell)."""
    worst = {}
    missing = 0
    for k, ra in a.items():
        rb = b.get(k)
        if rb is None:
            if any((num(ra.get(c)) or 0) != 0 for c in cols):
                missing += 1
            continue
        for c in cols:
            x, y = num(ra[c]), num(rb[c])
            if x is None or y is None:
                if (x is None) != (y is None):
                    problems.append(f"{label}: {k} {c}: {ra[c]!r} vs {rb[c]!r}")
                continue
            rel = abs(x - y) / abs(x) if x != 0 else abs(y)
            bound = (0.5 * 10 ** -decimals.get(c, 15) / abs(x) if x != 0 else 0.5 * 10 ** -decimals.get(c, 15)) + 1e-12
            w = worst.setdefault(c, [0.0, 0.0, None])
            if rel > w[0]:
                w[0], w[2] = rel, k
            w[1] = max(w[1], rel / bound)
    extra = sum(1 for k in b if k not in a)
    parts = [f"{c} {w[0]:.1e}" for c, w in worst.items()]
    print(f"{label}: {len(a)} rows compared; max relative difference: " + ", ".join(parts)
          + (f"; {missing} rows missing" if missing else "") + (f"; {extra} extra rows" if extra else ""))
    for c, w in worst.items():
        if w[1] > 1.0 + 1e-6:
            problems.append(f"{label}: {c} differs beyond rounding (rel {w[0]:.3g} at {w[2]})")
    if missing or extra:
        problems.append(f"{label}: {missing} missing, {extra} extra rows")


def main():
    chiiki, duck = sys.argv[1], sys.argv[2]
    pand = sys.argv[3] if len(sys.argv) > 3 else None
    problems = []
    ind_key = ("district_code", "indicator")
    cols = ("observed", "expected", "ratio", "crude_rate")
    ci = load(f"{chiiki}/indicators.csv", ind_key)
    di = load(f"{duck}/indicators.csv", ind_key)
    compare(ci, di, cols, {"observed": 6, "expected": 6, "ratio": 6, "crude_rate": 8},
            "chiiki vs DuckDB, indicators.csv (O, E, O/E, crude)", problems)
    con_cols = ("observed_consultations", "expected_consultations")
    co = load(f"{chiiki}/outreach_targets.csv", ("district_code",))
    dc = load(f"{duck}/consultations.csv", ("district_code",))
    compare(co, dc, con_cols, {"observed_consultations": 0, "expected_consultations": 6},
            "chiiki vs DuckDB, consultations (observed, expected)", problems)
    if pand:
        compare(di, load(f"{pand}/indicators.csv", ind_key), cols, {},
                "DuckDB vs pandas, indicators", problems)
        compare(dc, load(f"{pand}/consultations.csv", ("district_code",)), con_cols, {},
                "DuckDB vs pandas, consultations", problems)
    for p in problems:
        print("  MISMATCH: " + p)
    if not problems:
        print("all agree within chiiki's printed precision (6 decimals; 8 for crude rates)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
