"""Letter paragraphs without markup skip ReportLab's markup parser and are drawn with the
canvas's quick text objects, yet give exactly what ReportLab's own ``Paragraph`` of one
fragment on its own canvas gives: the same fragment, the same line breaks (hyphenated German,
long words cut, umlauts, no-break spaces, escaped ``&``, left and justified) and the same
bytes. Markup (tags, other character references) still goes through the parser. (A web
address is not broken as ReportLab breaks it, but where it can be typed back: see
test_link_breaks.py.)

ReportLab's parser makes a fragment of each escaped ``&``, ``<`` and ``>``; a settled paragraph
keeps them in its one fragment, on purpose: its words stay exactly where the parser's
fragments put them (same lines, same positions read back to 0.01 pt), drawn with fewer text
operators."""

from __future__ import annotations

import functools
import io
import random
import re
from collections.abc import Callable
from typing import Any

import pdfplumber
import pypdf
import pytest
from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _SplitWord, cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from letterpress.language.hyphenation import hyphenator
from letterpress.letter.layout import load_layout
from letterpress.letter.markup import escape
from letterpress.letter.story import Styles, styles
from letterpress.pdf import fonts
from letterpress.pdf.canvas import QuickCanvas
from letterpress.pdf.linebreak import WordWidths
from letterpress.pdf.paragraph import SettledParagraph, _clean
from letterpress.pdf.units import mm

