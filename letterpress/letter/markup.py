"""The body's small markup: paragraphs, ``- `` bullets, ``**bold**`` and ``*italic*``.

Everything else is literal text. A backslash before a marker prints the marker itself
(``\\*``, ``\\-``, ``\\\\``); a mail merge writes its rows' values into the body that way
(:func:`literal`), so that a star or a dash in a cell prints as typed. User text is escaped
before it reaches ReportLab's paragraph parser, so ``AT&T <Legal>`` prints as typed and
``<img src=...>`` reads no file.
"""

from __future__ import annotations

import re

from msgspec import Struct

# A bold or italic run ends at the next marker: the search from one marker never runs past
# the next, so unmatched markers ("**a **b **c...") cost time in proportion to the text.
_BOLD = re.compile(r"\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![\*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\*\w])", re.S)
_BULLET = re.compile(r"^\s*[-–•]\s+")
# A backslash and the marker it keeps literal; while the markers are read, the kept ones are
# private-use characters (put back in the text printed).
_ESCAPED = re.compile(r"\\([\\*\-–•])")
_KEPT = {"\\": "\ue011", "*": "\ue012", "-": "\ue013", "–": "\ue014", "•": "\ue015"}
_PUT_BACK = str.maketrans({kept: marker for marker, kept in _KEPT.items()})
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|[\r\n\u2028\u2029])\s*")  # with the blanks around it


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


def literal(text: str) -> str:
    """``text`` as the body's markup prints it as typed: stars and backslashes escaped, a
    leading bullet marker too, line breaks as spaces (a value never starts a paragraph or a
    bullet item)."""
    if "\n" in text or "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _LINE_BREAK.sub(" ", text)
    if "*" in text or "\\" in text:
        text = text.replace("\\", "\\\\").replace("*", "\\*")
    if _BULLET.match(text):
        rest = text.lstrip()
        text = f"{text[: len(text) - len(rest)]}\\{rest}"
    return text


def _hidden(text: str) -> str:
    """The escaped markers as private-use characters, which no marker pattern matches."""
    return _ESCAPED.sub(lambda m: _KEPT[m.group(1)], text) if "\\" in text else text


def inline(text: str) -> str:
    """Escape ``text`` and turn ``**bold**`` and ``*italic*`` into paragraph tags."""
    if "\\" in text:
        return _marked(_hidden(text)).translate(_PUT_BACK)
    return _marked(text)


def _marked(text: str) -> str:
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
    if "\\" in text:
        return _unmarked(_hidden(text)).translate(_PUT_BACK)
    return _unmarked(text)


def _unmarked(text: str) -> str:
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
