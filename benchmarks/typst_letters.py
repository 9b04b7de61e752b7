"""The benchmark letters as one Typst document: the same words at the same places.

Static parts (letterhead, return line, date, marks) are the page background, set once; the
address is placed per letter; subject, opening, paragraphs, closing and signature flow in the
type area like letterpress's, with German hyphenation, ragged right. Every row's values are
Typst strings, never markup.
"""

from __future__ import annotations

from pathlib import Path

import lettertext as text
import placement as at

MARK = "\x00"  # stands for the company while the first paragraph is cut into pieces


def typst_string(value: str) -> str:
    """``value`` as a Typst string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _preamble() -> str:
    """Page, fonts and the furniture every letter shares."""
    head = [
        f"place(top + right, dx: -{at.PAGE[0] - at.HEAD_RIGHT}mm, dy: {at.HEAD_NAME[0]}mm, "
        f'text({at.HEAD_NAME[1]}pt, weight: "bold", {typst_string(text.SENDER)}))'
    ]
    head += [
        f"place(top + right, dx: -{at.PAGE[0] - at.HEAD_RIGHT}mm, dy: {y}mm, "
        f"text({size}pt, {typst_string(line)}))"
        for line, (y, size) in zip(text.SENDER_LINES, at.HEAD_LINES)
    ]
    x, y, size = at.RETURN
    below, width = at.RETURN_RULE
    head.append(
        f"place(top + left, dx: {x}mm, dy: {y}mm, text({size}pt, underline("
        f"offset: {below}mm, stroke: {width}pt + grey, {typst_string(text.RETURN_LINE)})))"
    )
    for (x, y, size), words in ((at.DATE_LABEL, text.DATE_LABEL), (at.DATE, text.DATE)):
        head.append(
            f"place(top + left, dx: {x}mm, dy: {y}mm, text({size}pt, {typst_string(words)}))"
        )
    head += [
        f"place(top + left, dx: {at.MARK_X}mm, dy: {y}mm, line(length: {length}mm, "
        f"stroke: {at.MARK_WIDTH}pt + grey))"
        for y, length in at.MARKS
    ]
    furniture = "\n  ".join(head)
    paragraphs = ", ".join(typst_string(p) for p in text.SHARED_PARAGRAPHS)
    x, first, size = at.ADDRESS
    return f"""\
#let grey = luma({round(at.GREY * 100)}%)
#let furniture = {{
  {furniture}
}}
#set page(width: {at.PAGE[0]}mm, height: {at.PAGE[1]}mm, background: furniture,
  margin: (left: {at.TEXT_LEFT}mm, right: {at.PAGE[0] - at.TEXT_LEFT - at.TEXT_WIDTH}mm,
           top: {at.SUBJECT}mm, bottom: 20mm))
#set text(font: "Noto Sans", size: {at.TEXT_SIZE}pt, lang: "de", hyphenate: true,
  top-edge: "baseline", bottom-edge: "baseline")
#set par(justify: false, leading: {at.LEADING}pt, spacing: {at.PARAGRAPH_PITCH}pt)
#let shared = ({paragraphs},)
#let letter(address, opening, company) = {{
  pagebreak(weak: true)
  place(top + left, dx: {x - at.TEXT_LEFT:.3f}mm, dy: {first - at.SUBJECT:.3f}mm,
    par(leading: {at.ADDRESS_PITCH}pt, text({size}pt, address.join(linebreak()))))
  par(strong({typst_string(text.SUBJECT)}))
  v({(at.OPENING - at.SUBJECT) / 25.4 * 72 - at.PARAGRAPH_PITCH:.3f}pt)
  par(opening)
  par({" + company + ".join(typst_string(part) for part in text.first_paragraph(MARK).split(MARK))})
  for paragraph in shared {{ par(paragraph) }}
  par({typst_string(text.CLOSING)})
  v({at.SIGNATURE_PITCH - at.PARAGRAPH_PITCH}pt)
  par({typst_string(text.SIGNATURE)})
}}
#show strong: set text(weight: "bold")
"""


def write_typst(path: Path, rows: list[dict[str, str]]) -> None:
    """One Typst document with a letter per row."""
    calls = [
        f"#letter(({', '.join(typst_string(line) for line in text.address_lines(row))},), "
        f"{typst_string(text.opening(row))}, {typst_string(row['company'])})"
        for row in rows
    ]
    path.write_text(_preamble() + "\n".join(calls) + "\n", encoding="utf-8")
