#!/usr/bin/env python3
"""Build a benchmark archive of distinct stories from the BBC News articles.

usage: make_distinct.py SOURCE_DIR OUT_DIR MEGABYTES

An archive of many outlets over years: every file is different, and no story
is told in more than ten versions. Each story is made from two or three
paragraph runs of articles of one category (so its text reads as news), with
its own people, organisations and places (every capitalised name is mapped
to another one from the whole collection), its own words (a third of its
longer lower-case words swapped for others of the collection, four in five
inside quotation marks, so that five megabytes of articles give a gigabyte
whose sentences and quotes recur no more than an archive's), its own figures (every number is scaled by a
factor of the story) and its own years (shifted by up to 15).
Each story is then told in 1 to 10 versions, as outlets do: a paragraph
dropped or moved, a figure or a date changed here and there, a line of its
own. Files are OUT_DIR/<year>/<category>/<story>-<version>.txt.

Deterministic: the same arguments give the same bytes. The corpus never goes
in the repository.
"""

import os
import random
import re
import sys

import make_corpus

NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", re.M)
NUMBER = re.compile(r"(?<![\d.,£$€])\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b(?![\d,])")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
DAY = re.compile(r"\b([12]?\d|3[01])(?=\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)")


def articles(src):
    """The articles of each category, as paragraphs (those of four or more)."""
    by_cat = {}
    for cat, _, text in make_corpus.articles(src):
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        if len(paras) >= 4:
            by_cat.setdefault(cat, []).append(paras)
    return by_cat


CALENDAR = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def name_pool(by_cat):
    """Proper names: capitalised words never written in lower case in the
    collection (so "My" and "Released" are not names), months and weekdays
    left out."""
    caps, lower = set(), set()
    for arts in by_cat.values():
        for paras in arts:
            for p in paras:
                caps.update(NAME.findall(p))
                lower.update(re.findall(r"\b[a-z][a-z]+\b", p))
    return sorted(w for w in caps if w.lower() not in lower and w not in CALENDAR)


WORD = re.compile(r"\b[a-z]{5,}\b")
QUOTE = re.compile(r'"[^"\n]+"|\u201c[^\u201d\n]+\u201d')


def vocabulary(by_cat):
    words = set()
    for arts in by_cat.values():
        for paras in arts:
            for p in paras:
                words.update(WORD.findall(p))
    return sorted(words)


def story(rng, arts, pool, proper, vocab):
    """A new story: a title, paragraphs, and the mappings that make it its own."""
    picks = rng.sample(arts, rng.choice((2, 3)))
    title = picks[0][0]
    paras = []
    for paras_of in picks:
        body = paras_of[1:]
        start = rng.randrange(0, max(1, len(body) - 2))
        paras.extend(body[start:start + rng.randint(2, 5)])
    names = {}

    def rename(m):
        w = m.group(0)
        if w not in proper:
            return w
        if w not in names:
            names[w] = rng.choice(pool)
        return names[w]

    swapped = {}

    def reword(m):
        w = m.group(0)
        if w not in swapped:
            swapped[w] = rng.choice(vocab) if rng.random() < 0.33 else w
        return swapped[w]

    # Inside quotation marks most words are swapped: a remark reused from
    # one article in many stories would otherwise meet itself, reworded,
    # in every one of them, which an archive's quotes do not.
    quoted = {}

    def reword_quote(m):
        w = m.group(0)
        if w not in quoted:
            quoted[w] = rng.choice(vocab) if rng.random() < 0.8 else swapped.get(w, w)
        return quoted[w]

    scale = rng.choice((0.5, 0.75, 1.25, 1.5, 2, 3))
    years = rng.randint(-15, 5)

    def number(m):
        s = m.group(0).replace(",", "")
        v = float(s) * scale
        if "." in s:
            return f"{v:.1f}"
        v = max(1, round(v))
        return f"{v:,}" if "," in m.group(0) else str(v)

    def redo(t):
        t = YEAR.sub(lambda m: str(int(m.group(1)) + years), t)
        t = NAME.sub(rename, t)
        t = WORD.sub(reword, t)
        t = QUOTE.sub(lambda q: WORD.sub(reword_quote, q.group(0)), t)
        return NUMBER.sub(lambda m: m.group(0) if YEAR.fullmatch(m.group(0)) else number(m), t)

    return redo(title), [redo(p) for p in paras], years


def version(rng, title, paras, k):
    """The k-th outlet's telling: the first is the story as made."""
    if k == 0:
        return title, list(paras)
    ps = list(paras)
    if len(ps) > 3 and rng.random() < 0.5:
        del ps[rng.randrange(1, len(ps))]
    if len(ps) > 2 and rng.random() < 0.5:
        i = rng.randrange(1, len(ps))
        ps.insert(rng.randrange(1, len(ps)), ps.pop(i))
    # An outlet gets a figure or a day wrong now and then.
    if rng.random() < 0.3:
        i = rng.randrange(len(ps))
        ps[i] = NUMBER.sub(lambda m: str(int(m.group(0)) + 1) if m.group(0).isdigit() and len(m.group(0)) < 4 else m.group(0), ps[i], count=1)
    if rng.random() < 0.2:
        i = rng.randrange(len(ps))
        ps[i] = DAY.sub(lambda m: str(int(m.group(1)) % 28 + 1), ps[i], count=1)
    ps.insert(0, f"(Version {k + 1} of this story, as told by outlet {rng.randint(1, 400)}.)")
    return title, ps


def main():
    src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    rng = random.Random(20261130)
    by_cat = articles(src)
    pool = name_pool(by_cat)
    proper = set(pool)
    vocab = vocabulary(by_cat)
    cats = sorted(by_cat)
    target, written, n = mb * 1e6, 0, 0
    while written < target:
        cat = cats[n % len(cats)]
        title, paras, years = story(rng, by_cat[cat], pool, proper, vocab)
        year = 2005 + years
        for k in range(rng.randint(1, 10)):
            t, ps = version(rng, title, paras, k)
            text = t + "\n\n" + "\n\n".join(ps) + "\n"
            d = os.path.join(out, str(year), cat)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f"s{n:07d}-v{k}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
            written += len(text.encode("utf-8"))
            if written >= target:
                break
        n += 1
    print(f"{out}: {n} stories, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
