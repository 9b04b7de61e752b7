"""Web and e-mail addresses at line ends, read back from the PDF: an address breaks only after
a slash or before ``. ? # & @ - _`` (no hyphen added), so that the reader can type it back from
the page; it goes whole to the next line when it fits there; no line runs past the measure,
and the words around it keep their hyphenation."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
from conftest import MM, ROOT, letter, run_cli

from letterpress.letter.layout import load_layout

ADDRESSES = [
    "https://github.com/janedoe/forecasting-baltic-ports-deliveries-2026/blob/main/notebooks/"
    "arrival-times-by-port-and-weekday.ipynb",
    "https://www.stepstone.de/stellenangebote--Data-Analyst-m-w-d-Hamburg-Nordlicht-Logistik-"
    "GmbH--1234567-inline.html?rltr=2_2_25_seorl_m_0_0_0_0_0_0",
    "https://jobs.nordlicht-logistik.example.com/careers/data-analyst-hamburg?ref=stepstone"
    "&utm_source=newsletter#apply",
    "www.janedoe-portfolio.example.org/projects/forecasting/baltic-ports-deliveries-2026.html",
    "jane.doe.applications@janedoe-portfolio.example.org",
]
LEAD = "You can see all of my work at the page".split()  # short words: none is hyphenated
BREAKS_BEFORE = ".?#&@-_"
WHEN = '"When could you start?" = "With my notice period, from June 1."'  # an if_asked line


def _body_lines(pdf: Path) -> list[tuple[str, float]]:
    """The body's lines (text, right edge), between the opening and the closing, without the
    page numbers and the continuation header."""
    with pdfplumber.open(pdf) as doc:
        rows = [
            (line["text"], line["x1"])
            for page in doc.pages
            for line in page.extract_text_lines()
            if not re.search(r"Page \d+ of \d+$", line["text"])
        ]
    texts = [text for text, _ in rows]
    return rows[texts.index("Dear Ms Lee,") + 1 : texts.index("Kind regards,")]


def _breaks(lines: list[str], text: str) -> list[tuple[str, str]]:
    """The lines' breaks inside a word of ``text`` (the line before, the line after); every
    other break is at a space. Fails where the lines are not ``text`` as typed."""
    inside = []
    pos = 0
    for i, line in enumerate(lines):
        assert text.startswith(line, pos), (line, text[pos : pos + len(line)])
        pos += len(line)
        if i + 1 < len(lines):
            if text[pos] == " ":
                pos += 1
            else:
                inside.append((line, lines[i + 1]))
    assert pos == len(text)
    return inside


def _letter_pdf(tmp_path: Path, name: str, **changes: Any) -> Path:
    """The base letter with ``changes``, written as NAME.json and made into NAME.pdf by
    ``letterpress letter``."""
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(letter(**changes)), encoding="utf-8")
    out = tmp_path / f"{name}.pdf"
    proc = run_cli("letter", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def _call_pdf(tmp_path: Path, old: str, new: str) -> Path:
    """examples/call.toml with ``old`` replaced by ``new``, made into call.pdf by
    ``letterpress call``."""
    example = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    assert old in example
    path = tmp_path / "call.toml"
    path.write_text(example.replace(old, new), encoding="utf-8")
    out = tmp_path / "call.pdf"
    proc = run_cli("call", str(path), "-o", str(out), "--now", "2027-03-24T10:00")
    assert proc.returncode == 0, proc.stderr
    return out


def _span(texts: list[str], first: Callable[[str], bool], last: Callable[[str], bool]) -> slice:
    """From the first line ``first`` holds for to the first line ``last`` holds for."""
    start = texts.index(next(t for t in texts if first(t)))
    end = texts.index(next(t for t in texts if last(t)))
    return slice(start, end + 1)


def _assert_in_the_measure(rows: list[tuple[str, float]]) -> None:
    """No line of the letter's body runs past the right edge of its text."""
    layout = load_layout("din5008-b")
    right = (layout.paper_width - layout.text.right) * MM
    assert [text for text, x1 in rows if x1 > right + 0.5] == []


def _assert_typeable(inside: list[tuple[str, str]], *where: object, slashes: bool = False) -> None:
    """Every break inside an address is after a slash or before one of BREAKS_BEFORE; with
    ``slashes``, never between two slashes either."""
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (*where, before, after)
        if slashes:
            assert not before.endswith("/") or after[0] != "/", (before, after)


