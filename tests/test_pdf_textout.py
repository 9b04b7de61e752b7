"""The canvas letters are drawn on encodes known characters in one step and writes exactly
the bytes of ReportLab's own canvas: the same operators, the same subset codes, assigned in
the same order of first use (new characters, characters outside the font, a second subset,
no-break spaces, shaped and empty strings)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from reportlab.pdfgen.canvas import Canvas

from letterpress.pdf import fonts
from letterpress.pdf.canvas import QuickCanvas, canvas_maker
from letterpress.pdf.textout import QuickText

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
