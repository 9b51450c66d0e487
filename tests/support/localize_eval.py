#!/usr/bin/env python3
"""Measures verso's localization on real machine translations with human references.

For each system output in a directory (source.en, reference.<lang>, <system>.<lang>, one
paragraph per line): writes source and output as plain-text articles (a paragraph per
block), lets `verso check --fix` localize a copy of the output, and reports per system, as
JSON on standard output:
  chrf_raw, chrf_localized   corpus chrF (sacrebleu) of the output before and after,
  changed                    paragraphs verso changed,
  source_forms_raw/_localized  findings of the checks that a number or date is in the source
                             language's form (number-format, date-mismatch with a fix), plus
                             times still on the English twelve-hour clock ("6 p.m."),
  changes                    a sample of what was changed (engine text -> written text).

Usage: localize_eval.py VERSO DATA_DIR LANG [SYSTEM...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import sacrebleu


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def write_article(path, paragraphs):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(p.strip() or "…" for p in paragraphs) + "\n")


def read_article(path):
    with open(path, encoding="utf-8") as f:
        return [p.replace("\n", " ") for p in f.read().rstrip("\n").split("\n\n")]


TWELVE_HOUR = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)(?![A-Za-z])")


def source_forms(verso, src, hyp, lang, work):
    report = os.path.join(work, "report.json")
    subprocess.run(
        [verso, "check", src, hyp, "--from", "en", "--to", lang, "--report", report,
         "--fail-on", "never"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report, encoding="utf-8") as f:
        r = json.load(f)
    issues = [i for f in r["files"] for i in f["issues"]]
    with open(hyp, encoding="utf-8") as f:
        times = len(TWELVE_HOUR.findall(f.read()))
    return times + sum(1 for i in issues
                       if i["rule"] in ("number-format", "date-mismatch") and i.get("fix"))


def main():
    verso, data, lang = sys.argv[1], sys.argv[2], sys.argv[3]
    systems = sys.argv[4:] or sorted(
        f[:-len(lang) - 1] for f in os.listdir(data)
        if f.endswith("." + lang) and not f.startswith("reference"))
    source = lines(os.path.join(data, "source.en"))
    reference = lines(os.path.join(data, "reference." + lang))
    out = {}
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "source.txt")
        write_article(src, source)
        for system in systems:
            raw = lines(os.path.join(data, f"{system}.{lang}"))
            hyp = os.path.join(work, f"{system}.txt")
            write_article(hyp, raw)
            before = source_forms(verso, src, hyp, lang, work)
            report = os.path.join(work, "fix.json")
            subprocess.run(
                [verso, "check", src, hyp, "--from", "en", "--to", lang, "--fix",
                 "--fail-on", "never", "--report", report],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            localized = read_article(hyp)
            if len(localized) != len(raw):
                raise SystemExit(f"{system}: {len(localized)} paragraphs back for {len(raw)}")
            after = source_forms(verso, src, hyp, lang, work)
            changed = [(a, b) for a, b in zip(raw, localized) if a.strip() != b.strip()]
            out[system] = {
                "chrf_raw": sacrebleu.corpus_chrf(raw, [reference]).score,
                "chrf_localized": sacrebleu.corpus_chrf(localized, [reference]).score,
                "paragraphs": len(raw),
                "changed": len(changed),
                "source_forms_raw": before,
                "source_forms_localized": after,
            }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
