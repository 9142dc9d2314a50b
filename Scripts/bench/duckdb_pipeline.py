#!/usr/bin/env python3
"""The core of `chiiki run` in DuckDB SQL, for the scale benchmark (issue 6).

    python3 duckdb_pipeline.py --data DIR --out OUTDIR [--threads 2]

Reads districts.csv, statistics.csv, population.csv and cases.csv from DIR and writes
    OUTDIR/indicators.csv     district_code, indicator, period, observed, expected, ratio, crude_rate
    OUTDIR/consultations.csv  district_code, observed_consultations, expected_consultations
with the data contract's definitions:
  * run period = the latest month in cases.csv;
  * per indicator, the latest statistics period not after the run period;
  * `-` = 0; `X`, `…`, `...`, `***`, empty (or anything else that is not a whole number) =
    suppressed: the cell is left out of O, E and the reference rates;
  * an empty denominator is filled from population.csv (same district, sex, age band; the
    latest population period not after the statistics period);
  * reference rate per indicator x sex x age band = sum numerators / sum denominators over all
    districts (usable cells only); E(d) = sum of the district's denominators x reference rates;
    O(d) = sum of numerators; ratio = O/E; crude rate = O / sum of denominators;
  * consultations over the 12 months ending with the run period; C = their total;
    expected(d) = C x mean over indicators (with O(all,i) > 0) of O(d,i) / O(all,i).

What it does NOT do that `chiiki run` does (so the comparison flatters this pipeline):
  * no validation or diagnostics with file:line:column, no numerator <= denominator check,
    no unknown-district check, no duplicate-cell check, no atomic all-or-nothing output;
  * no encoding detection (UTF-8 only; no CP932, BOM tolerated by DuckDB), no 和暦 periods,
    no sex/age aliases (男/女, 15〜19歳, 85歳以上 ...), no re-banding of mismatched age bands;
  * an empty denominator is filled from population for every indicator (chiiki does so only
    for indicators configured `denominator = "population"`, with their age limits);
  * no intervals (exact Poisson, Wilson), no funnel limits or over-dispersion, no empirical
    Bayes smoothing, no trends against the previous period, no need index, priority score,
    leaflets, segments, areas, category reach, referral outcomes, resource directory,
    meeting report (Markdown/HTML with SVG charts), manifest with SHA-256 of the inputs,
    Excel-safe CSV (BOM, CRLF, formula neutralising).
"""
import argparse
import os
import sys
import time

try:
    import duckdb
except ImportError:  # the driver checks this first and skips the column
    sys.exit("duckdb is not installed for this python3 (pip install duckdb)")


# Period text -> sortable integer year*100 + month (a year alone, e.g. `2025`, counts as month 0,
# i.e. before any month of that year). Accepts 2026-10, 2026/10, 202610, 2026.
def period_key(col):
    return f"""(CASE
        WHEN regexp_full_match({col}, '\\d{{4}}[-/]\\d{{1,2}}')
          THEN CAST(split_part(replace({col}, '/', '-'), '-', 1) AS INTEGER) * 100
             + CAST(split_part(replace({col}, '/', '-'), '-', 2) AS INTEGER)
        WHEN regexp_full_match({col}, '\\d{{6}}') THEN CAST({col} AS INTEGER)
        WHEN regexp_full_match({col}, '\\d{{4}}') THEN CAST({col} AS INTEGER) * 100
      END)"""


