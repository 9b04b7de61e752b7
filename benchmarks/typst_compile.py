"""Compile one Typst file to PDF with letterpress's bundled fonts only (a timed contender).

python benchmarks/typst_compile.py LETTERS.typ OUT.pdf FONTS_DIR
"""

from __future__ import annotations

import sys

import typst


def main(source: str, out: str, fonts: str) -> None:
    """Compile ``source`` to ``out`` as a Typst user would, with no system fonts."""
    typst.compile(source, output=out, font_paths=[fonts], ignore_system_fonts=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
