#!/usr/bin/env python3
"""The core of `chiiki run` in pandas, for the scale benchmark (issue 6).

    python3 pandas_pipeline.py --data DIR --out OUTDIR

Same inputs, outputs and definitions as duckdb_pipeline.py (see its docstring):
    OUTDIR/indicators.csv     district_code, indicator, period, observed, expected, ratio, crude_rate
    OUTDIR/consultations.csv  district_code, observed_consultations, expected_consultations

Written the way a careful analyst would for large inputs: the C CSV parser with every text
column read as `category` (so 30 million rows of repeated codes cost a few bytes each), e-Stat
cells converted once per distinct value rather than once per row, joins on categoricals that
share their categories. pandas is single-threaded here (the C parser and groupby use one core);
chiiki and DuckDB may use two.

What it does NOT do that `chiiki run` does: the same list as duckdb_pipeline.py — no
validation/diagnostics, no encoding detection, no 和暦 or sex/age aliases, no re-banding,
population fill for every empty denominator, no intervals, funnel, over-dispersion, empirical
Bayes, trends, need index, priority, leaflets, segments, areas, category reach, referral
outcomes, resource directory, meeting report, manifest/SHA-256, Excel-safe atomic output.
"""
import argparse
import os
import re
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.exit("pandas is not installed for this python3 (pip install pandas)")

PERIOD = re.compile(r"^\s*(\d{4})(?:[-/](\d{1,2})|(\d{2}))?\s*$")


def period_key(text):
    """2026-10, 2026/10, 202610 -> 202610; 2026 -> 202600 (before any month of the year); else NaN."""
    if isinstance(text, (int, np.integer)):  # the parser inferred numeric categories (202610, 2026)
        text = str(text)
    m = PERIOD.match(str(text))
    if not m:
        return np.nan
    month = m.group(2) or m.group(3) or "0"
    return int(m.group(1)) * 100 + int(month)


def count_value(text):
    """e-Stat cell: `-` is 0, a whole number is itself, anything else (X, …, ..., ***, empty) is NaN."""
    if isinstance(text, (int, np.integer)):  # the parser inferred numeric categories
        return float(text) if text >= 0 else np.nan
    t = str(text).strip()
    if t == "-":
        return 0.0
    return float(t) if t.isdigit() else np.nan


def decode(series, fn):
    """Apply fn to each distinct value of a categorical series (not to each row)."""
    table = np.array([fn(c) for c in series.cat.categories] + [np.nan], dtype="float64")
    return table[series.cat.codes.to_numpy()]  # code -1 (missing) picks the trailing NaN