# e-Stat count cell -> BIGINT: `-` is 0, a whole number is itself, anything else is NULL (suppressed).
def count(col):
    return f"(CASE WHEN trim({col}) = '-' THEN 0 ELSE TRY_CAST(trim({col}) AS BIGINT) END)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--window", type=int, default=12)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    t0 = time.perf_counter()

    def path(name):
        return os.path.join(args.data, name).replace("'", "''")

    con = duckdb.connect()  # in memory; spills to a temp directory if it must
    con.execute(f"SET threads={args.threads}")
    con.execute("SET preserve_insertion_order=false")

    csv = "header=true, all_varchar=true, quote='\"', escape='\"'"
    con.execute(f"""CREATE TEMP TABLE districts AS
        SELECT district_code AS d FROM read_csv('{path('districts.csv')}', {csv})""")

    # Run period: the latest month in cases.csv. Cases are small; read them once.
    con.execute(f"""CREATE TEMP TABLE cases AS
        SELECT {period_key('period')} AS p, district_code AS d, {count('consultations')} AS n
        FROM read_csv('{path('cases.csv')}', {csv})""")
    run = con.execute("SELECT max(p) FROM cases WHERE p % 100 <> 0").fetchone()[0]
    if run is None:
        sys.exit("cases.csv has no month")
    run_month = (run // 100) * 12 + (run % 100 - 1)  # months since year 0
    first_month = run_month - args.window + 1
    first = (first_month // 12) * 100 + first_month % 12 + 1

    # Statistics: one scan, keeping rows not after the run period, then the latest such period
    # per indicator.
    con.execute(f"""CREATE TEMP TABLE s AS
        SELECT {period_key('period')} AS p, indicator AS i, district_code AS d, sex, age_group AS a,
               {count('numerator')} AS num,
               {count('denominator')} AS den,
               (denominator IS NULL OR trim(denominator) = '') AS fill
        FROM read_csv('{path('statistics.csv')}', {csv})
        WHERE {period_key('period')} <= {run}""")
    con.execute("""CREATE TEMP TABLE chosen AS SELECT i, max(p) AS p FROM s GROUP BY i""")

    # Population period for each chosen statistics period: the latest not after it.
    pop_path = os.path.join(args.data, "population.csv")
    if os.path.exists(pop_path):
        con.execute(f"""CREATE TEMP TABLE pop AS
            SELECT {period_key('period')} AS pp, district_code AS d, sex, age_group AS a,
                   {count('population')} AS population
            FROM read_csv('{path('population.csv')}', {csv})
            WHERE {period_key('period')} <= (SELECT max(p) FROM chosen)""")
        con.execute("""CREATE TEMP TABLE popperiod AS
            SELECT c.p, max(pop.pp) AS pp FROM (SELECT DISTINCT p FROM chosen) c
            JOIN (SELECT DISTINCT pp FROM pop) pop ON pop.pp <= c.p GROUP BY c.p""")
        den_expr = "CASE WHEN s.fill THEN pop.population ELSE s.den END"
        pop_join = """LEFT JOIN popperiod pp ON pp.p = s.p
            LEFT JOIN pop ON s.fill AND pop.pp = pp.pp AND pop.d = s.d AND pop.sex = s.sex AND pop.a = s.a"""
    else:
        den_expr = "s.den"
        pop_join = ""

    # Usable cells of the chosen period: numerator and denominator both counts.
    con.execute(f"""CREATE TEMP TABLE cells AS
        SELECT s.i, s.p, s.d, s.sex, s.a, s.num, {den_expr} AS den
        FROM s JOIN chosen c ON c.i = s.i AND c.p = s.p
        {pop_join}""")
    con.execute("DELETE FROM cells WHERE num IS NULL OR den IS NULL")
    con.execute("""CREATE TEMP TABLE rates AS
        SELECT i, sex, a, sum(num)::DOUBLE / sum(den) AS rate FROM cells GROUP BY i, sex, a HAVING sum(den) > 0""")
    con.execute("""CREATE TEMP TABLE ind AS
        SELECT c.d, c.i, min(c.p) AS p, sum(c.num)::DOUBLE AS observed, sum(c.den * r.rate) AS expected,
               sum(c.den)::DOUBLE AS denominator
        FROM cells c JOIN rates r USING (i, sex, a) GROUP BY c.d, c.i""")

    out_ind = os.path.join(args.out, "indicators.csv").replace("'", "''")
    con.execute(f"""COPY (
        SELECT d AS district_code, i AS indicator, p AS period, observed, expected,
               CASE WHEN expected > 0 THEN observed / expected END AS ratio,
               CASE WHEN denominator > 0 THEN observed / denominator END AS crude_rate
        FROM ind ORDER BY d, i) TO '{out_ind}' (HEADER, DELIMITER ',')""")

    # Consultations in the window, and expected consultations under even reach of need.
    out_con = os.path.join(args.out, "consultations.csv").replace("'", "''")
    con.execute(f"""COPY (
        WITH win AS (SELECT d, sum(n) AS n FROM cases WHERE p BETWEEN {first} AND {run} GROUP BY d),
             total AS (SELECT coalesce(sum(n), 0)::DOUBLE AS c FROM win),
             oall AS (SELECT i, sum(observed) AS o FROM ind GROUP BY i HAVING sum(observed) > 0),
             share AS (SELECT ind.d, sum(ind.observed / oall.o) / (SELECT count(*) FROM oall) AS share
                       FROM ind JOIN oall USING (i) GROUP BY ind.d)
        SELECT districts.d AS district_code, coalesce(win.n, 0) AS observed_consultations,
               coalesce(share.share, 0) * (SELECT c FROM total) AS expected_consultations
        FROM districts LEFT JOIN win USING (d) LEFT JOIN share USING (d)
        ORDER BY districts.d) TO '{out_con}' (HEADER, DELIMITER ',')""")

    rows = con.execute("SELECT count(*) FROM ind").fetchone()[0]
    print(f"duckdb: run period {run // 100}-{run % 100:02d}, {rows} district x indicator rows, "
          f"{time.perf_counter() - t0:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
