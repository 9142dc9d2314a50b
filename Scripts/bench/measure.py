#!/usr/bin/env python3
"""Measurement helpers for Scripts/bench/run.sh.

  measure.py inputs DIR CACHE.json          input size: bytes and data rows of DIR/*.csv (cached)
  measure.py run RESULTS.jsonl TOOL KEY LOG -- CMD ...
                                            runs CMD once, appends {tool, key, wall_s, peak_kb, rc}
  measure.py table RESULTS.jsonl INPUTS.json TOOLS
                                            prints the Markdown table

Wall time and peak memory (maximum resident set size) of the child: `/usr/bin/time -f "%e %M"`
when present (Debian package `time`), otherwise wait4()/getrusage(RUSAGE_CHILDREN) here.
MB = 2^20 bytes throughout (input and peak memory).
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def count_inputs(directory, cache):
    if os.path.exists(cache):
        with open(cache) as f:
            return json.load(f)
    total_bytes = 0
    rows = 0
    files = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".csv"):
            continue
        path = os.path.join(directory, name)
        n = 0
        last = b"\n"
        with open(path, "rb") as f:
            while chunk := f.read(1 << 24):
                n += chunk.count(b"\n")
                last = chunk[-1:]
        if last != b"\n":
            n += 1
        size = os.path.getsize(path)
        files[name] = {"bytes": size, "rows": max(n - 1, 0)}  # header excluded
        total_bytes += size
        rows += max(n - 1, 0)
    info = {"bytes": total_bytes, "rows": rows, "files": files}
    with open(cache, "w") as f:
        json.dump(info, f)
    return info


def run(results, tool, key, log, cmd):
    with open(log, "wb") as out:
        if os.access(GNU_TIME, os.X_OK):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
                rc = subprocess.call([GNU_TIME, "-f", "%e %M", "-o", t.name, "--"] + cmd, stdout=out, stderr=out)
                fields = t.read().split()
            # GNU time prints "Command exited with non-zero status N" first on failure.
            wall, peak_kb = float(fields[-2]), int(fields[-1])
            how = "gnu-time"
        else:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=out)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            rc = os.waitstatus_to_exitcode(status)
            peak_kb = usage.ru_maxrss  # KB on Linux; equals RUSAGE_CHILDREN's for this one child
            how = "wait4"
    rec = {"tool": tool, "key": key, "wall_s": wall, "peak_kb": peak_kb, "rc": rc, "how": how}
    with open(results, "a") as f:
        f.write(json.dumps(rec) + "\n")
    status = "ok" if rc == 0 else f"FAILED (exit {rc}, see {log})"
    print(f"  {tool:<7} {wall:8.2f} s  {peak_kb / 1024:8.0f} MB peak  {status}", file=sys.stderr)
    return rc


def fmt_int(n):
    return f"{n:,}"


def fmt_rate(x):
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def table(results, inputs_file, tools):
    with open(inputs_file) as f:
        inputs = json.load(f)  # key -> {"label", "bytes", "rows"}
    recs = {}
    with open(results) as f:
        for line in f:
            r = json.loads(line)
            recs[(r["key"], r["tool"])] = r
    head = ["districts", "input MB", "rows"]
    for t in tools:
        head += [f"{t} wall s", f"{t} rows/s", f"{t} MB/s", f"{t} peak MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, info in inputs.items():
        mb = info["bytes"] / 2**20
        row = [info["label"], f"{mb:,.1f}", fmt_int(info["rows"])]
        for t in tools:
            r = recs.get((key, t))
            if r is None:
                row += ["skipped"] + [""] * 3
            elif r["rc"] != 0:
                row += [f"failed ({r['rc']})", "", "", f"{r['peak_kb'] / 1024:,.0f}"]
            else:
                w = max(r["wall_s"], 0.01)
                row += [f"{r['wall_s']:.2f}", fmt_rate(info["rows"] / w), fmt_rate(mb / w), f"{r['peak_kb'] / 1024:,.0f}"]
        lines.append("| " + " | ".join(row) + " |")
    print("\n".join(lines))


def main():
    a = sys.argv[1:]
    if a[:1] == ["inputs"]:
        print(json.dumps(count_inputs(a[1], a[2])))
    elif a[:1] == ["run"]:
        sep = a.index("--")
        results, tool, key, log = a[1:5]
        sys.exit(run(results, tool, key, log, a[sep + 1:]))
    elif a[:1] == ["table"]:
        table(a[1], a[2], a[3].split(","))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
