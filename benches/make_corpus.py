#!/usr/bin/env python3
"""Build a benchmark corpus of a chosen size from the BBC News articles.

usage: make_corpus.py SOURCE_DIR OUT_DIR MEGABYTES

The articles of SOURCE_DIR/<category>/*.txt are copied again and again under
OUT_DIR/c<copy>/<category>/ with file names that vary per copy, until the
corpus reaches MEGABYTES. Even copies are verbatim (wire-style duplicates);
odd copies are one of four edited variants in which some years, days and
numbers are shifted, so `check` meets conflicting copies as in a real archive.
Files that are not valid UTF-8 are left out (one error per copy would only
time the error path). Deterministic: the same arguments give the same bytes.
"""

import os
import random
import re
import sys

VARIANTS = 4
NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d])")


def articles(src):
    out = []
    for cat in sorted(os.listdir(src)):
        d = os.path.join(src, cat)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            raw = open(os.path.join(d, name), "rb").read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            out.append((cat, name[:-4], text))
    return out


def shifted(text, variant, seed):
    rng = random.Random(f"{variant}:{seed}")

    def change(m):
        n = int(m.group(0))
        if rng.random() > 0.35:
            return m.group(0)
        if 1900 <= n <= 2030:
            return str(n + rng.choice((-1, 1)))
        if 1 <= n <= 31:
            return str(n % 28 + 1 + rng.randrange(0, 3))
        return str(n + max(1, n // rng.choice((3, 5, 10))))

    return NUMBER.sub(change, text)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
    target = int(megabytes * 1_000_000)
    docs = articles(src)
    if not docs:
        sys.exit(f"no articles under {src}")
    variants = {}
    written, copy = 0, 0
    while written < target:
        tag = f"c{copy:04d}"
        for cat, stem, text in docs:
            if written >= target:
                break
            if copy % 2 == 1:
                v = (copy // 2) % VARIANTS
                key = (v, cat, stem)
                if key not in variants:
                    variants[key] = shifted(text, v, f"{cat}/{stem}")
                text = variants[key]
            d = os.path.join(out, tag, cat)
            os.makedirs(d, exist_ok=True)
            data = text.encode("utf-8")
            with open(os.path.join(d, f"{stem}-{tag}.txt"), "wb") as f:
                f.write(data)
            written += len(data)
        copy += 1
    print(f"{out}: {written / 1e6:.1f} MB in {copy} copies of {len(docs)} articles")


if __name__ == "__main__":
    main()
