#!/usr/bin/env python3
"""The structure of HTML files as an independent HTML5 parser sees it.

html5lib (the WHATWG parsing algorithm, in pure Python) reads each file named on the command
line and prints, as JSON, per file: every element (and comment) in document order with its
attributes, and the page's language (`lang` of the `html` element, or `xml:lang`). The value
of an attribute a translation may change (the translated attributes `alt`, `title`,
`placeholder`, `aria-label`, `aria-description`; the `content` of description and social-card
`meta` tags) is replaced by `*`: it must be there, its text may differ; the `html` element's
`lang`, `xml:lang` and `dir` are left out of the list (the language is reported on its own).
Everything else must come back exactly, so a lost, added or moved element, link target,
class or script shows.

Usage: html_structure.py FILE...
"""
import json
import sys

import html5lib

TRANSLATED = {"alt", "title", "placeholder", "aria-label", "aria-description"}
META = {"description", "og:title", "og:description", "twitter:title", "twitter:description"}


def local(name):
    return name.split("}", 1)[-1] if isinstance(name, str) else "#comment"


def elements(root):
    out = []
    for el in root.iter():
        tag = local(el.tag)
        if tag == "#comment":
            out.append("#comment")
            continue
        attrs = []
        meta = tag == "meta" and (el.get("name") or el.get("property") or "").lower() in META
        for key in sorted(el.attrib, key=str):
            name = local(key) if isinstance(key, str) else str(key)
            value = el.attrib[key]
            if name in TRANSLATED or (meta and name == "content"):
                value = "*"
            if tag == "html" and name in ("lang", "xml:lang", "dir"):
                continue
            attrs.append(f"{name}={value}")
        out.append(tag + ("[" + " ".join(attrs) + "]" if attrs else ""))
    return out


def main():
    result = {}
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            doc = html5lib.parse(f.read(), treebuilder="etree", namespaceHTMLElements=False)
        html = doc if local(doc.tag) == "html" else doc.find("html")
        lang = None
        if html is not None:
            lang = html.get("lang") or next(
                (v for k, v in html.attrib.items() if local(k) == "lang"), None
            )
        result[path] = {"elements": elements(doc), "lang": lang}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
