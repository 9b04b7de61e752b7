"""What every PDF letterpress writes says about itself: language, title, author, subject, and
"print at actual size".

One piece of code for both ways a PDF is made here: a ReportLab canvas (``describe``) and the
batch's own merge writer (``catalog_entries``, ``info_entries``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:  # the batch's main process merges without loading ReportLab
    from reportlab.pdfgen.canvas import Canvas

PRODUCER = "letterpress"
# A print dialog that scales the page "to fit" moves the address by millimetres, out of the
# envelope's window: viewers that honour this preference print at 100 % (PDF 1.6, 12.2).
VIEWER_PREFERENCES = {"PrintScaling": "None", "DisplayDocTitle": True}


class DocumentInfo(Struct, frozen=True):
    """The document's facts: ``lang`` a BCP 47 tag, the rest plain text ("" leaves it out)."""

    title: str = ""
    author: str = ""
    subject: str = ""
    lang: str = ""
    creator: str = PRODUCER


def describe(canv: Canvas, info: DocumentInfo) -> None:
    """Give a ReportLab canvas's document its facts and viewer preferences."""
    canv.setTitle(info.title)
    canv.setAuthor(info.author)
    canv.setSubject(info.subject)
    canv.setCreator(info.creator)
    canv.setProducer(PRODUCER)
    canv.setKeywords([])
    if info.lang:
        canv.setCatalogEntry("Lang", info.lang)
    for key, value in VIEWER_PREFERENCES.items():
        canv.setViewerPreference(key, "true" if value is True else value)


def pdf_text(text: str) -> bytes:
    """A PDF text string: UTF-16BE with BOM, as hex (safe for any character)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def catalog_entries(info: DocumentInfo) -> bytes:
    """The catalog's entries for ``info`` (language, viewer preferences), for a PDF written by
    hand, with a leading space."""
    prefs = b" ".join(
        b"/%s %s" % (key.encode(), b"true" if value is True else b"/" + str(value).encode())
        for key, value in VIEWER_PREFERENCES.items()
    )
    lang = b" /Lang " + pdf_text(info.lang) if info.lang else b""
    return lang + b" /ViewerPreferences << " + prefs + b" >>"


def info_entries(info: DocumentInfo, when: date | None) -> bytes:
    """The document information dictionary's entries for ``info``, created on ``when``."""
    out = b"/Producer " + pdf_text(PRODUCER) + b" /Creator " + pdf_text(info.creator)
    for key, value in (("Title", info.title), ("Author", info.author), ("Subject", info.subject)):
        if value:
            out += b" /%s " % key.encode() + pdf_text(value)
    if when:
        out += b" /CreationDate (D:%s000000+00'00')" % when.strftime("%Y%m%d").encode()
    return out
