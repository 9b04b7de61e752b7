"""The multi-letter document puts every word where a single ``render_letter`` puts it, while
sharing fonts and drawing repeated furniture and paragraphs once (form XObjects)."""
from __future__ import annotations

import copy
import io

import pdfplumber
from pypdf import PdfReader
from conftest import letter

from letterpress.letter.compose import build_letters
from letterpress.letter.pipeline import prepare_letter, render_letter


def words(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [[(w["text"], round(w["x0"], 2), round(w["top"], 2))
                 for w in page.extract_words()] for page in doc.pages]


def test_many_letters_in_one_document_match_single_letters() -> None:
    base = letter()
    variants = []
    for i, body in enumerate([base["body"], base["body"], "Long paragraph text. " * 400,
                              "- one\n- two\n\nAfter the list.", base["body"]]):
        data = copy.deepcopy(base)
        data["recipient"]["name"] = f"Person {i}"
        data["body"] = body
        variants.append(data)
    prepared = [prepare_letter(v) for v in variants]
    merged, counts = build_letters(prepared, {}, prepared[0].day)
    assert counts[2] > 1 and counts[:2] == [1, 1]
    single: list[list[tuple[str, float, float]]] = []
    sizes = 0
    for data in variants:
        pdf = render_letter(data).pdf
        sizes += len(pdf)
        single += words(pdf)
    assert words(merged) == single  # same words at the same places, "Page 2 of N" included
    assert len(merged) < sizes / 2  # fonts once, repeats as forms
    again, _ = build_letters(prepared, {}, prepared[0].day)
    assert again == merged  # deterministic


def _variants() -> list[dict]:
    """Letters in every layout, with bullets, enclosures, copies and repeated paragraphs."""
    from conftest import HOME_RECIPIENTS, home_letter
    from letterpress.letter.layout import available_layouts, load_layout

    out = []
    for i, name in enumerate(available_layouts()):
        data = home_letter(name, load_layout(name).country
                           if load_layout(name).country in HOME_RECIPIENTS else "DE")
        data["recipient"]["name"] = f"Person {i}"
        if i % 2:
            data["body"] = ("Thank you for the *interview* on **Tuesday**.\n\n- the role\n"
                            "- the team & <the> office\n\nI look forward to hearing from you.")
            data["enclosures"] = ["CV", "References"]
            data["cc"] = ["Careers Service"]
        out += [data, copy.deepcopy(data)]
    return out


def joined(pdf: bytes | None, loose: list) -> bytes:  # noqa: ANN001
    """A shared-canvas PDF and its loose pages, merged as the batch merges them."""
    from letterpress.pdf.merge import MergedPdf, Part, Section

    assert pdf is not None
    out = io.BytesIO()
    merged = MergedPdf(out)
    part = Part(pdf, loose)
    merged.append(part, [Section(f"letter {i}", 1) for i in range(len(part.sequence))])
    merged.finish()
    return out.getvalue()


def test_one_page_fast_path_draws_what_platypus_draws() -> None:
    from letterpress.letter.onepage import OnePageLetters

    variants = _variants()
    prepared = [prepare_letter(v) for v in variants]
    shared = OnePageLetters(prepared[0].day)
    plans = [shared.fits(p) for p in prepared]
    assert all(plan is not None for plan in plans)
    for prep, plan in zip(prepared, plans):
        shared.draw(prep, plan)
    first, loose = shared.finish()
    assert first is not None and len(loose) == len(variants) - 1  # one ReportLab page
    merged = joined(first, loose)
    single = [page for v in variants for page in words(render_letter(v).pdf)]
    assert len(single) == len(variants)
    assert words(merged) == single  # every word where `letterpress letter` puts it
    assert b"/FormXob" in merged  # the repeated paragraphs and furniture are forms
    sizes = [tuple(round(float(v)) for v in page.mediabox[2:])
             for page in PdfReader(io.BytesIO(merged)).pages]
    assert sizes == [tuple(round(float(v)) for v in
                           PdfReader(io.BytesIO(render_letter(v).pdf)).pages[0].mediabox[2:])
                     for v in variants]
    assert (612, 792) in sizes and (595, 842) in sizes  # US Letter and A4 loose pages


def test_one_page_fast_path_refuses_a_longer_letter() -> None:
    from letterpress.batch import render
    from letterpress.letter.onepage import OnePageLetters

    short, long = letter(), letter(body="Long paragraph text. " * 400)
    assert OnePageLetters(prepare_letter(long).day).fits(prepare_letter(long)) is None
    outcomes = [render.Outcome(row, "letter") for row in (2, 3, 4)]
    letters = list(zip(outcomes, [prepare_letter(d) for d in (short, long, short)]))
    pdf, loose, longer = render._build_fast(letters)
    assert [o.pages for o in outcomes] == [1, render_letter(long).pages, 1]
    assert outcomes[1].pages > 1 and list(longer) == [3]
    assert len(words(joined(pdf, loose))) == 2  # the two short ones share the document
    assert words(longer[3]) == words(render_letter(long).pdf)


def test_a_chunk_that_fails_together_singles_out_the_failing_letter(monkeypatch) -> None:  # noqa: ANN001
    """When the shared document cannot be built, each letter is tried alone: the one that
    fails is reported, the others are kept; if all work alone, all are reported."""
    from letterpress.letter import pipeline as letter_module
    from letterpress.batch import render

    real_letters, real_pdf = render.build_letters, letter_module.build_pdf
    calls = {"group": 0}

    def group(letters, *args):  # noqa: ANN001, ANN002, ANN202
        calls["group"] += 1
        if calls["group"] == 1 or any("Bad" in p.content.header for p in letters):
            raise ValueError("broken together")
        return real_letters(letters, *args)

    def alone(layout, first, content, *args):  # noqa: ANN001, ANN002, ANN202
        if "Bad" in content.header:
            raise ValueError("broken alone")
        return real_pdf(layout, first, content, *args)

    monkeypatch.setattr(render, "build_letters", group)
    monkeypatch.setattr(letter_module, "build_pdf", alone)  # what PreparedLetter.build calls
    names = ["Ann Good", "Bob Bad", "Cy Good"]
    outcomes = [render.Outcome(row, "letter") for row in (2, 3, 4)]
    letters = [(o, prepare_letter(letter(recipient__name=n))) for o, n in zip(outcomes, names)]
    pdf = render._build(letters)
    assert [o.finding is None for o in outcomes] == [True, False, True]
    assert "broken alone" in outcomes[1].finding.what
    assert pdf is not None and len(words(pdf)) == 2

    calls["group"] = 0
    outcomes = [render.Outcome(row, "letter") for row in (2, 4)]
    good = [(o, prepare_letter(letter(recipient__name=n))) for o, n in zip(outcomes, names[::2])]
    assert render._build(good) is None
    assert all("could not be laid out together" in o.finding.what for o in outcomes)