def _rejoined(rows: list[str], dashes: bool = False) -> list[str]:
    """The words hyphenated at a line's end, joined again; with ``dashes``, a line that ends
    in a dash after a space (" -") ends no word and is passed over."""
    return [
        before.split()[-1][:-1] + after.split()[0].rstrip(".")
        for before, after in zip(rows, rows[1:])
        if before.endswith("-") and not (dashes and before.endswith(" -"))
    ]


def test_addresses_break_only_where_they_can_be_typed_back(tmp_path: Path) -> None:
    paragraphs = [
        " ".join([*LEAD[: n % (len(LEAD) + 1)], address, "if you like."])
        for n in range(len(LEAD) + 1)
        for address in ADDRESSES
    ]
    rows = _body_lines(_letter_pdf(tmp_path, "links", body="\n\n".join(paragraphs)))
    _assert_in_the_measure(rows)
    inside = _breaks([text for text, _ in rows], " ".join(paragraphs))
    assert len(inside) > 2 * len(paragraphs) // 3  # most addresses were broken somewhere
    _assert_typeable(inside, slashes=True)


def test_a_short_address_goes_whole_to_the_next_line(tmp_path: Path) -> None:
    address = "https://janedoe.example.org/cv"
    paragraphs = [" ".join(["word"] * n + [address, "and", "more."]) for n in range(14, 24)]
    out = _letter_pdf(tmp_path, "short", body="\n\n".join(paragraphs))
    rows = [text for text, _ in _body_lines(out)]
    assert _breaks(rows, " ".join(paragraphs)) == []
    assert sum(text.startswith(address) for text in rows) >= 2  # moved, not broken


def test_words_beside_a_long_address_keep_their_hyphenation(tmp_path: Path) -> None:
    """Before, a paragraph whose address ran off the line was set again with hyphenation off
    and every word wider than the line cut at any letter."""
    words = "internationalisation unquestionably characteristically incomprehensibilities"
    body = f"The advert is at {ADDRESSES[1]} and shows {words} {words} {words} {words}."
    rows = [text for text, _ in _body_lines(_letter_pdf(tmp_path, "hy", body=body))]
    joined = _rejoined(rows)
    assert joined and all(word in words.split() for word in joined), rows


def test_call_sheet_points_break_addresses_where_they_can_be_typed_back(tmp_path: Path) -> None:
    """The call sheet cut an address wherever the column ended ("...-m-w-d-Ham" / "burg-...")."""
    old = '"It was good to clear up that the role reports to both operations and finance.",'
    points = [f"My notebooks are at {ADDRESSES[0]} if useful.", f"The advert {ADDRESSES[1]} fits."]
    out = _call_pdf(tmp_path, old, json.dumps(points)[1:-1] + ",")
    with pdfplumber.open(out) as doc:
        page = doc.pages[0]
        rows = [(line["text"], line["x1"]) for line in page.extract_text_lines()]
        right = page.width - 18 * MM  # the sheet's margin
    texts = [text for text, _ in rows]
    span = _span(texts, lambda t: t.startswith("My notebooks"), lambda t: t.endswith(" fits."))
    assert [text for text, x1 in rows[span] if x1 > right + 0.5] == []
    inside = _breaks(texts[span], " ".join(points))
    assert len(inside) >= 2
    _assert_typeable(inside)


def test_an_address_in_a_paragraph_split_across_pages_still_breaks_where_it_can(
    tmp_path: Path,
) -> None:
    """The two halves of a paragraph split across pages were broken into lines by ReportLab
    again, which cut an address at any letter ("...blob/main/noteb" / "ooks/...")."""
    address = ADDRESSES[0].replace(".ipynb", "-with-very-long-names-for-every-column.ipynb")
    last = f"See {address} and also {address} for more and more words to make it longer {address}."
    split = 0
    for n in range(36, 45, 2):
        paragraphs = ["Short line of text for spacing."] * n + [last]
        out = _letter_pdf(tmp_path, f"split{n}", body="\n\n".join(paragraphs))
        rows = [text for text, _ in _body_lines(out)]
        _assert_typeable(_breaks(rows, " ".join(paragraphs)), n)
        with pdfplumber.open(out) as doc:
            pages = [page.extract_text() or "" for page in doc.pages]
        split += any("github" in a and "ipynb" in b for a, b in zip(pages, pages[1:]))
    assert split  # the paragraph was split across pages at least once


