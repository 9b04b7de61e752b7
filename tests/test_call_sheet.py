"""Rendered call sheets: always one page, nothing clipped, a scannable QR code, deterministic."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pypdf
import pypdfium2
import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_call_support import (
    MINIMAL,
    TYPICAL,
    chars_inside_page,
    data,
    page_count,
    page_text,
    render,
    squash,
)

from letterpress.callsheet import render_call_sheet
from letterpress.callsheet.fit import MIN_SIZE
from letterpress.errors import UserError

TODAY = date(2026, 11, 25)


def _qr_texts(pdf: bytes) -> list[str]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=200 / 72).to_pil()
    finally:
        doc.close()
    qr = zxingcpp.BarcodeFormat.QRCode
    return [b.text for b in zxingcpp.read_barcodes(image) if b.format == qr]


@pytest.mark.parametrize(
    "source, uri",
    [
        (MINIMAL, "tel:+498912345670"),
        (TYPICAL, "tel:+498912345670"),
        (data(MINIMAL, phone="+1 (312) 555-0147"), "tel:+13125550147"),
        (
            data(MINIMAL, phone="020 7946 0018") | {"recipient": {"name": "Sam", "country": "GB"}},
            "tel:+442079460018",
        ),
    ],
)
def test_qr_code_decodes_to_tel_uri(source: dict, uri: str) -> None:
    result = render(source, now=TODAY)
    assert _qr_texts(result.pdf) == [uri]


def test_typical_sheet_has_every_part() -> None:
    result = render(TYPICAL, now=TODAY)
    assert page_count(result.pdf) == 1 and result.size >= 11
    text = page_text(result.pdf)
    for expected in (
        "Ms Mei Lee",
        "Human Resources",
        "Nordlicht Logistik GmbH",
        "+49 89 12345670",
        "089 12345670",
        "09:00–11:00",
        "03:00–05:00",
        "America/New York",
        "Thu, 26 Nov 2026",
        "PURPOSE",
        "OPENING",
        "POINTS",
        "ASK",
        "FEEDBACK",
        "IF ASKED",
        "CLOSING",
        "VOICEMAIL",
        "REMEMBER",
        "OUTCOME",
        "NOTES",
        "Reached",
        "No answer",
        "Next step",
        "Scan to dial",
    ):
        assert expected in text, expected
    assert "about " in text and " s spoken" in text
    sheet = result.sheet
    for part in (sheet.opening, sheet.voicemail, sheet.closing, *sheet.points, *sheet.reminders):
        assert squash(part) in squash(text)


def test_paper_from_layout_and_override() -> None:
    def size(pdf: bytes) -> tuple[int, int]:
        box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size(render(TYPICAL, now=TODAY).pdf) == (595, 842)
    assert size(render(TYPICAL | {"layout": "us-letter-10"}, now=TODAY).pdf) == (612, 792)
    assert size(render(TYPICAL, now=TODAY, paper="letter").pdf) == (612, 792)
    with pytest.raises(UserError):
        render(TYPICAL, paper="a5")


def test_german_sheet_labels_and_defaults() -> None:
    text = page_text(render(TYPICAL | {"language": "de"}, now=TODAY).pdf)
    for expected in (
        "ANRUF NACH DEM VORSTELLUNGSGESPRÄCH",
        "Guten Tag, Frau Lee",
        "Do., 26. Nov.",
        "NOTIZEN",
        "Nicht erreicht",
        "Nächster Schritt",
        "Scannen zum Wählen",
    ):
        assert squash(expected) in squash(text), expected


def test_french_sheet_labels_and_defaults() -> None:
    text = page_text(render(TYPICAL | {"language": "fr"}, now=TODAY).pdf)
    for expected in (
        "APPEL APRÈS L’ENTRETIEN",
        "Bonjour Madame Lee",
        "APPELER LE",
        "NOTES",
        "Pas de réponse",
        "Étape suivante",
        "Scanner pour appeler",
    ):
        assert squash(expected) in squash(text), expected


def test_markup_like_input_prints_literally() -> None:
    nasty = data(
        MINIMAL,
        contact="AT&T <Legal>",
        points=["<b>not bold</b> & <img src='x'/>"],
        if_asked={"Q &amp; A?": "a < b > c"},
    ) | {"typography": "as-typed"}
    text = page_text(render(nasty, now=TODAY).pdf)
    for literal in ("AT&T <Legal>", "<b>not bold</b> & <img src='x'/>", "Q &amp; A?", "a < b > c"):
        assert squash(literal) in squash(text), literal


def test_deterministic_bytes() -> None:
    first = render(TYPICAL, now=TODAY).pdf
    assert render(TYPICAL, now=TODAY).pdf == first
    assert (
        render(
            MINIMAL | {"call": {"phone": "+49 89 12345670", "call_on": "2026-11-26"}},
            now=date(2026, 1, 1),
        ).pdf
        == render(
            MINIMAL | {"call": {"phone": "+49 89 12345670", "call_on": "2026-11-26"}},
            now=date(2026, 6, 1),
        ).pdf
    )


def test_written_atomically(tmp_path: Any) -> None:
    out = tmp_path / "sheet.pdf"
    result = render_call_sheet(TYPICAL, out, now=TODAY, caller_zone="Europe/Berlin")
    assert out.read_bytes() == result.pdf and result.path == out
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    with pytest.raises(UserError):
        render_call_sheet(data(MINIMAL, phone="0"), tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists()


def test_too_long_names_the_section_and_lines() -> None:
    long = data(
        TYPICAL,
        if_asked={f"Question {i}?": "An answer that runs a little. " * 4 for i in range(40)},
    )
    with pytest.raises(UserError) as err:
        render(long, now=TODAY)
    assert err.value.where.endswith("call.if_asked")
    assert "even at 9 pt" in err.value.what
    lines = int(err.value.hint.split("about ")[1].split()[0])
    assert lines > 50


def test_shrinks_before_giving_up() -> None:
    longer = data(
        TYPICAL, points=[f"Point number {i} about the team and the work." for i in range(14)]
    )
    result = render(longer, now=TODAY)
    assert page_count(result.pdf) == 1 and MIN_SIZE <= result.size < 11
    assert squash("Point number 13 about the team and the work.") in squash(page_text(result.pdf))


# --- property-based: any input gives one page with every string on it, or a clean exit 2 ---

WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzÄÖÜäöüßéñ0123456789&<>'\"", min_size=1, max_size=12
)
TEXT = st.lists(WORD, min_size=1, max_size=40).map(" ".join)
LONG_TEXT = st.lists(WORD, min_size=6, max_size=40).map(" ".join)


@st.composite
def call_tables(draw: Any, text: Any, every: bool = False) -> dict[str, Any]:
    """A [call] table; with ``every`` all texts are present and lists have 1 to 5 items."""
    present = st.just(True) if every else st.booleans()
    items = st.integers(1, 5) if every else st.integers(0, 6)
    call: dict[str, Any] = {
        "phone": draw(
            st.sampled_from(
                ["+49 89 12345670", "+1 312 555 0147", "+44 20 7946 0018", "+81 3 1234 5678"]
            )
        )
    }
    for key in ("contact", "purpose", "opening", "feedback", "voicemail", "closing"):
        if draw(present):
            call[key] = draw(text)
    for key in ("points", "questions"):
        if draw(present):
            call[key] = [draw(text) for _ in range(draw(items))]
    if draw(present):
        call["if_asked"] = [
            {"question": draw(text), "answer": draw(text)} for _ in range(draw(items))
        ]
    if draw(st.booleans()):
        call["best_time"] = draw(st.sampled_from(["09:00-11:00", "14:30-16:00", "22:00-01:00"]))
    call["call_on"] = draw(st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)))
    return call


def _strings(call: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, value in call.items():
        if key in ("phone", "best_time", "call_on"):
            continue
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list):
            for item in value:
                out.extend(item.values() if isinstance(item, dict) else [item])
    return [s for s in out if s.strip()]


def _check(call: dict[str, Any], language: str) -> None:
    source = {
        "language": language,
        "sender": {"name": "Jonas Petersen"},
        "recipient": {"name": "Ms Mei Lee"},
        "call": call,
        "typography": "as-typed",
    }  # every string comes back as typed
    try:
        result = render(source, now=TODAY)
    except UserError as err:
        assert "does not fit on one page" in err.what
        assert "shorten call." in err.hint and err.where.split(", ")[-1].startswith("call.")
        return
    assert page_count(result.pdf) == 1
    assert chars_inside_page(result.pdf)
    text = squash(page_text(result.pdf))
    for string in _strings(call):
        assert squash(string) in text, string


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call=call_tables(TEXT), language=st.sampled_from(["en", "de", "en-US"]))
def test_property_typical_inputs_fit_on_one_page(call: dict[str, Any], language: str) -> None:
    _check(call, language)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(call=call_tables(LONG_TEXT, every=True), language=st.sampled_from(["en", "de"]))
def test_property_very_long_inputs_one_page_or_clean_error(
    call: dict[str, Any], language: str
) -> None:
    _check(call, language)


def test_minimal_input_one_page() -> None:
    result = render(MINIMAL, now=TODAY)
    assert page_count(result.pdf) == 1 and chars_inside_page(result.pdf)
    assert "Ms Mei Lee" in page_text(result.pdf)


@pytest.mark.parametrize(("utc", "ended"), [(13, False), (16, False), (17, True)])
def test_the_clock_is_read_in_your_zone_for_a_best_time_that_ended(utc: int, ended: bool) -> None:
    """The CLI passes the computer's clock with its zone: 13:00 UTC is 08:00 in New York,
    before a 10:00-12:00 window there; 17:00 UTC is 12:00, when it has ended."""
    from datetime import UTC, datetime

    source = data(
        MINIMAL,
        phone="+1 212 555 0100",
        best_time="10:00-12:00",
        call_on="2026-12-03",
        caller_timezone="America/New_York",
    )
    now = datetime(2026, 12, 3, utc, 0, tzinfo=UTC)
    kinds = [w.kind for w in render_call_sheet(source, None, now=now).warnings]
    assert ("call-past" in kinds) == ended
