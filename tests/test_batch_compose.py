"""The multi-letter document puts every word where a single ``render_letter`` puts it, while
sharing fonts and drawing repeated furniture and paragraphs once (form XObjects)."""
from __future__ import annotations

import copy
import io

import pdfplumber
from conftest import letter

from letterpress.compose import build_letters
from letterpress.letter import prepare_letter, render_letter


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
