#!/usr/bin/env python3
"""Turn make bench's measurements into one Markdown table.

  table.py OUT.md RUNDIR...

Each RUNDIR (build/bench/run-SIZE, smallest size first) holds what
tests/bench/run.sh left there: the commands, the floor's own count of what
it read, hyperfine's JSON export and one /usr/bin/time -v report per
command.  Fails, writing nothing, when the floor did not read every note or
when a cell of the table would be empty.
"""
import json
import os
import re
import statistics
import subprocess
import sys

MB = 1e6
MIB = 1024 * 1024
KIB = 1024
FLOOR_LINE = re.compile(r"floor: (\d+) files .*?, (\d+) bytes")
PEAK_LINE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
WARM_UP = "warm-up "


def fail(msg):
    sys.exit(f"bench: {msg}")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def measure(rundir):
    """One corpus size: the corpus, and per command wall, CPU, peak."""
    labels = [line.split("|", 1)[0]
              for line in read(os.path.join(rundir, "commands")).splitlines()]
    floor_out = read(os.path.join(rundir, "out-0"))
    m = FLOOR_LINE.search(floor_out)
    if not m:
        fail(f"{rundir}: no count from the floor: {floor_out!r}")
    files, nbytes = int(m.group(1)), int(m.group(2))
    expected = int(read(os.path.join(rundir, "expected-files")).split()[0])
    if files != expected or nbytes == 0:
        fail(f"{rundir}: the floor read {files} files ({nbytes} bytes); "
             f"the folder holds {expected} notes")
    with open(os.path.join(rundir, "times.json"), encoding="utf-8") as f:
        results = json.load(f)["results"]
    walls = {label: [] for label in labels}
    cpus = {label: [] for label in labels}
    for r in results:
        if r["command"].startswith(WARM_UP):
            continue
        if r["command"] not in walls:
            fail(f"{rundir}: unknown command {r['command']!r}")
        walls[r["command"]] += r["times"]
        cpus[r["command"]].append(r["user"] + r["system"])
    rows = []
    for i, label in enumerate(labels):
        pm = PEAK_LINE.search(read(os.path.join(rundir, f"mem-{i}")))
        if not walls[label] or not pm:
            fail(f"{rundir}: no measurement of {label!r}")
        rows.append({
            "label": label,
            "wall": statistics.median(walls[label]),
            "cpu": statistics.median(cpus[label]),
            "peak": int(pm.group(1)) * KIB,
            "runs": len(walls[label]),
        })
    size = os.path.basename(rundir.rstrip("/")).rsplit("-", 1)[-1]
    return {"contacts": int(size), "files": files, "bytes": nbytes,
            "rows": rows}


def commit():
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"],
                              capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(sizes):
    scaling = len(sizes) > 1
    head = ["contacts (files, MB)", "command", "wall (median)",
            "CPU (user+sys)", "wall / floor", "CPU / floor", "files/s",
            "MB/s", "peak memory"]
    if scaling:
        head += ["time scaling", "memory scaling"]
    out = ["| " + " | ".join(head) + " |",
           "|" + "|".join("---" for _ in head) + "|"]
    prev = None
    for s in sizes:
        floor = s["rows"][0]
        corpus = (f"{s['contacts']:,} ({s['files']:,}, "
                  f"{s['bytes'] / MB:.1f})")
        for j, r in enumerate(s["rows"]):
            cells = [corpus, r["label"], f"{r['wall']:.3f} s",
                     f"{r['cpu']:.3f} s",
                     f"{r['wall'] / floor['wall']:.2f}x",
                     f"{r['cpu'] / floor['cpu']:.2f}x",
                     f"{s['files'] / r['wall']:,.0f}",
                     f"{s['bytes'] / MB / r['wall']:.1f}",
                     f"{r['peak'] / MIB:.1f} MiB"]
            if scaling and prev is None:
                cells += ["base", "base"]
            elif scaling:
                p = prev["rows"][j]
                grow = s["files"] / prev["files"]
                cells += [f"{r['wall'] / p['wall'] / grow:.2f}",
                          f"{r['peak'] / p['peak'] / grow:.2f}"]
            if any(not c.strip() for c in cells):
                fail(f"empty cell in the row {cells}")
            out.append("| " + " | ".join(cells) + " |")
        prev = s
    return out


def main():
    if len(sys.argv) < 3:
        fail("usage: table.py OUT.md RUNDIR...")
    sizes = [measure(d) for d in sys.argv[2:]]
    sizes.sort(key=lambda s: s["files"])
    runs = sizes[0]["rows"][0]["runs"]
    load = os.getloadavg()[0]
    lines = [
        f"refgraph {commit()}, {os.cpu_count()} cores, load average "
        f"{load:.2f} at the end; hyperfine -N, medians of {runs} "
        "alternating runs after one warm-up round; peak memory from one "
        "more run under /usr/bin/time -v.",
        "",
    ]
    lines += table(sizes)
    if len(sizes) > 1:
        lines += ["", "Scaling: the ratio of wall time (or peak memory) "
                  "to that of the size before, divided by the ratio of "
                  "their file counts; 1.00 is linear."]
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
