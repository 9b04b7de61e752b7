"""Many letters on one shared canvas (the batch's way) put every word, line and rectangle where
``letterpress letter`` puts them, on page 1 and on continuation pages, while sharing fonts and
drawing repeated furniture and paragraphs once (form XObjects)."""

from __future__ import annotations

import copy
import io
from typing import Any

import pdfplumber
from conftest import HOME_RECIPIENTS, home_letter, letter
from pypdf import PdfReader

from letterpress.letter import prepare_letter, render_letter
from letterpress.letter.context import RenderContext
from letterpress.letter.layout import available_layouts, load_layout
from letterpress.letter.shared import draw_letters
from letterpress.pdf.merge import MergedPdf, Part, Section

Page = dict[str, list[tuple[Any, ...]]]


def pages(pdf: bytes) -> list[Page]:
    """Each page's words, lines and rectangles with their positions (0.01 pt)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            {
                "words": [
                    (w["text"], round(w["x0"], 2), round(w["top"], 2)) for w in page.extract_words()
                ],
                "lines": [
                    (
                        round(ln["x0"], 2),
                        round(ln["top"], 2),
                        round(ln["x1"], 2),
                        round(ln["linewidth"], 2),
                    )
                    for ln in page.lines
                ],
                "rects": [
                    (
                        round(r["x0"], 2),
                        round(r["top"], 2),
                        round(r["width"], 2),
                        round(r["height"], 2),
                    )
                    for r in page.rects
                ],
            }
            for page in doc.pages
        ]


def variants() -> list[dict[str, Any]]:
    """Letters in every layout, with bullets, enclosures, copies, repeated paragraphs and
    letters long enough for continuation pages."""
    out = []
    for i, name in enumerate(available_layouts()):
        country = load_layout(name).country
        data = home_letter(name, country if country in HOME_RECIPIENTS else "DE")
        data["recipient"]["name"] = f"Person {i}"
        if i % 2:
            data["body"] = (
                "Thank you for the *interview* on **Tuesday**.\n\n- the role\n"
                "- the team & <the> office\n\nI look forward to hearing from you."
            )
            data["enclosures"] = ["CV", "References"]
            data["cc"] = ["Careers Service"]
        long = copy.deepcopy(data)
        long["body"] = "\n\n".join(
            [f"Paragraph {n}: " + "Long paragraph text. " * 40 for n in range(8)]
        )
        out += [data, copy.deepcopy(data), long]
    return out


def merged(pdf: bytes | None, loose: list, counts: list[int]) -> bytes:
    """A shared-canvas PDF and its loose pages, merged as the batch merges them."""
    assert pdf is not None
    out = io.BytesIO()
    doc = MergedPdf(out)
    doc.append(Part(pdf, loose), [Section(f"letter {i}", n) for i, n in enumerate(counts)])
    doc.finish()
    return out.getvalue()


def test_shared_canvas_draws_what_a_single_letter_draws() -> None:
    letters = variants()
    ctx = RenderContext()
    drawn = draw_letters([prepare_letter(v, context=ctx) for v in letters], ctx)
    assert not drawn.failed
    counts = [drawn.pages[i] for i in range(len(letters))]
    assert max(counts) >= 3 and min(counts) == 1  # continuation pages are part of the test
    whole = merged(drawn.pdf, drawn.loose, counts)
    singles = [render_letter(v).pdf for v in letters]
    expected = [page for pdf in singles for page in pages(pdf)]
    got = pages(whole)
    assert len(got) == len(expected) == sum(counts)
    for number, (mine, theirs) in enumerate(zip(got, expected), start=1):
        assert mine == theirs, f"page {number} differs"
    assert any(page["lines"] for page in got)  # marks and rules are compared, not only words
    assert b"/FormXob" in whole  # the repeated paragraphs and furniture are forms
    assert len(whole) < sum(map(len, singles)) / 2  # fonts once, repeats as forms
    sizes = [
        tuple(round(float(v)) for v in page.mediabox[2:])
        for page in PdfReader(io.BytesIO(whole)).pages
    ]
    assert (612, 792) in sizes and (595, 842) in sizes  # US Letter and A4 loose pages
    assert len(drawn.loose) == len(got) - 1  # one ReportLab page, the rest loose


def test_shared_canvas_is_deterministic() -> None:
    letters = [letter(recipient__name=f"Person {i}") for i in range(4)]

    def once() -> bytes:
        ctx = RenderContext()
        drawn = draw_letters([prepare_letter(v, context=ctx) for v in letters], ctx)
        return merged(drawn.pdf, drawn.loose, [1] * len(letters))

    assert once() == once()


def test_a_letter_that_cannot_be_drawn_is_singled_out(monkeypatch) -> None:
    """A letter whose drawing fails is reported; the others are drawn without it."""
    import letterpress.letter.shared as shared

    real = shared.draw_shared

    def draw(pages, plan):
        if (
            any("Bob" in page.header.text.text for page in plan.pages if page.header)
            or "Bob" in plan.meta.subject
        ):
            raise ValueError("broken drawing")
        return real(pages, plan)

    monkeypatch.setattr(shared, "draw_shared", draw)
    names = ["Ann", "Bob", "Cy"]
    ctx = RenderContext()
    preps = [
        prepare_letter(letter(recipient__name=n, subject=f"For {n}"), context=ctx) for n in names
    ]
    drawn = draw_letters(preps, ctx)
    assert list(drawn.failed) == [1] and "broken drawing" in str(drawn.failed[1])
    assert sorted(drawn.pages) == [0, 2]
    words = [w for page in pages(merged(drawn.pdf, drawn.loose, [1, 1])) for w in page["words"]]
    assert ("Ann",) in {(w[0],) for w in words} and ("Bob",) not in {(w[0],) for w in words}
