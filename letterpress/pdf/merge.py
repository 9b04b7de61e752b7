"""Streaming concatenation of ReportLab PDFs into one print job, with a bookmark per section and
optional blank backs (duplex). Only what the pages use is copied; memory stays flat because each
part is written out as soon as it arrives and only object offsets are kept.

A part may bring loose pages after its own (``LoosePage``: a content stream and a size); they
use the resources of the part's first page, and this module writes their page dictionaries.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import deque
from collections.abc import Sequence
from datetime import date
from typing import BinaryIO

from msgspec import Struct, field

from .document import DocumentInfo, catalog_entries, info_entries, pdf_text

_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ = re.compile(rb"(\d+) 0 obj\s*")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_MEDIABOX = re.compile(rb"/MediaBox\s*\[([^\]]*)\]")
_PARENT = re.compile(rb"/Parent \d+ 0 R")


class LoosePage(Struct, frozen=True):
    """A page given only as its Flate-compressed content stream and its size in points; it
    draws with the resources of the first page of the part it comes with."""

    content: bytes
    width: float
    height: float


class Section(Struct, frozen=True):
    """A run of pages in a part (one letter, or one call sheet) and its bookmark title."""

    title: str
    pages: int


class Drawn(Struct):
    """What became of many documents drawn together: the shared PDF (its first page a real
    page, the rest loose), each document's page count, and the error of each document that
    could not be laid out or drawn (both by the document's index)."""

    pdf: bytes | None = None
    loose: list[LoosePage] = field(default_factory=list)
    pages: dict[int, int] = field(default_factory=dict)
    failed: dict[int, Exception] = field(default_factory=dict)


class MergeError(Exception):
    """A part PDF that this merger cannot read (never expected from ReportLab output)."""


class Part:
    """Objects of one PDF by number, read through its cross-reference table."""

    def __init__(self, data: bytes, loose: Sequence[LoosePage] = ()) -> None:
        self.data = data
        self.loose = list(loose)
        start = data.rfind(b"startxref")
        if start < 0:
            raise MergeError("no startxref")
        xref = int(data[start + 9 :].split()[0])
        lines = data[xref : data.index(b"trailer", xref)].split(b"\n")
        offsets: dict[int, int] = {}
        i = 1
        while i < len(lines):
            head = lines[i].split()
            if len(head) != 2:
                i += 1
                continue
            first, count = int(head[0]), int(head[1])
            for k in range(count):
                entry = lines[i + 1 + k].split()
                if entry[2] == b"n":
                    offsets[first + k] = int(entry[0])
            i += 1 + count
        self.offsets = offsets
        trailer = data[data.index(b"trailer", xref) : start]
        root = re.search(rb"/Root (\d+) 0 R", trailer)
        if not root:
            raise MergeError("no /Root")
        catalog = self.head(int(root.group(1)))
        pages = re.search(rb"/Pages (\d+) 0 R", catalog)
        if not pages:
            raise MergeError("no /Pages")
        self.page_tree: set[int] = set()
        self.pages = self._kids(int(pages.group(1)))
        self.page_set = set(self.pages)
        self.sequence: list[int | LoosePage] = [*self.pages, *self.loose]
        self.cursor = 0  # pages before it are copied
        self.numbers: dict[int, int] = {}  # object here -> object in the merge
        self._resources: int | None = None

    def shared_resources(self) -> int:
        """The resources object of the first page, which loose pages share."""
        if self._resources is None:
            found = re.search(rb"/Resources (\d+) 0 R", self.head(self.pages[0]))
            if not found:
                raise MergeError("loose pages, but the first page has no shared resources")
            self._resources = int(found.group(1))
        return self._resources

    def body(self, num: int) -> bytes:
        start = self.offsets[num]
        match = _OBJ.match(self.data, start)
        if not match or int(match.group(1)) != num:
            raise MergeError(f"object {num} not at its offset")
        end = self.data.index(b"endobj", match.end())
        if _STREAM.search(self.data, match.end(), end):  # the stream may hold "endobj"
            stream_end = self.data.index(b"endstream", match.end())
            end = self.data.index(b"endobj", stream_end)
        return self.data[match.end() : end]

    def head(self, num: int) -> bytes:
        body = self.body(num)
        split = _STREAM.search(body)
        return body[: split.start() + 2] if split else body

    def _kids(self, node: int) -> list[int]:
        """The page objects under a page-tree node, in order."""
        head = self.head(node)
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", head)
        if kids is None:
            return [node]
        self.page_tree.add(node)
        out: list[int] = []
        for ref in _REF.findall(kids.group(1)):
            out += self._kids(int(ref))
        return out


def _number(value: float) -> bytes:
    """A PDF number as ReportLab writes page sizes: up to four decimals, no trailing zeros."""
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".")


