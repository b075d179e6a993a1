#!/usr/bin/env python3
"""Markdown tables and figures of the benchmark harness, from hyperfine's JSON (standard library only).

  report.py table ROWS.tsv           rows "NAME<TAB>FILE" (FILE "-": none; a folder: its files): one table of
                                     RESULTS/NAME.json and NAME.rss
  report.py stat NAME.json LABEL F   F: mean, stddev, median, min, max, user, system, cpu (user+system)
  report.py verdicts POLICY PREFLIGHT_JSON MEDIACONCH_TXT
                                     the material rules failed by each tool, on one line
"""
import json
import os
import re
import sys


def load_results(path):
    with open(path) as f:
        return json.load(f)["results"]


def by_label(results, label):
    for r in results:
        if r["command"] == label:
            return r
    sys.exit(f"report.py: no result named {label!r}")


def fmt_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_size(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


def dir_size(path):
    """Files under a folder and their total size (a hard-linked file counted once; the submission.yaml
    files of a delivery folder are not counted)."""
    seen, size = set(), 0
    for root, _, names in os.walk(path):
        for n in names:
            if n == "submission.yaml":
                continue
            st = os.stat(os.path.join(root, n))
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                size += st.st_size
    return len(seen), size


def table(rows_path):
    results_dir = os.path.dirname(rows_path)
    print("| tool | file | mean ± σ | min–max | peak RSS | time ÷ preflight's |")
    print("|---|---|---:|---:|---:|---:|")
    with open(rows_path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for name, file in rows:
        results = load_results(os.path.join(results_dir, name + ".json"))
        rss = {}
        with open(os.path.join(results_dir, name + ".rss")) as f:
            for line in f:
                label, kib = line.rstrip("\n").split("\t")
                rss[label] = int(kib)
        base = results[0]["mean"]
        shown = "—" if file == "-" else f"`{os.path.basename(file)}`"
        if file != "-" and os.path.isdir(file):
            count, size = dir_size(file)
            shown = f"`{os.path.basename(file)}/` ({count} files, {fmt_size(size)})"
        elif file != "-" and os.path.exists(file):
            shown += f" ({fmt_size(os.path.getsize(file))})"
        for r in results:
            label = r["command"]
            ratio = "1 (baseline)" if r is results[0] else f"×{r['mean'] / base:.2f}"
            cell = label.replace("|", "\\|")  # a pipe in a label would end the table cell
            print(f"| {cell} | {shown} | {fmt_time(r['mean'])} ± {fmt_time(r['stddev'])} "
                  f"| {fmt_time(r['min'])}–{fmt_time(r['max'])} | {rss[label] / 1024:.1f} MiB | {ratio} |")


def stat(path, label, field):
    r = by_label(load_results(path), label)
    print(r["user"] + r["system"] if field == "cpu" else r[field])


def verdicts(policy_path, preflight_path, mediaconch_path):
    with open(policy_path) as f:
        tested = set(re.findall(r'name="(material\.[a-z_0-9]+)', f.read()))
    with open(preflight_path) as f:
        report = json.load(f)
    pf = sorted({c["rule"].replace("material.size_4k", "material.size") for c in report["checks"]
                 if c.get("status") == "fail" and c.get("slot") == "material"} & tested)
    with open(mediaconch_path) as f:
        text = f.read()
    # Children of the top policy are indented by three spaces after "--".
    mc = sorted({m.split(":")[0] for m in re.findall(r"^   --   \[fail:([^\]]+)\]", text, re.M)})
    mc_verdict = "pass" if text.lstrip().startswith("pass!") else "fail"
    pf_failed = ", ".join(pf) or "none"
    mc_failed = ", ".join(mc) or "none"
    same = "same rules" if pf == mc else "**differ**"
    print(f"preflight {report['verdict']} (failed: {pf_failed}); mediaconch {mc_verdict} (failed: {mc_failed}): {same}")


def main(argv):
    if len(argv) >= 2 and argv[1] == "table" and len(argv) == 3:
        table(argv[2])
    elif len(argv) == 5 and argv[1] == "stat":
        stat(*argv[2:])
    elif len(argv) == 5 and argv[1] == "verdicts":
        verdicts(*argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
