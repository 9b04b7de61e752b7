"""The canvas letters are drawn on encodes known characters in one step and writes exactly
the bytes of ReportLab's own canvas: the same operators, the same subset codes, assigned in
the same order of first use (new characters, characters outside the font, a second subset,
no-break spaces, shaped and empty strings)."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from letterpress.pdf import fonts
from letterpress.pdf.canvas import QuickCanvas, canvas_maker
from letterpress.pdf.textout import QuickText, draw_lines, write_lines

LINES = [
    "Sehr geehrte Frau Dr. Hamann,",
    "herzlichen Dank, dass Sie Hornig auf unserem Karrieretag vertreten haben.",
    "Sehr geehrte Frau Dr. Hamann,",  # all known now: the quick way
    "Grüße aus Köln – «Straße» 12\u00a0%",  # new characters among known ones
    "Grüße aus Köln (Straße) 12\u00a0% \\ back",  # known again, with PDF escapes
    "",
    "\u4e00 not in the font",
    "Sehr geehrte Frau Dr. Hamann,",
    "Ελληνικά και Русский текст: ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİı",
    "ĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ",
    "ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊ",
    "ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
    "ѐёђѓєѕіїјљњћќѝўџ ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω",
    "ΑΒΓ abc Ѐ and Sehr geehrte",  # both subsets in one line
    "Sehr geehrte Frau Dr. Hamann,",
]
ONE_SUBSET = 8  # the lines before the Greek and Cyrillic ones: one subset


def _draw(canv: Canvas, lines: list[str]) -> bytes:
    """The whole file when the characters fit one subset; with more, ReportLab's invariant
    mode cannot save the file (it names every subset alike), so the page's operators."""
    regular, bold = fonts.face("sans").regular, fonts.face("sans").bold
    for n, line in enumerate(lines):
        canv.setFont(bold if n % 3 == 2 else regular, 10 + n % 2)
        canv.drawString(72, 800 - 20 * n, line)
        text = canv.beginText(72, 200)
        text.setFont(regular, 9, 12)
        text._textOut(line, 1)
        text.textOut(line)
        text.textLine(line)
        canv.drawText(text)
    if len(lines) <= ONE_SUBSET:
        canv.showPage()
        return bytes(canv.getpdfdata())
    return "\n".join(canv._code).encode()


def _canvas(kind: type[Canvas]) -> Canvas:
    return kind(io.BytesIO(), invariant=1, initialFontName=fonts.face("sans").regular)


@pytest.mark.parametrize("count", [ONE_SUBSET, len(LINES)])
def test_same_bytes_as_reportlab(count: int) -> None:
    lines = LINES[:count]
    assert _draw(_canvas(QuickCanvas), lines) == _draw(_canvas(Canvas), lines)


def test_known_lines_take_the_quick_way(monkeypatch: pytest.MonkeyPatch) -> None:
    canv = canvas_maker(date(2026, 11, 26))(io.BytesIO())
    assert isinstance(canv, QuickCanvas)
    regular = fonts.face("sans").regular
    canv.setFont(regular, 10)
    canv.drawString(72, 700, "Sehr geehrte Frau Dr. Hamann,")  # assigns the codes
    slow: list[str] = []
    original = QuickText.__mro__[1]._formatText

    def spy(self: QuickText, text: str) -> str:
        slow.append(text)
        return str(original(self, text))

    monkeypatch.setattr(QuickText.__mro__[1], "_formatText", spy)
    canv.drawString(72, 680, "Frau Dr. Hamann")
    assert slow == []
    canv.drawString(72, 660, "Herr Wende")  # ASCII is known from the start
    assert slow == []
    canv.drawString(72, 640, "Grüße")  # ü and ß are new: ReportLab assigns them
    canv.drawString(72, 620, "Grüße")
    assert slow == ["Grüße"]


ADDRESS = [  # (font, size, x, y, text): notes and address lines as a letter places them
    ("regular", 7, 70.87, 716.3, "Einschreiben – Rückschein"),
    ("regular", 10, 70.87, 700.1, "Frau Dr. Siegrid Hamann"),
    ("regular", 10, 70.87, 688.2, "Hornig GmbH & Co. KG (Zentrale)"),
    ("bold", 10, 70.87, 676.3, "Eberthallee 4\u00a0a \\ Hof"),
    ("bold", 10, 70.87, 664.4, "32322 Borna"),
    ("regular", 9, 70.87, 652.5, "DEUTSCHLAND"),
]


def _address(canv: Canvas, lines: list[tuple[str, float, float, float, str]]) -> None:
    """The lines as one text object, the way ReportLab's public calls draw them."""
    text = canv.beginText()
    current = None
    for font, size, x, y, words in lines:
        if (font, size) != current:
            current = (font, size)
            text.setFont(font, size)
        text.setTextOrigin(x, y)
        text.textOut(words)
    canv.drawText(text)


def test_lines_written_in_one_step_same_bytes() -> None:
    """``write_lines`` writes what ReportLab's text object writes for the same lines (font
    changes, PDF escapes, a no-break space), once the document has used their characters;
    with a new character it writes nothing and ReportLab draws them; the words land at the
    same places."""
    face = fonts.face("sans")
    lines = [(face.bold if f == "bold" else face.regular, *rest) for f, *rest in ADDRESS]
    with_new = [*lines[:2], (lines[2][0], 10, 70.87, 688.2, "Hornig Æ GmbH")]

    def pdf(quick: bool) -> bytes:
        canv = _canvas(QuickCanvas if quick else Canvas)
        written = []
        for group in (lines, lines, with_new, with_new):
            done = quick and write_lines(canv, group)
            if not done:
                _address(canv, group)
            written.append(done)
            canv.showPage()
        assert written == ([False, True, False, True] if quick else [False] * 4)
        return bytes(canv.getpdfdata())

    quick, slow = pdf(True), pdf(False)
    assert quick == slow
    with pdfplumber.open(io.BytesIO(quick)) as pdf_file:
        page = pdf_file.pages[1]
        assert [w["text"] for w in page.extract_words()][:5] == [
            "Einschreiben",
            "–",
            "Rückschein",
            "Frau",
            "Dr.",
        ]
        starts = {(round(c["matrix"][4], 2), round(c["matrix"][5], 2)) for c in page.chars}
        assert {(x, y) for _, _, x, y, _ in lines} <= starts  # each line's first character


def test_draw_lines_falls_back_to_reportlab_with_the_same_bytes() -> None:
    """``draw_lines`` (what a letter's address is drawn with) writes the same file as
    ReportLab's text object, whether the lines go the quick way or not."""
    face = fonts.face("sans")
    lines = [(face.bold if f == "bold" else face.regular, *rest) for f, *rest in ADDRESS]
    with_new = [*lines[:2], (lines[2][0], 10, 70.87, 688.2, "Hornig Æ GmbH")]
    quick, slow = _canvas(QuickCanvas), _canvas(Canvas)
    for group in (lines, lines, with_new, with_new):
        draw_lines(quick, group)
        _address(slow, group)
        quick.showPage()
        slow.showPage()
    assert bytes(quick.getpdfdata()) == bytes(slow.getpdfdata())


def test_lines_not_written_on_another_canvas() -> None:
    canv = _canvas(Canvas)
    regular = fonts.face("sans").regular
    canv.setFont(regular, 10)
    canv.drawString(72, 700, "Frau Dr. Hamann")
    code = list(canv._code)
    assert not write_lines(canv, [(regular, 10, 72, 680, "Frau Dr. Hamann")])
    assert canv._code == code