class MergedPdf:
    """Write parts one after another to ``handle``; call ``finish`` once at the end."""

    CATALOG, PAGES, OUTLINES, INFO = 1, 2, 3, 4

    def __init__(
        self,
        handle: BinaryIO,
        *,
        duplex: bool = False,
        info: DocumentInfo | None = None,
        when: date | None = None,
    ) -> None:
        self.handle = handle
        self.duplex = duplex
        # may be replaced before ``finish``: a title that counts the letters
        self.info = info or DocumentInfo(creator="letterpress batch")
        self.when = when
        # Per page and object only numbers in arrays: a merge of many thousand letters keeps
        # its memory small (the titles are the only per-letter objects).
        self.offsets = array("q")  # by object number; 0: not written yet
        self.next_num = 5
        self.kids = array("q")  # page objects in order
        self.mark_titles: list[str] = []
        self.mark_pages = array("q")
        self.mark_heights = array("d")
        self.digest = hashlib.md5()
        self.pos = 0
        self._write(b"%PDF-1.4\n%\x93\x8c\x8b\x9e letterpress batch\n")

    @property
    def page_count(self) -> int:
        return len(self.kids)

    def _write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.pos += len(data)

    def _object(self, num: int, body: bytes) -> None:
        if num >= len(self.offsets):
            self.offsets.extend([0] * (num + 1 - len(self.offsets)))
        self.offsets[num] = self.pos
        self._write(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    def _new(self) -> int:
        num = self.next_num
        self.next_num += 1
        return num

    def append(self, pdf: bytes | Part, sections: Sequence[Section]) -> list[int]:
        """Copy the next pages of a part (bytes, or a ``Part`` to take its pages in several
        runs, sharing its fonts); returns each section's first page (1-based) in the merge."""
        part = pdf if isinstance(pdf, Part) else Part(pdf)
        wanted = sum(s.pages for s in sections)
        pages = part.sequence[part.cursor : part.cursor + wanted]
        if len(pages) != wanted:
            raise MergeError(
                f"sections cover {wanted} pages, the part has "
                f"{len(part.sequence) - part.cursor} left"
            )
        part.cursor += wanted
        real = [p for p in pages if isinstance(p, int)]
        if len(real) < len(pages):
            real.append(part.shared_resources())
        self._copy(part, real)
        firsts = []
        run = iter(pages)
        for section in sections:
            firsts.append(len(self.kids) + 1)
            media = b""
            for i in range(section.pages):
                page = next(run)
                if isinstance(page, LoosePage):
                    num, media, height = self._loose(part, page)
                else:
                    num = part.numbers[page]
                    head = part.head(page)
                    box = _MEDIABOX.search(head)
                    media = box.group(0) if box else b""
                    height = self._height(head)
                if i == 0:
                    self.mark_titles.append(section.title)
                    self.mark_pages.append(num)
                    self.mark_heights.append(height)
                self.kids.append(num)
            if self.duplex and section.pages % 2:
                self._blank(media)
        return firsts

    def _copy(self, part: Part, roots: list[int]) -> None:
        """Copy the objects ``roots`` reach (pages re-parented) that are not copied yet."""
        numbers = part.numbers
        order: list[tuple[int, bytes, bytes]] = []  # object, dictionary part, stream part
        todo = deque(roots)
        while todo:
            num = todo.popleft()
            if num in numbers or num in part.page_tree:
                continue
            numbers[num] = self._new()
            body = part.body(num)
            split = _STREAM.search(body)
            head, rest = (
                (body[: split.start() + 2], body[split.start() + 2 :]) if split else (body, b"")
            )
            if num in part.page_set:  # re-parented to the merged page tree
                head = _PARENT.sub(b"", head)
            order.append((num, head, rest))
            todo += [int(r) for r in _REF.findall(head) if int(r) not in numbers]

        def renumber(match: re.Match[bytes]) -> bytes:
            old = int(match.group(1))
            if old not in numbers:
                raise MergeError(f"reference to object {old} outside the pages")
            return b"%d 0 R" % numbers[old]

        for num, head, rest in order:
            head = _REF.sub(renumber, head)
            if num in part.page_set:
                head = head.replace(b"<<", b"<< /Parent %d 0 R" % self.PAGES, 1)
            self._object(numbers[num], head + rest)

    def _loose(self, part: Part, page: LoosePage) -> tuple[int, bytes, float]:
        """Write a loose page's content stream and page dictionary."""
        stream = self._new()
        self._object(
            stream,
            b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(page.content)
            + page.content
            + b"\nendstream",
        )
        media = b"/MediaBox [ 0 0 %s %s ]" % (_number(page.width), _number(page.height))
        num = self._new()
        self._object(
            num,
            b"<< /Type /Page /Parent %d 0 R " % self.PAGES
            + media
            + b" /Resources %d 0 R /Contents %d 0 R >>"
            % (part.numbers[part.shared_resources()], stream),
        )
        return num, media, page.height

    @staticmethod
    def _height(head: bytes) -> float:
        box = _MEDIABOX.search(head)
        return float(box.group(1).split()[3]) if box else 842.0

    def _blank(self, media: bytes) -> None:
        """An empty page of the given MediaBox entry (A4 if none)."""
        media = media or b"/MediaBox [ 0 0 595.2756 841.8898 ]"
        num = self._new()
        self._object(
            num, b"<< /Type /Page /Parent %d 0 R " % self.PAGES + media + b" /Resources << >> >>"
        )
        self.kids.append(num)

    def finish(self) -> None:
        """Write the page tree, bookmarks, document information, xref and trailer."""
        items = [self._new() for _ in self.mark_titles]
        for i, (title, page, height) in enumerate(
            zip(self.mark_titles, self.mark_pages, self.mark_heights)
        ):
            links = b""
            if i:
                links += b" /Prev %d 0 R" % items[i - 1]
            if i + 1 < len(items):
                links += b" /Next %d 0 R" % items[i + 1]
            self._object(
                items[i],
                b"<< /Title "
                + pdf_text(title)
                + b" /Parent %d 0 R" % self.OUTLINES
                + links
                + b" /Dest [ %d 0 R /XYZ 0 %s 0 ] >>" % (page, f"{height:g}".encode()),
            )
        if items:
            self._object(
                self.OUTLINES,
                b"<< /Type /Outlines /First %d 0 R /Last %d 0 R "
                b"/Count %d >>" % (items[0], items[-1], len(items)),
            )
        else:
            self._object(self.OUTLINES, b"<< /Type /Outlines /Count 0 >>")
        kids = b" ".join(b"%d 0 R" % k for k in self.kids)
        self._object(
            self.PAGES, b"<< /Type /Pages /Count %d /Kids [ " % len(self.kids) + kids + b" ] >>"
        )
        self._object(
            self.CATALOG,
            b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R "
            b"/PageMode /UseOutlines"
            % (self.PAGES, self.OUTLINES)
            + catalog_entries(self.info)
            + b" >>",
        )
        self._object(self.INFO, b"<< " + info_entries(self.info, self.when) + b" >>")
        size = self.next_num
        xref = self.pos
        ident = self.digest.hexdigest().encode()  # of everything before the xref
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for start in range(1, size, 4096):  # in blocks: no list of every line at once
            self._write(
                b"".join(
                    b"%010d 00000 n \n" % self.offsets[num]
                    for num in range(start, min(size, start + 4096))
                )
            )
        self._write(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [ <%s> <%s> ] >>\n"
            % (size, self.CATALOG, self.INFO, ident, ident)
        )
        self._write(b"startxref\n%d\n%%%%EOF\n" % xref)
