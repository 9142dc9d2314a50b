#!/usr/bin/env python3
"""Builds synthetic_estat_miyagi.csv: an e-Stat 小地域集計 age-by-sex table of a kind the importer
has not seen (宮城県, table id T000849 = 2015 census, 2015-style labels with a leading full-width
space, columns in another order: NAME before CITYNAME, GASSAN/HTKSAKI/HTKSYORI reversed, the 女
block before the 男 block, subtotals before the bands, rows shuffled), plus
synthetic_estat_expected.csv: the ground truth the importer must recover, computed here from the
true per-area populations, never from the importer.

Publication rules applied to the truth (as e-Stat does, japan-context.md §2.1):
- HYOSYO 3 町 rows publish the sum of all their 丁目 (hidden ones included);
- a hidden area (HTKSYORI 2) shows X everywhere and names its receiver in HTKSAKI (4 digits -> a
  9-digit row, 6 digits -> an 11-digit row); the receiver (HTKSYORI 1) publishes its own people
  plus those of every area merged into it, along chains (C -> D -> E1);
- HYOSYO 1 rows publish the sum of every person in the 市区町村;
- 0 is written '-'; one cell of 04202 is suppressed (X) in a non-hidden row.
Run: python3 make_synthetic_estat.py   (deterministic: fixed seed)
"""
import csv, io, random

rng = random.Random(20150)
BANDS = [f"{a}～{a+4}歳" for a in range(0, 75, 5)]  # 15 bands 0-4 … 70-74
# Per sex: 15 bands + 75+ + unknown age.
def people(scale):
    return {s: [rng.randint(0, scale) for _ in range(16)] + [rng.randint(0, 3)] for s in "MF"}
def zero():
    return {s: [0] * 17 for s in "MF"}
def add(a, b):
    return {s: [x + y for x, y in zip(a[s], b[s])] for s in "MF"}

# Base areas (true populations). key: (level, city, name, truth, hiding, target, gassan)
areas = {}
def area(key, level, city, name, truth=None, hiding=0, target="", gassan=""):
    areas[key] = dict(key=key, level=level, city=city, name=name, truth=truth, hiding=hiding,
                      target=target, gassan=gassan)

A, S = "仙台市青葉区", "石巻市"
area("04101", 1, A, "")
area("041010010", 2, A, "青葉町", people(40))
area("041010020", 3, A, "国分町", hiding=1, gassan="002003")           # receives its own 丁目 3
area("04101002001", 4, A, "国分町一丁目", people(30))                  # non-empty siblings:
area("04101002002", 4, A, "国分町二丁目", people(25))                  # the remainder rule matters
area("04101002003", 4, A, "国分町三丁目", people(2), hiding=2, target="0020")
area("041010030", 2, A, "小町", people(1), hiding=2, target="0040")     # chain: 小町 -> 中町 -> 大町一丁目
area("041010040", 2, A, "中町", people(2), hiding=2, target="005001")
area("041010050", 3, A, "大町")
area("04101005001", 4, A, "大町一丁目", people(20), hiding=1, gassan="0030;0040")
area("04101005002", 4, A, "大町二丁目", people(20))
area("041010060", 2, A, "無人町", zero())                              # all '-'
area("04202", 1, S, "")
area("042020010", 2, S, "門脇町", people(35))
area("042020020", 3, S, "湊町")                                        # total hidden (X): its 丁目 2 went elsewhere
area("04202002001", 4, S, "湊町一丁目", people(30))
area("04202002002", 4, S, "湊町二丁目", people(1), hiding=2, target="003001")
area("042020030", 3, S, "中央")
area("04202003001", 4, S, "中央一丁目", people(25), hiding=1, gassan="002002")
area("04202003002", 4, S, "中央二丁目", people(25))                    # one suppressed cell (男30～34歳)

def receiver(key):
    a = areas[key]
    while a["hiding"] == 2:
        t = a["target"]
        a = areas[a["key"][:5] + t]
    return a["key"]

# Published figures.
published = {}
for k, a in areas.items():
    if a["level"] in (2, 4) and a["truth"] is not None:
        published[k] = a["truth"]
