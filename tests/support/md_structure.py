#!/usr/bin/env python3
"""The structure of Markdown files as an independent CommonMark parser sees it.

markdown-it-py (CommonMark, with GFM tables and strikethrough, footnotes, front matter and
dollar math from mdit-py-plugins) reads each file named on the command line and prints, as
JSON, per file: how many links, images, inline code spans, inline and block HTML, headings,
list items, tables, table cells, code blocks, footnote references and definitions, math spans
and blocks it holds, and the sorted link and image targets. TOML front matter (`+++`) is set
aside as the YAML kind is, so only the body is compared.

Usage: md_structure.py FILE...
"""
import json
import sys
from collections import Counter

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

COUNTED = {
    "link_open": "links",
    "image": "images",
    "code_inline": "code_spans",
    "html_inline": "html_inline",
    "html_block": "html_blocks",
    "heading_open": "headings",
    "list_item_open": "list_items",
    "table_open": "tables",
    "th_open": "cells",
    "td_open": "cells",
    "fence": "code_blocks",
    "code_block": "code_blocks",
    "footnote_ref": "footnote_refs",
    "footnote_open": "footnotes",
    "math_inline": "math",
    "math_block": "math",
}


def parser():
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin).use(dollarmath_plugin)
    return md


def body(text):
    if text.startswith("+++\n"):
        end = text.find("\n+++\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def walk(tokens, counts, targets):
    for t in tokens:
        name = COUNTED.get(t.type)
        if name:
            counts[name] += 1
        if t.type == "link_open":
            targets.append("link " + (t.attrs.get("href") or ""))
        if t.type == "image":
            targets.append("image " + (t.attrs.get("src") or ""))
        if t.children:
            walk(t.children, counts, targets)


def structure(path):
    with open(path, encoding="utf-8") as f:
        text = body(f.read())
    counts = Counter()
    targets = []
    walk(parser().parse(text), counts, targets)
    return {"counts": dict(sorted(counts.items())), "targets": sorted(targets)}


if __name__ == "__main__":
    json.dump({p: structure(p) for p in sys.argv[1:]}, sys.stdout, indent=1, ensure_ascii=False)
    print()
