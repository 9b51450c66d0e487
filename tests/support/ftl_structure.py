#!/usr/bin/env python3
"""The structure of Fluent files as Project Fluent's own parser sees it.

fluent.syntax (the reference parser in Python) reads each file named on the command line and
prints, as JSON, per file: how many junk entries it holds, and per message and term (by id):
its attribute names, and for its value and each attribute the placeables (serialized
expressions, sorted: a translation may reorder them) and the variant keys of each select
expression, in order, with the default marked `*`. The text itself is left out: it is what a
translation changes.

Usage: ftl_structure.py FILE...
"""
import json
import sys

from fluent.syntax import FluentParser, ast
from fluent.syntax.serializer import serialize_expression, serialize_variant_key


def pattern(p):
    placeables, selects = [], []

    def walk(elements):
        for el in elements:
            if not isinstance(el, ast.Placeable):
                continue
            expr = el.expression
            if isinstance(expr, ast.SelectExpression):
                selects.append(
                    [("*" if v.default else "") + serialize_variant_key(v.key) for v in expr.variants]
                )
                placeables.append("select " + serialize_expression(expr.selector))
                for v in expr.variants:
                    walk(v.value.elements)
            else:
                placeables.append(serialize_expression(expr))

    if p is not None:
        walk(p.elements)
    return {"placeables": sorted(placeables), "selects": selects}


def main():
    parser = FluentParser(with_spans=False)
    result = {}
    for path in sys.argv[1:]:
        # newline="": line ends as written (a lone CR is no line end in Fluent).
        with open(path, encoding="utf-8", newline="") as f:
            resource = parser.parse(f.read())
        entries = {}
        junk = 0
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                junk += 1
            elif isinstance(entry, (ast.Message, ast.Term)):
                key = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                entries[key] = {
                    "value": pattern(entry.value),
                    "attributes": {a.id.name: pattern(a.value) for a in entry.attributes},
                }
        result[path] = {"junk": junk, "entries": entries}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
