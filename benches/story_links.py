#!/usr/bin/env python3
"""Score crosscheck's story links against the stories of a distinct archive.

usage: cargo run --release --example story_debug -- DIR > links.txt
       benches/story_links.py links.txt DIR

DIR is an archive built by make_distinct.py: each file is
<year>/<category>/<story>-v<version>.txt, so two files tell one story when
their names agree up to the version. `story_debug` prints one line per link
("similarity path path"). Prints how many links join two versions of one
story (precision) and how many of the pairs of versions are linked (recall):
a change to story linking should keep recall and may gain precision.
"""

import collections
import os
import re
import sys


def story(path):
    return re.sub(r"-v\d+\.txt$", "", path)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    links, root = sys.argv[1], sys.argv[2]
    files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt")]
    versions = collections.Counter(story(f) for f in files)
    pairs = sum(n * (n - 1) // 2 for n in versions.values())
    same = other = 0
    with open(links, encoding="utf-8") as f:
        for line in f:
            _, a, b = line.split()
            if story(a) == story(b):
                same += 1
            else:
                other += 1
    total = same + other
    print(
        f"links {total}: {same} within a story, {other} between stories; "
        f"precision {same / max(1, total):.4f}, recall {same / max(1, pairs):.4f} of {pairs} pairs"
    )


if __name__ == "__main__":
    main()
