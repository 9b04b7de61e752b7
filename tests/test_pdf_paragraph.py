"""Letter paragraphs without markup skip ReportLab's markup parser and are drawn with the
canvas's quick text objects, yet give exactly what ReportLab's own ``Paragraph`` on its own
canvas gives: the same fragment, the same line breaks (hyphenated German, long words cut,
umlauts, no-break spaces, escaped ``&``, left and justified) and the same bytes. Markup
(tags, other character references) still goes through the parser."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from letterpress.language.hyphenation import hyphenator
from letterpress.letter.layout import load_layout
from letterpress.letter.story import Styles, styles
from letterpress.pdf import fonts
from letterpress.pdf.canvas import QuickCanvas
from letterpress.pdf.linebreak import WordWidths
from letterpress.pdf.paragraph import SettledParagraph

TEXTS = [
    "herzlichen Dank, dass Sie Hornig auf unserem Karrieretag vertreten haben. Viele unserer "
    "Studierenden haben uns erzählt, wie offen und genau Sie ihre Fragen zum Einstieg bei "
    "Hornig beantwortet haben.",
    "Sehr geehrte Frau Dr. Hamann,",
    "Mit freundlichen Grüßen",
    "Die Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsbetriebsgenehmigungs"
    "verfahrensbeschleunigungsgesetzgebungskommission tagt übermorgen in Köln-Mülheim.",
    "Unterlagen: https://www.hanse-hochschule.example/karrieretag/2026/auswertung/"
    "rueckmeldeboegen-und-fotos-vom-stand-zur-freien-verwendung.pdf bis Freitag.",
    "Aufwärtskompatibilitätsüberprüfungsverfahren Straßenbahnhaltestellenüberdachungen "
    "Größenverhältnisse Rückmeldebögen Arbeitsgemeinschaftsvorsitzende Äußerungen Öl Übel.",
    "Zeilen\nmit  Umbrüchen\tund   Leerraum,\n  wie ihn eine Vorlage hinterlässt.",
    "Preis: 1\u00a0200\u00a0€ und 3\u00a0%, am 11.\u00a0November\u00a02027 um 10\u00a0Uhr "
    "in Hamburg, Lindenallee\u00a08, Raum\u00a0A\u00a01.\u00a02.",
    "x" * 120,
    "Schmidt GmbH &amp; Co. KG und &lt;Müller&gt; &amp;&amp; Söhne &amp;amp; AT&amp;T&amp;",
    "Ein Satz mit Anführungszeichen „so“ und ‚so‘, Gedankenstrich – und Auslassung … "
    "sowie (Klammern) und einem Backslash \\ in der Mitte, > und ' und \".",
]


@pytest.fixture(scope="module", params=["sans", "serif"])
def st(request: pytest.FixtureRequest) -> Styles:
    return styles(load_layout("din5008-b"), request.param, hyphenator("de_DE"), ())


def _roles(st: Styles) -> list[ParagraphStyle]:
    justified = ParagraphStyle("justified", parent=st.body, alignment=TA_JUSTIFY)
    narrow = ParagraphStyle("narrow", parent=st.body, rightIndent=200)
    eager = ParagraphStyle("eager", parent=st.body, embeddedHyphenation=2, rightIndent=150)
    return [st.body, st.subject, st.small, st.bullet, justified, narrow, eager]


class _Parsed(SettledParagraph):
    """A settled paragraph made and broken the way it was before: by ReportLab."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        Paragraph.__init__(self, *args, **kwargs)

    def breakLines(self, width: Any) -> Any:
        return Paragraph.breakLines(self, width)


def _remembering(widths: WordWidths) -> Callable[..., Paragraph]:
    """Settled paragraphs that share one table of word widths, as a batch's do."""
    return functools.partial(SettledParagraph, widths=widths)


