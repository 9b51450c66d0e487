"""Reads a file with Translate Toolkit and prints its units as JSON: the independent reader
verso's XLIFF and TMX output is checked against (tests/interop.rs).

usage: translate_toolkit.py xliff2|xliff12|tmx FILE
"""
import json
import sys

from translate.storage import tmx, xliff, xliff2

CODES = ("X", "G", "Bx", "Ex", "Ph", "Bpt", "Ept", "It")


def codes(elements):
    """Inline codes in document order as [class, id]."""
    out = []

    def walk(e):
        for sub in getattr(e, "sub", []):
            if isinstance(sub, str):
                continue
            if sub.__class__.__name__ in CODES:
                out.append([sub.__class__.__name__, sub.id])
            walk(sub)

    for e in elements:
        walk(e)
    return out


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "xliff2":
        store = xliff2.Xliff2File.parsefile(path)
        units = [{"id": u.getid(), "source": u.source, "target": u.target} for u in store.units]
    elif kind == "xliff12":
        store = xliff.xlifffile.parsefile(path)
        units = [
            {
                "id": u.getid(),
                "source": u.source,
                "target": u.target,
                "source_codes": codes(u.rich_source),
                "target_codes": codes(u.rich_target) if u.target else [],
                "notes": u.getnotes(),
            }
            for u in store.units
        ]
    elif kind == "tmx":
        store = tmx.tmxfile.parsefile(path)
        units = [{"source": u.source, "target": u.target} for u in store.units]
    else:
        raise SystemExit(f"unknown kind {kind}")
    json.dump(units, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
