"""Shared helpers for the call-sheet tests (no tests here)."""

from __future__ import annotations

import copy
import io
import re
from typing import Any
from zoneinfo import ZoneInfo

import pdfplumber
import pypdf

from letterpress.callsheet import render_call_sheet

BERLIN = ZoneInfo("Europe/Berlin")

MINIMAL: dict[str, Any] = {
    "sender": {"name": "Jonas Petersen"},
    "recipient": {"name": "Ms Mei Lee"},
    "call": {"phone": "+49 89 12345670"},
}

TYPICAL: dict[str, Any] = {
    "language": "en-GB",
    "sender": {"name": "Jonas Petersen", "phone": "+49 40 1234 5678", "country": "DE"},
    "recipient": {
        "name": "Ms Mei Lee",
        "organization": "Nordlicht Logistik GmbH",
        "department": "Human Resources",
        "country": "DE",
    },
    "call": {
        "phone": "089 12345670",
        "best_time": "09:00-11:00",
        "call_on": "2026-11-26",
        "interview_on": "2026-11-24",
        "position": "Data Analyst",
        "clarified": "how reporting and the spring project share the week",
        "caller_timezone": "America/New_York",
    },
}


def data(base: dict[str, Any], **call: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with ``call`` fields replaced."""
    out = copy.deepcopy(base)
    out["call"].update(call)
    return out


def render(source: Any, **options: Any) -> Any:
    """Render without writing; Berlin as the caller's zone unless the file says otherwise."""
    options.setdefault("caller_zone", BERLIN)
    return render_call_sheet(source, None, **options)


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def page_text(pdf: bytes) -> str:
    """The text in drawing order (pypdf), so a column's lines stay together."""
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def squash(text: str) -> str:
    """Text without whitespace, so line breaks do not matter when searching."""
    return re.sub(r"\s+", "", text)


def chars_inside_page(pdf: bytes) -> bool:
    """Every drawn character lies fully on the page."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        return all(
            c["x0"] >= 0 and c["x1"] <= page.width and c["top"] >= 0 and c["bottom"] <= page.height
            for c in page.chars
        )
