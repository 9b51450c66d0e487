#!/usr/bin/env python3
"""Builds config/common-words/<lang>.txt: words a language writes in lower case.

A capitalized word in an English article is a name only if English does not also write it in
lower case: "Earth", "Queen", "Report" and "Cold War" are ordinary words that translators
translate, "Brzezinski" and "Kashiwazaki" are names they keep. This list is the evidence: every
word seen at least twice in lower case in the English side of the WMT news test sets
2008-2023 (except newstest2013, part of verso's graded corpus, and anything of 2024, held back
for independent measurement).

Usage: build-common-words.py OPUS-MT-TESTSETS-CHECKOUT > config/common-words/en.txt
(the checkout of https://github.com/Helsinki-NLP/OPUS-MT-testsets; see SOURCE.md).
"""
import collections
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]) / "testsets"
files = sorted(
    p
    for p in root.glob("*/*.en")
    if re.match(r"news-?test(B?)\d{4}", p.name) and "2013" not in p.name and "2024" not in p.name
)
lines = set()
for p in files:
    lines.update(p.read_text(encoding="utf-8").splitlines())
low = collections.Counter()
for line in lines:
    for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", line):
        if w[0].islower() and w.isalpha() and len(w) >= 2:
            low[w] += 1
words = sorted(w for w, c in low.items() if c >= 2)
sys.stdout.write("".join(w + "\n" for w in words))
print(f"{len(files)} files, {len(lines)} lines, {len(words)} words", file=sys.stderr)
