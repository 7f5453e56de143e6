#!/usr/bin/env python3
"""The judgement ratchet: crosscheck's figures on the shared evaluation sets may
never fall below their records.

usage: scripts/ratchet.py BIN [SHARED]      (SHARED defaults to ../shared)

Runs ../shared/eval's scripts (mutations of real multi-outlet news, drafts with
planted errors, SummEdits, the two gold date sets) and the false-alarm count on
the BBC articles with the binary BIN, prints every figure beside its record from
scripts/ratchet-records.txt, and exits 1 when one falls short (a `max` record is
exceeded). Raising a record is a commit of its own.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDS = os.path.join(HERE, "ratchet-records.txt")


def run(cmd, cwd):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"ratchet: {' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r.stdout


def grab(pattern, text, what):
    m = re.search(pattern, text)
    if not m:
        sys.exit(f"ratchet: cannot read {what} from:\n{text[-2000:]}")
    return m


def figures(binary, shared):
    ev = os.path.join(shared, "eval")
    out = {}
    t = run([sys.executable, "mutate.py", binary, os.path.join(shared, "realnews/ecbplus"),
             "4", "12", "18", "20", "24"], ev)
    m = grab(r"mutations caught (\d+)/(\d+).*unchanged pairs already in error (\d+)", t, "mutate.py")
    out["mutate.recall"] = int(m[1]) / int(m[2])
    out["mutate.unchanged_in_error"] = int(m[3])
    t = run(["bash", "drafts.sh", binary], ev)
    m = grab(r"drafts: caught (\d+)/(\d+) planted errors, false errors on (\d+) lines", t, "drafts.sh")
    out["drafts.caught"] = int(m[1])
    out["drafts.false_lines"] = int(m[3])
    t = run([sys.executable, "summedits.py", binary, "summedits/ectsum.json"], ev)
    m = grab(r"number and date edits: balanced accuracy ([\d.]+) \(caught (\d+)/(\d+), consistent kept (\d+)/(\d+)\)",
             t, "summedits.py")
    out["summedits.numdate_bacc"] = float(m[1])
    out["summedits.consistent_kept"] = int(m[4]) / int(m[5])
    m = grab(r"all edits: balanced accuracy ([\d.]+)", t, "summedits.py")
    out["summedits.all_bacc"] = float(m[1])
    for name in ("timebank", "aquaint"):
        t = run([sys.executable, "timeml.py", binary, os.path.join(shared, "timeml", name)], ev)
        m = grab(r"relaxed P [\d.]+ R [\d.]+ F1 ([\d.]+), strict F1 ([\d.]+), value acc [\d.]+, value F1 ([\d.]+)",
                 t, "timeml.py")
        out[f"timeml.{name}.relaxed_f1"] = float(m[1])
        out[f"timeml.{name}.value_f1"] = float(m[3])
    r = subprocess.run([binary, "check", os.path.join(shared, "bench/bbc"), "--no-ledger", "--format", "jsonl",
                        "--fail-on", "never", "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"ratchet: check on the BBC articles failed ({r.returncode}): {r.stderr[-500:]}")
    # One finding per line.
    out["bbc.errors"] = sum(1 for line in r.stdout.splitlines() if json.loads(line).get("severity") == "error")
    return out


def records():
    rec = {}
    for line in open(RECORDS, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, kind, value = line.split()
        if kind not in ("min", "max"):
            sys.exit(f"ratchet: {RECORDS}: {name}: expected min or max, not {kind}")
        rec[name] = (kind, float(value))
    return rec


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    shared = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "shared"))
    got = figures(binary, shared)
    failed = []
    for name, (kind, want) in sorted(records().items()):
        if name not in got:
            sys.exit(f"ratchet: no figure {name}")
        v = got[name]
        ok = v >= want - 1e-9 if kind == "min" else v <= want + 1e-9
        print(f"{'ok ' if ok else 'LOW'} {name:32} {v:10.4g}   record {kind} {want:g}")
        if not ok:
            failed.append(name)
    if failed:
        print(f"ratchet: {len(failed)} figure(s) fell past their record: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


main()