def read(path, text_cols, other_cols=(), districts=None):
    # `category` infers the categories' type (a column of codes such as 000100 would become the
    # integer 100), so district codes get the categories of districts.csv up front; codes not in
    # districts.csv become missing.
    dtype = {c: "category" for c in list(text_cols) + list(other_cols)}
    if districts is not None:
        dtype["district_code"] = districts
    return pd.read_csv(path, usecols=list(text_cols) + list(other_cols), dtype=dtype,
                       keep_default_na=False, na_values=[], engine="c", encoding="utf-8-sig")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--window", type=int, default=12)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.perf_counter()
    p = lambda name: os.path.join(args.data, name)

    districts = pd.read_csv(p("districts.csv"), usecols=["district_code"], dtype=str,
                            keep_default_na=False, encoding="utf-8-sig")["district_code"]
    dcat = pd.CategoricalDtype(districts.drop_duplicates().tolist())

    # Cases: run period = latest month; window sums per district.
    cases = read(p("cases.csv"), ["period", "district_code", "consultations"], districts=dcat)
    cases_p = decode(cases["period"], period_key)
    run = int(np.nanmax(np.where(cases_p % 100 != 0, cases_p, np.nan)))
    run_month = (run // 100) * 12 + (run % 100 - 1)
    first_month = run_month - args.window + 1
    first = (first_month // 12) * 100 + first_month % 12 + 1
    in_window = (cases_p >= first) & (cases_p <= run)
    win = pd.DataFrame({"district_code": cases["district_code"][in_window],
                        "n": decode(cases["consultations"], count_value)[in_window]})
    observed_c = win.groupby("district_code", observed=False)["n"].sum()
    del cases, win

    # Statistics: keep the latest period not after the run period, per indicator.
    stats = read(p("statistics.csv"), ["period", "district_code", "sex", "age_group", "indicator",
                                       "numerator", "denominator"], districts=dcat)
    sp = decode(stats["period"], period_key)
    sp = np.where(sp <= run, sp, np.nan)
    chosen = pd.Series(sp).groupby(stats["indicator"].cat.codes.to_numpy()).max()
    keep = sp == chosen.reindex(stats["indicator"].cat.codes.to_numpy()).to_numpy()
    cells = pd.DataFrame({
        "p": sp[keep],
        "district_code": stats["district_code"][keep],
        "sex": stats["sex"][keep],
        "age_group": stats["age_group"][keep],
        "indicator": stats["indicator"][keep],
        "num": decode(stats["numerator"], count_value)[keep],
        "den": decode(stats["denominator"], count_value)[keep],
        "fill": (stats["denominator"] == "").to_numpy()[keep],
    })
    del stats, sp, keep

    # Empty denominators from population.csv: same district, sex, age band, latest population
    # period not after the statistics period.
    if os.path.exists(p("population.csv")) and cells["fill"].any():
        pop = read(p("population.csv"), ["period", "district_code", "sex", "age_group", "population"], districts=dcat)
        pp = decode(pop["period"], period_key)
        popn = decode(pop["population"], count_value)
        pieces = []
        for stat_period in np.unique(cells.loc[cells["fill"], "p"]):
            candidates = np.unique(pp[pp <= stat_period])
            if len(candidates) == 0:
                continue
            sel = pp == candidates[-1]
            pieces.append(pd.DataFrame({"p": stat_period, "district_code": pop["district_code"][sel],
                                        "sex": pop["sex"][sel], "age_group": pop["age_group"][sel],
                                        "population": popn[sel]}))
        del pop, pp, popn
        if pieces:
            popsel = pd.concat(pieces, ignore_index=True)
            # Give both sides the same categories so the join works on integer codes.
            for col in ("sex", "age_group"):
                cats = pd.CategoricalDtype(sorted(set(cells[col].cat.categories) | set(popsel[col].cat.categories)))
                cells[col] = cells[col].astype(cats)
                popsel[col] = popsel[col].astype(cats)
            filled = cells.loc[cells["fill"], ["p", "district_code", "sex", "age_group"]].merge(
                popsel, on=["p", "district_code", "sex", "age_group"], how="left", sort=False)
            # merge keeps left order, so positions line up with the fill rows
            den = cells["den"].to_numpy().copy()
            den[cells["fill"].to_numpy()] = filled["population"].to_numpy()
            cells["den"] = den
            del popsel, filled

    # Usable cells, reference rates per indicator x sex x age, O and E per district.
    cells = cells[cells["num"].notna() & cells["den"].notna()]
    keys = ["indicator", "sex", "age_group"]
    g = cells.groupby(keys, observed=True)
    rate = g["num"].transform("sum") / g["den"].transform("sum")
    cells = cells.assign(e=cells["den"] * rate)
    ind = (cells.groupby(["district_code", "indicator"], observed=True)
           .agg(period=("p", "min"), observed=("num", "sum"), expected=("e", "sum"), denominator=("den", "sum"))
           .reset_index())
    ind["ratio"] = (ind["observed"] / ind["expected"]).where(ind["expected"] > 0)
    ind["crude_rate"] = (ind["observed"] / ind["denominator"]).where(ind["denominator"] > 0)
    ind["period"] = ind["period"].astype("int64")
    ind = ind.sort_values(["district_code", "indicator"], key=lambda s: s.astype(str))
    ind[["district_code", "indicator", "period", "observed", "expected", "ratio", "crude_rate"]].to_csv(
        os.path.join(args.out, "indicators.csv"), index=False)

    # Expected consultations: C x mean over indicators of O(d,i) / O(all,i).
    oall = ind.groupby("indicator", observed=True)["observed"].sum()
    oall = oall[oall > 0]
    used = ind[ind["indicator"].isin(oall.index)]
    share = (used["observed"] / used["indicator"].map(oall).astype("float64")).groupby(
        used["district_code"], observed=False).sum() / max(len(oall), 1)
    total = float(observed_c.sum())
    out = pd.DataFrame({"district_code": dcat.categories,
                        "observed_consultations": observed_c.reindex(dcat.categories).fillna(0).astype("int64").to_numpy(),
                        "expected_consultations": share.reindex(dcat.categories).fillna(0).to_numpy() * total})
    out.sort_values("district_code").to_csv(os.path.join(args.out, "consultations.csv"), index=False)
    print(f"pandas: run period {run // 100}-{run % 100:02d}, {len(ind)} district x indicator rows, "
          f"{time.perf_counter() - t0:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
