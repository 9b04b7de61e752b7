"""The body's small markup: paragraphs, ``- `` bullets, ``**bold**`` and ``*italic*``.

Everything else is literal text. User text is escaped before it reaches ReportLab's paragraph
parser, so ``AT&T <Legal>`` prints as typed and ``<img src=...>`` reads no file.
"""

from __future__ import annotations

import re

from msgspec import Struct

# A bold or italic run ends at the next marker: the search from one marker never runs past
# the next, so unmatched markers ("**a **b **c...") cost time in proportion to the text.
_BOLD = re.compile(r"\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![\*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\*\w])", re.S)
_BULLET = re.compile(r"^\s*[-–•]\s+")


class Block(Struct, frozen=True):
    """A paragraph (``bullet`` False) or one bullet-list item, as safe paragraph markup."""

    markup: str
    bullet: bool = False
    plain: str = ""


# ReportLab's line breaker counts these no-break spaces as ordinary spaces: it breaks lines at
# them and drops them, so French "m'accorder ?" could end a line before its "?". As the
# no-break space, which ReportLab keeps, they stay together.
_UNBREAKABLE = str.maketrans({"\u202f": "\u00a0", "\u2007": "\u00a0"})


def escape(text: str) -> str:
    """Make text safe for ReportLab's paragraph parser: it is data, never markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.translate(_UNBREAKABLE) if "\u202f" in text or "\u2007" in text else text


def inline(text: str) -> str:
    """Escape ``text`` and turn ``**bold**`` and ``*italic*`` into paragraph tags."""
    if "*" not in text:  # no marker: what the scans below give, without scanning
        return escape(text)
    out: list[str] = []
    pos = 0
    for match in _BOLD.finditer(text):
        out.append(_italic(text[pos : match.start()]))
        out.append(f"<b>{_italic(match.group(1))}</b>")
        pos = match.end()
    out.append(_italic(text[pos:]))
    return "".join(out)


def _italic(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _ITALIC.finditer(text):
        out.append(escape(text[pos : match.start()]))
        out.append(f"<i>{escape(match.group(1))}</i>")
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def plain(text: str) -> str:
    """The text as printed: markers removed, nothing escaped."""
    if "*" not in text:  # no marker to remove
        return text
    text = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


def units(body: str) -> list[tuple[int, bool, str]]:
    """The body's paragraphs (blank-line separated) and bullet items as written, each as
    (the line it starts on, whether it is a bullet item, its text on one line)."""
    result: list[tuple[int, bool, str]] = []
    text = body.replace("\r\n", "\n")
    line = len(text) - len(text.lstrip("\n")) + 1
    for index, chunk in enumerate(re.split(r"(\n(?:[ \t]*\n)+)", text.strip("\n"))):
        if index % 2:  # a separator: count its lines
            line += chunk.count("\n")
            continue
        lines = chunk.split("\n")
        if not chunk.strip():
            line += len(lines) - 1
            continue
        if _BULLET.match(lines[0]):
            items: list[tuple[int, str]] = []
            for number, row in enumerate(lines, line):
                if _BULLET.match(row):
                    items.append((number, _BULLET.sub("", row, count=1)))
                elif items:
                    items[-1] = (items[-1][0], items[-1][1] + " " + row.strip())
            result.extend((number, True, item.strip()) for number, item in items)
        else:
            result.append((line, False, " ".join(row.strip() for row in lines)))
        line += len(lines) - 1
    return result


def blocks(body: str) -> list[Block]:
    """Split the body into paragraphs (blank-line separated) and bullet items."""
    return [Block(inline(text), bullet, plain(text)) for _, bullet, text in units(body)]