def _drawn(
    kind: type[Canvas],
    make: Callable[..., Paragraph],
    st: Styles,
    bullet: bool,
    texts: list[str] = TEXTS,
) -> bytes:
    """Every text in every style, wrapped and drawn one below the other; the file's bytes."""
    canv = kind(io.BytesIO(), invariant=1, initialFontName=fonts.face("sans").regular)
    for style in _roles(st):
        y = 800.0
        for text in texts:
            para = make(text, style, bulletText="\u2022" if bullet else None)
            _, height = para.wrap(400, 800)
            y -= height
            para.drawOn(canv, 72, y)
        canv.showPage()
    return bytes(canv.getpdfdata())


@pytest.mark.parametrize("bullet", [False, True])
def test_same_bytes_as_the_parsed_paragraph(st: Styles, bullet: bool) -> None:
    slow = _drawn(Canvas, _Parsed, st, bullet)
    assert _drawn(QuickCanvas, SettledParagraph, st, bullet) == slow
    widths = WordWidths()
    assert _drawn(QuickCanvas, _remembering(widths), st, bullet) == slow
    assert _drawn(QuickCanvas, _remembering(widths), st, bullet) == slow  # widths known


def test_split_paragraph_same_bytes() -> None:
    """A paragraph split between pages: both parts as ReportLab sets them."""
    st = styles(load_layout("din5008-b"), "sans", hyphenator("de_DE"), ())
    text = " ".join(TEXTS[:3] * 4)

    def drawn(kind: type[Canvas], make: Callable[..., Paragraph]) -> bytes:
        canv = kind(io.BytesIO(), invariant=1, initialFontName=fonts.face("sans").regular)
        first, rest = make(text, st.body).split(300, 60)
        for part in (first, rest):
            _, height = part.wrap(300, 800)
            part.drawOn(canv, 72, 800 - height)
            canv.showPage()
        return bytes(canv.getpdfdata())

    assert drawn(QuickCanvas, _remembering(WordWidths())) == drawn(Canvas, _Parsed)


def test_same_bytes_as_reportlab_where_no_word_runs_off(st: Styles) -> None:
    """Without a word wider than the measure, a settled paragraph is ReportLab's own."""
    short = [text for text in TEXTS if not text.startswith(("x", "Die", "Unterlagen"))]
    assert _drawn(QuickCanvas, SettledParagraph, st, False, short) == _drawn(
        Canvas, Paragraph, st, False, short
    )


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_skips_the_parser(
    st: Styles, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    roles = _roles(st)
    parsed = [_Parsed(text, style) for style in roles]
    calls: list[str] = []
    parse = ParaParser.parse
    monkeypatch.setattr(ParaParser, "parse", lambda self, *a: calls.append(a[0]) or parse(self, *a))
    for style, slow in zip(roles, parsed, strict=True):
        quick = SettledParagraph(text, style)
        assert [f.__dict__ for f in quick.frags] == [f.__dict__ for f in slow.frags]
        assert (quick.text, quick.bulletText) == (slow.text, None)
        assert quick.style is slow.style is style
        assert quick.__dict__.keys() == slow.__dict__.keys()
        for width in (400, 150, 60):
            assert quick.wrap(width, 800) == slow.wrap(width, 800)
            assert repr(quick.blPara) == repr(slow.blPara)
    assert calls == []


@pytest.mark.parametrize(
    ("markup", "frags"),
    [
        ("Dank an <b>Hornig</b> und <i>alle</i>", 4),
        ("AT&amp;T &#60;Legal&#62; GmbH", 7),
        ("Müller&nbsp;&amp; Söhne", 4),
        ("Zeile eins<br/>Zeile zwei", 3),
        ("   ", 0),
    ],
)
def test_markup_goes_through_the_parser(
    st: Styles, markup: str, frags: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    parse = ParaParser.parse
    monkeypatch.setattr(ParaParser, "parse", lambda self, *a: calls.append(a[0]) or parse(self, *a))
    para = SettledParagraph(markup, st.body)
    assert calls and len(para.frags) == frags
    if "&#" in markup:
        assert "".join(f.text for f in para.frags) == "AT&T <Legal> GmbH"