TEXTS = [
    "herzlichen Dank, dass Sie Hornig auf unserem Karrieretag vertreten haben. Viele unserer "
    "Studierenden haben uns erzählt, wie offen und genau Sie ihre Fragen zum Einstieg bei "
    "Hornig beantwortet haben.",
    "Sehr geehrte Frau Dr. Hamann,",
    "Mit freundlichen Grüßen",
    "Die Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsbetriebsgenehmigungs"
    "verfahrensbeschleunigungsgesetzgebungskommission tagt übermorgen in Köln-Mülheim.",
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
    """A settled paragraph made and broken by ReportLab: its parser's fragments (one per
    escaped character and per run of text between them), its line breaker."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        Paragraph.__init__(self, *args, **kwargs)

    def breakLines(self, width: Any) -> Any:
        return Paragraph.breakLines(self, width)


class _Joined(_Parsed):
    """ReportLab's paragraph of one fragment: the parser's fragments of text without tags
    joined into one (they are all in the paragraph's style)."""

    def __init__(self, text: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, *args, **kwargs)
        if isinstance(text, str) and "<" not in text and len(self.frags) > 1:
            self.frags = [_joined(self.frags)]


def _joined(frags: list[ParaFrag]) -> ParaFrag:
    """The first of ``frags`` holding the text of all of them."""
    assert all(f.__dict__.keys() == frags[0].__dict__.keys() for f in frags)
    assert all(f.fontName == frags[0].fontName for f in frags)
    one = frags[0].clone()
    one.text = "".join(f.text for f in frags)
    return one


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
    slow = _drawn(Canvas, _Joined, st, bullet)
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

    assert drawn(QuickCanvas, _remembering(WordWidths())) == drawn(Canvas, _Joined)


def test_same_bytes_as_reportlab_where_no_word_runs_off(st: Styles) -> None:
    """Without a word wider than the measure (and without escapes, which ReportLab's parser
    makes fragments of), a settled paragraph is ReportLab's own."""
    short = [
        text
        for text in TEXTS
        if not text.startswith(("x", "Die", "Unterlagen")) and "&" not in text
    ]
    assert _drawn(QuickCanvas, SettledParagraph, st, False, short) == _drawn(
        Canvas, Paragraph, st, False, short
    )


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_skips_the_parser(
    st: Styles, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    roles = _roles(st)
    parsed = [_Joined(text, style) for style in roles]
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
        ("Dank an <b>Hornig</b> &amp; <i>alle</i>", 6),
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


ESCAPED = [  # user text with "&", "<" and ">", as letters print it (escaped by markup.escape)
    "vielen Dank für das Gespräch bei der Schmidt GmbH & Co. KG in Köln-Mülheim; die "
    "Arbeitsgemeinschaftsvorsitzende der Müller & Söhne OHG schrieb: Einkommen > 3000 € "
    "< 5000 €, Straßenbahnhaltestellenüberdachungen & Rückmeldebögen.",
    "Thank you for the interview at AT&T <Legal> & Johnson & Johnson; the "
    "internationalisation & characterisation team, R&D>QA, incomprehensibilities & "
    "counterrevolutionaries & Procter&Gamble.",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsbetriebsgenehmigungs&"
    "verfahrensbeschleunigungsgesetzgebungskommission <tagt> übermorgen bei B&B.",
    "&&& <<< >>> & < > A&B&C&D&E&F&G&H&I&J&K&L&M&N&O&P&Q&R&S&T&U&V&W&X&Y&Z "
    "Straßenbahn&haltestellen&überdachungen <Müller & Söhne> a<b>c",
]


def _words_per_line(para: Paragraph) -> list[list[str]]:
    """The words of each line ``para`` was broken into (either kind of ReportLab line)."""
    lines = para.blPara.lines
    if para.blPara.kind == 0:
        return [list(words) for _, words in lines]
    return [re.split(r"[ \n\t]+", "".join(f.text for f in line.words).strip()) for line in lines]


Word = tuple[str, float, float, float]  # text, left edge, top, right edge (points, to 0.01)


def _placed(kind: type[Canvas], paras: list[Paragraph], width: float) -> list[list[list[Word]]]:
    """Each paragraph wrapped at ``width`` and drawn on a page of its own; the words of each
    page read back with pdfplumber, line by line."""
    canv = kind(io.BytesIO(), invariant=1, initialFontName=fonts.face("sans").regular)
    for para in paras:
        _, height = para.wrap(width, 800)
        para.drawOn(canv, 72, 800 - height)
        canv.showPage()
    pages = []
    with pdfplumber.open(io.BytesIO(canv.getpdfdata())) as pdf:
        for page in pdf.pages:
            lines: dict[float, list[Word]] = {}
            for w in page.extract_words():
                top = round(w["top"], 2)
                lines.setdefault(top, []).append(
                    (w["text"], round(w["x0"], 2), top, round(w["x1"], 2))
                )
            pages.append([lines[top] for top in sorted(lines)])
    return pages


def _before_a_cut(para: Paragraph) -> list[bool]:
    """Which lines of ``para`` (broken as one fragment) come just before a line that starts
    with a word cut because it is wider than the measure (not hyphenated)."""
    lines = [words for _, words in para.blPara.lines]
    return [type(after[0]) is _SplitWord for after in lines[1:]] + [False]


@pytest.mark.parametrize("face", ["sans", "serif"])
@pytest.mark.parametrize("language", ["de_DE", "en_GB"])
def test_escaped_characters_leave_the_words_in_place(face: str, language: str) -> None:
    """One fragment instead of the parser's several: the same words on each line, at the
    same places (to 0.01 pt), at the letter's measure and at narrow ones (hyphenated, long
    words cut).

    The one exception is ReportLab's, not ours: on a line that must be narrowed to fit and
    is followed by a word cut because it is wider than the measure, ReportLab's breaker of
    one fragment (which every paragraph without escapes takes) counts one space more than
    its breaker of several fragments, so it narrows that line's spaces a little more. Such a
    line keeps its words, its start and its baseline, and stays inside the measure."""
    layout = load_layout("din5008-b")
    measure = mm(layout.text_width)
    st = styles(layout, face, hyphenator(language), ())
    justified = ParagraphStyle("justified", parent=st.body, alignment=TA_JUSTIFY)
    eager = ParagraphStyle("eager", parent=st.body, embeddedHyphenation=2)
    widths = WordWidths()
    cut: set[str] = set()  # the words hyphenated or cut at a line's end
    same = narrowed = 0
    for style in (st.body, st.subject, st.small, st.bullet, justified, eager):
        for width in (measure, 200, 150, 120, 100):
            texts = [escape(text) for text in ESCAPED]
            parsed = [_Parsed(text, style) for text in texts]
            settled = [SettledParagraph(text, style, widths=widths) for text in texts]
            assert all(len(p.frags) > 1 for p in parsed)
            placed = _placed(QuickCanvas, settled, width)
            before = _placed(Canvas, parsed, width)
            assert all(len(p.frags) == 1 for p in settled)
            assert [_words_per_line(p) for p in settled] == [_words_per_line(p) for p in parsed]
            right = 72 + width - style.rightIndent + 0.01
            for para, page, was in zip(settled, placed, before, strict=True):
                assert len(page) == len(was) == len(para.blPara.lines)
                for line, old, exempt in zip(page, was, _before_a_cut(para), strict=True):
                    if line == old:
                        same += 1
                        continue
                    assert exempt and width < measure, (style.name, width, line, old)
                    assert [w[0] for w in line] == [w[0] for w in old]
                    assert line[0][1:3] == old[0][1:3]  # its start and its top
                    assert line[-1][3] <= right
                    narrowed += 1
                cut.update(w[0] for line in page for w in line if w[0].endswith("-"))
    assert len(cut) > 5, cut
    assert same > 50 * narrowed, (same, narrowed)


def test_plain_lines_written_directly_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain left-aligned paragraph whose characters the document has used is written in
    one step, not by ReportLab's ``drawPara``: the same bytes as ReportLab's own canvas and
    paragraph (lines with narrowed spaces, no-break spaces, PDF escapes, inside a form and
    on a page), the same words at the same places read back; a paragraph with a new
    character, a bullet or another alignment is still drawn by ReportLab."""
    st = styles(load_layout("din5008-b"), "sans", hyphenator("de_DE"), ())
    justified = ParagraphStyle("justified", parent=st.body, alignment=TA_JUSTIFY)
    grey = ParagraphStyle("grey", parent=st.small, textColor=Color(0.25, 0.5, 0.75))
    faint = ParagraphStyle("faint", parent=st.body, textColor=Color(0, 0, 0, alpha=0.5))
    new = TEXTS[0].replace("Hornig", "Hornig\u00e6")  # æ: new in the second round
    drawn: list[tuple[int, str, bool]] = []  # drawn by ReportLab: (round, style, new?)
    round_ = 0
    draw_para = Paragraph.drawPara

    def spy(self: Paragraph, *args: Any) -> None:
        drawn.append((round_, self.style.name.removesuffix("-cut"), "\u00e6" in self.text))
        draw_para(self, *args)

    monkeypatch.setattr(Paragraph, "drawPara", spy)

    def pdf(kind: type[Canvas], make: Callable[..., Paragraph]) -> bytes:
        nonlocal round_
        canv = kind(io.BytesIO(), invariant=1, initialFontName=fonts.face("sans").regular)
        for round_ in range(2):
            texts = TEXTS + [new] if round_ else TEXTS
            if round_:  # the body paragraphs as forms, as a batch draws recurring ones
                for n, text in enumerate(texts):
                    para = make(text, st.body)
                    para.wrap(350, 800)
                    canv.beginForm(f"F{n}", -300, -800, 600, 1600)
                    para.drawOn(canv, 0, 0)
                    canv.endForm()
            for style in (st.body, grey, st.bullet, justified, faint):
                y = 800.0
                for text in texts:
                    para = make(text, style, bulletText="\u2022" if style is st.bullet else None)
                    _, height = para.wrap(350, 800)
                    y -= height
                    para.drawOn(canv, 72, y)
                canv.showPage()
        return bytes(canv.getpdfdata())

    slow = pdf(Canvas, _Joined)
    everything = list(drawn)
    drawn.clear()
    quick = pdf(QuickCanvas, _remembering(WordWidths()))
    assert quick == slow
    by_reportlab = [(r, name) for r, name, with_new in drawn if not with_new]
    assert by_reportlab.count((1, "body")) == by_reportlab.count((1, "grey")) == 0
    for name in ("bullet", "justified", "faint"):  # and a fill with its own opacity
        assert by_reportlab.count((1, name)) == len(TEXTS)
    # the paragraph with æ: ReportLab assigns its code in the form, then it is known
    assert [(r, name) for r, name, with_new in drawn if with_new] == [
        (1, "body"),
        (1, "bullet"),
        (1, "justified"),
        (1, "faint"),
    ]
    assert len(drawn) < len(everything) - 3 * len(TEXTS)
    assert b" Tw " in _page_content(quick, 6)  # a line with its spaces narrowed
    with pdfplumber.open(io.BytesIO(quick)) as a, pdfplumber.open(io.BytesIO(slow)) as b:
        for page, old in zip(a.pages, b.pages, strict=True):
            assert page.extract_words() == old.extract_words()


def _page_content(pdf: bytes, number: int) -> bytes:
    """The decompressed content stream of page ``number`` (1-based)."""
    contents = pypdf.PdfReader(io.BytesIO(pdf)).pages[number - 1].get_contents()
    assert contents is not None
    return bytes(contents.get_data())


def test_clean_text_is_not_cleaned_again() -> None:
    """Text that ReportLab's ``cleanBlockQuotedText`` would leave as it is (single spaces
    between words) is taken as it is; any other white space (line breaks, tabs, runs of
    spaces, no-break and other Unicode spaces, at either end) is cleaned as before."""
    spaces = [" ", "\xa0", "\n", "\t", "\u2009", "\u202f", "\u200b", "\x85", "\u3000"]
    rnd = random.Random(13)
    cleaned = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(["a", "Ü", "&", *spaces]) for _ in range(rnd.randint(0, 8)))
        if _clean(text):
            cleaned += 1
            assert cleanBlockQuotedText(text) == text, repr(text)
    assert cleaned > 1000
    assert _clean(TEXTS[0]) and _clean("Sehr geehrte Frau Dr. Hamann,")
    assert not any(_clean(f"a{space}b") for space in spaces[1:])
    assert not any(_clean(text) for text in (" a", "a ", "a  b", "a\nb"))
