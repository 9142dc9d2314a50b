#!/usr/bin/env python3
"""Builds juki_variant_cp932.csv: a 住基「地域・年齢別人口」 file in a variant layout (CP932,
地域名 before 地域コード, an extra KEY_CODE column, bands up to 100歳以上, 年齢不詳の男性/女性,
a municipality-total row without 地域コード, blank age cells, 調査年月日 2025/1/1, a quoted
世帯数 with a thousands separator). Values (used by JukiImporterTests):
- 101 本町一丁目: male band i (0-based, 21 bands) = i+1, so 1..21 (sum 231), 年齢不詳 male 2,
  男性 233; female every band 2 (sum 42), 女性 42; 総人口 275; 世帯数 "1,234".
- 102 本町二丁目: male only 0-4 = 5 and 100+ = 1, other male bands blank; 男性 6, so the blanks
  are confirmed zeros. Female 0-4 blank, other 20 bands 1; 女性 25 ≠ 20, so the blank stays
  missing (written X) and is reported. 総人口 31.
- total row: 地域コード empty, 地域名 合計.
"""
import csv, io
bands = [f"{a}-{a+4}歳" for a in range(0, 100, 5)] + ["100歳以上"]
head = ["地域名", "地域コード", "KEY_CODE", "市区町村名", "調査年月日", "総人口", "男性", "女性"]
for b in bands:
    head += [f"{b}の男性", f"{b}の女性"]
head += ["年齢不詳の男性", "年齢不詳の女性", "世帯数"]
def row(name, code, key, total, m, f, ages_m, ages_f, um, uf, hh):
    r = [name, code, key, "架空市", "2025/1/1", total, m, f]
    for x, y in zip(ages_m, ages_f):
        r += [x, y]
    return r + [um, uf, hh]
a = row("本町一丁目", "101", "99999000101", 275, 233, 42, [str(i + 1) for i in range(21)], ["2"] * 21, "2", "0", "1,234")
bm = ["5"] + [""] * 19 + ["1"]
bf = [""] + ["1"] * 20
b = row("本町二丁目", "102", "99999000102", 31, 6, 25, bm, bf, "0", "0", "20")
t = row("合計", "", "", 306, 239, 67, [""] * 21, [""] * 21, "2", "0", "1254")
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
for r in (head, t, a, b):
    w.writerow(r)
open("juki_variant_cp932.csv", "wb").write(buf.getvalue().encode("cp932"))
