#!/usr/bin/env python3
"""Measurement helpers for Scripts/bench/run.sh.

  measure.py inputs DIR CACHE.json          input size: bytes and data rows of DIR/*.csv (cached)
  measure.py run RESULTS.jsonl TOOL KEY LOG TIMEOUT -- CMD ...
                                            runs CMD once, appends {tool, key, wall_s, peak_kb, rc};
                                            TIMEOUT seconds (0 = none): the child's process group
                                            is killed and the result recorded as a timeout
  measure.py table RESULTS.jsonl INPUTS.json TOOLS
                                            prints the Markdown table

Wall time and peak memory (maximum resident set size) of the child: `/usr/bin/time -f "%e %M"`
when present (Debian package `time`), otherwise wait4()/getrusage(RUSAGE_CHILDREN) here.
MB = 2^20 bytes throughout (input and peak memory).
"""
import json
import os
import resource
import signal
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


def wait(proc, timeout):
    """Waits for proc; on timeout kills its whole process group (its own session). True if it timed out."""
    try:
        proc.wait(timeout=timeout or None)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def run(results, tool, key, log, timeout, cmd):
    start = time.perf_counter()
    with open(log, "wb") as out:
        if os.access(GNU_TIME, os.X_OK):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
                proc = subprocess.Popen([GNU_TIME, "-f", "%e %M", "-o", t.name, "--"] + cmd, stdout=out, stderr=out,
                                        start_new_session=True)
                timed_out = wait(proc, timeout)
                rc = proc.returncode
                fields = t.read().split()
            # GNU time prints "Command exited with non-zero status N" first on failure; nothing if killed.
            if len(fields) >= 2:
                wall, peak_kb = float(fields[-2]), int(fields[-1])
            else:
                wall, peak_kb = time.perf_counter() - start, 0
            how = "gnu-time"
        else:
            proc = subprocess.Popen(cmd, stdout=out, stderr=out, start_new_session=True)
            timed_out = wait(proc, timeout)
            wall = time.perf_counter() - start
            rc = proc.returncode
            # RUSAGE_CHILDREN: max RSS over the children waited for, here the one child (KB on Linux)
            peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            how = "getrusage"
    rec = {"tool": tool, "key": key, "wall_s": wall, "peak_kb": peak_kb, "rc": rc, "how": how,
           "timeout": timeout if timed_out else None}
    with open(results, "a") as f:
        f.write(json.dumps(rec) + "\n")
    status = "ok" if rc == 0 else (f"TIMEOUT after {timeout} s (killed)" if timed_out else f"FAILED (exit {rc}, see {log})")
    print(f"  {tool:<7} {wall:8.2f} s  {peak_kb / 1024:8.0f} MB peak  {status}", file=sys.stderr)
    return 0 if timed_out else rc


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
            elif r.get("timeout"):
                row += [f"> {int(r['timeout']):,} (timeout)", "", "", ""]
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
        results, tool, key, log, timeout = a[1:6]
        sys.exit(run(results, tool, key, log, float(timeout), a[sep + 1:]))
    elif a[:1] == ["table"]:
        table(a[1], a[2], a[3].split(","))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