for k, a in areas.items():                         # carried people go to the final receiver
    if a["hiding"] == 2:
        r = receiver(k)
        if areas[r]["level"] in (2, 4):
            published[r] = add(published[r], a["truth"])
for k, a in areas.items():                         # 町 totals: all their 丁目, truth
    if a["level"] == 3:
        tot = zero()
        for c, b in areas.items():
            if len(c) == 11 and c[:9] == k:
                tot = add(tot, b["truth"])
        published[k] = tot
for k, a in areas.items():                         # 市区町村: everyone
    if a["level"] == 1:
        tot = zero()
        for c, b in areas.items():
            if c[:5] == k and b["level"] in (2, 4):
                tot = add(tot, b["truth"])
        published[k] = tot

def cells(fig, key, hidden):
    """Value cells for one row in this table's column order, as text."""
    out = []
    def w(v):
        return "X" if hidden else ("-" if v == 0 else str(v))
    both = {"T": [m + f for m, f in zip(fig["M"], fig["F"])]}
    for s, label in (("F", "女"), ("M", "男"), ("T", "総数")):
        v = fig[s] if s != "T" else both["T"]
        total = sum(v)                               # includes unknown age (index 16)
        under15 = sum(v[0:3]); mid = sum(v[3:13]); over65 = sum(v[13:16]); over75 = v[15]
        row = [total, under15, mid, over65] + v[:15] + [over75]
        out += [w(x) for x in row]
    if key == "04202003002" and not hidden:
        out[1 * 20 + 4 + 6] = "X"                    # 男30～34歳 suppressed
    return out

labels, codes = [], []
n = 0
for s, label in (("F", "女"), ("M", "男"), ("T", "総数")):
    pre = "" if s == "T" else label
    names = ([f"{label}の総数（年齢「不詳」を含む）" if s != "T" else "総数（年齢「不詳」を含む）",
              f"{pre}15歳未満", f"{pre}15～64歳", f"{pre}65歳以上"]
             + [f"{pre}{b}" for b in BANDS] + [f"{pre}75歳以上"])
    for name in names:
        n += 1
        codes.append(f"T000849{n:03d}")
        labels.append("\u3000" + name)

ID = ["KEY_CODE", "NAME", "CITYNAME", "HYOSYO", "GASSAN", "HTKSAKI", "HTKSYORI"]
rows = []
for k, a in areas.items():
    hidden = a["hiding"] == 2 or k in ("042020020",)       # 湊町 total suppressed like Osaka's 15
    rows.append([k, a["name"], a["city"], str(a["level"]), a["gassan"], a["target"],
                 str(a["hiding"])] + cells(published[k], k, hidden))
rng.shuffle(rows)
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\r\n")
wr.writerow(ID + codes)
wr.writerow([""] * len(ID) + labels)
for r in rows:
    wr.writerow(r)
open("synthetic_estat_miyagi.csv", "wb").write(buf.getvalue().encode("cp932"))

# Ground truth per district: each published non-hidden 町/丁目, plus the 国分町 remainder, with
# everything merged into it; X for the suppressed cell.
bands = [f"{a}-{a+4}" for a in range(0, 75, 5)] + ["75+"]
exp = io.StringIO()
we = csv.writer(exp, lineterminator="\n")
we.writerow(["district_code", "sex", "age_group", "population", "unknown_age"])
districts = [k for k, a in areas.items() if a["hiding"] != 2 and a["level"] in (2, 4)] + ["041010020"]
for k in sorted(districts):
    truth = areas[k]["truth"] if areas[k]["truth"] is not None else zero()
    for c, b in areas.items():
        if b["hiding"] == 2 and receiver(c) == k:
            truth = add(truth, b["truth"])
    for s, sex in (("M", "male"), ("F", "female")):
        for i, band in enumerate(bands):
            v = "X" if (k == "04202003002" and s == "M" and band == "30-34") else str(truth[s][i])
            we.writerow([k, sex, band, v, truth[s][16]])
open("synthetic_estat_expected.csv", "w").write(exp.getvalue())
print("areas", len(areas), "districts", len(districts))