def test_a_call_sheet_answer_with_an_address_stays_inside_the_margin(tmp_path: Path) -> None:
    """An if_asked answer (set with its bold question by ReportLab) is cut where the line ends,
    never left to run off the page."""
    answer = f'"Where did you see the advert?" = "On StepStone: {ADDRESSES[1]} and elsewhere."'
    out = _call_pdf(tmp_path, WHEN, f"{WHEN}\n{answer}")
    with pdfplumber.open(out) as doc:
        page = doc.pages[0]
        right = page.width - 18 * MM  # the sheet's margin
        text = "".join((page.extract_text() or "").split())
        assert max(c["x1"] for c in page.chars) <= right + 0.5
    assert ADDRESSES[1] in text


def test_an_address_beside_italic_or_bold_words_breaks_where_it_can_be_typed_back(
    tmp_path: Path,
) -> None:
    """A paragraph with an italic job title was broken by ReportLab, which cut its address at
    any letter ("...notebook is at https://gith" / "ub.com/...")."""
    paragraphs = [
        " ".join([*LEAD[: n % (len(LEAD) + 1)], "for the *Data Analyst* job at", address, "ok."])
        for n in range(len(LEAD) + 1)
        for address in ADDRESSES
    ]
    paragraphs.append(f"The **advert** is at {ADDRESSES[1]} and {ADDRESSES[2]} too.")
    rows = _body_lines(_letter_pdf(tmp_path, "styled", body="\n\n".join(paragraphs)))
    _assert_in_the_measure(rows)
    inside = _breaks([text for text, _ in rows], " ".join(paragraphs).replace("*", ""))
    assert len(inside) > len(paragraphs) // 2  # most addresses were broken somewhere
    _assert_typeable(inside, slashes=True)


def test_words_beside_an_address_and_italic_words_keep_their_hyphenation(tmp_path: Path) -> None:
    """Before, such a paragraph's address ran off the line and the paragraph was set again
    with hyphenation off, every word wider than the line cut at any letter."""
    words = "internationalisation unquestionably characteristically incomprehensibilities"
    body = f"The *Data Analyst* advert is at {ADDRESSES[1]} and shows {words} {words} {words}."
    rows = [text for text, _ in _body_lines(_letter_pdf(tmp_path, "hy", body=body))]
    joined = _rejoined(rows, dashes=True)
    assert joined and all(word in words.split() for word in joined), rows


def test_an_address_among_the_enclosures_breaks_where_it_can_be_typed_back(
    tmp_path: Path,
) -> None:
    """The enclosures (their label in bold) were cut at any letter ("...Nordlicht-Logistik-Gm"
    / "bH--1234567...")."""
    out = _letter_pdf(tmp_path, "enc", enclosures=[f"Advert: {ADDRESSES[1]}"])
    with pdfplumber.open(out) as doc:
        texts = [line["text"] for line in doc.pages[0].extract_text_lines()]
    span = _span(texts, lambda t: t.startswith("Advert:"), lambda t: t.endswith("0_0_0"))
    inside = _breaks(texts[span], f"Advert: {ADDRESSES[1]}")
    assert inside
    _assert_typeable(inside)


def test_a_call_sheet_answer_breaks_its_address_where_it_can_be_typed_back(
    tmp_path: Path,
) -> None:
    """An if_asked answer (set with its bold question) had its address cut at any letter."""
    answer = f"On StepStone: {ADDRESSES[1]} and elsewhere."
    out = _call_pdf(tmp_path, WHEN, f'{WHEN}\n"Where did you see the advert?" = "{answer}"')
    with pdfplumber.open(out) as doc:
        texts = [line["text"] for line in doc.pages[0].extract_text_lines()]
    lines = texts[
        _span(texts, lambda t: "On StepStone:" in t, lambda t: t.endswith("and elsewhere."))
    ]
    lines[0] = lines[0][lines[0].index("On StepStone:") :]
    inside = _breaks(lines, answer)
    assert inside
    _assert_typeable(inside)
