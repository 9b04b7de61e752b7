"""Web and e-mail addresses at line ends, read back from the PDF: an address breaks only after
a slash or before ``. ? # & @ - _`` (no hyphen added), so that the reader can type it back from
the page; it goes whole to the next line when it fits there; no line runs past the measure,
and the words around it keep their hyphenation."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


def test_addresses_break_only_where_they_can_be_typed_back(tmp_path: Path) -> None:
    paragraphs = [
        " ".join([*LEAD[: n % (len(LEAD) + 1)], address, "if you like."])
        for n in range(len(LEAD) + 1)
        for address in ADDRESSES
    ]
    path = tmp_path / "links.json"
    path.write_text(json.dumps(letter(body="\n\n".join(paragraphs))), encoding="utf-8")
    out = tmp_path / "links.pdf"
    proc = run_cli("letter", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = _body_lines(out)
    layout = load_layout("din5008-b")
    right = (layout.paper_width - layout.text.right) * MM
    assert [text for text, x1 in rows if x1 > right + 0.5] == []  # none runs past the measure
    inside = _breaks([text for text, _ in rows], " ".join(paragraphs))
    assert len(inside) > 2 * len(paragraphs) // 3  # most addresses were broken somewhere
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (before, after)
        assert not before.endswith("/") or after[0] != "/", (before, after)


def test_a_short_address_goes_whole_to_the_next_line(tmp_path: Path) -> None:
    address = "https://janedoe.example.org/cv"
    paragraphs = [" ".join(["word"] * n + [address, "and", "more."]) for n in range(14, 24)]
    path = tmp_path / "short.json"
    path.write_text(json.dumps(letter(body="\n\n".join(paragraphs))), encoding="utf-8")
    out = tmp_path / "short.pdf"
    assert run_cli("letter", str(path), "-o", str(out)).returncode == 0
    rows = [text for text, _ in _body_lines(out)]
    assert _breaks(rows, " ".join(paragraphs)) == []
    assert sum(text.startswith(address) for text in rows) >= 2  # moved, not broken


def test_words_beside_a_long_address_keep_their_hyphenation(tmp_path: Path) -> None:
    """Before, a paragraph whose address ran off the line was set again with hyphenation off
    and every word wider than the line cut at any letter."""
    words = "internationalisation unquestionably characteristically incomprehensibilities"
    body = f"The advert is at {ADDRESSES[1]} and shows {words} {words} {words} {words}."
    path = tmp_path / "hy.json"
    path.write_text(json.dumps(letter(body=body)), encoding="utf-8")
    out = tmp_path / "hy.pdf"
    assert run_cli("letter", str(path), "-o", str(out)).returncode == 0
    rows = [text for text, _ in _body_lines(out)]
    joined = [
        before.split()[-1][:-1] + after.split()[0].rstrip(".")
        for before, after in zip(rows, rows[1:])
        if before.endswith("-")
    ]
    assert joined and all(word in words.split() for word in joined), rows


def test_call_sheet_points_break_addresses_where_they_can_be_typed_back(tmp_path: Path) -> None:
    """The call sheet cut an address wherever the column ended ("...-m-w-d-Ham" / "burg-...")."""
    example = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    old = '"It was good to clear up that the role reports to both operations and finance.",'
    points = [f"My notebooks are at {ADDRESSES[0]} if useful.", f"The advert {ADDRESSES[1]} fits."]
    assert old in example
    path = tmp_path / "call.toml"
    path.write_text(example.replace(old, json.dumps(points)[1:-1] + ","), encoding="utf-8")
    out = tmp_path / "call.pdf"
    proc = run_cli("call", str(path), "-o", str(out), "--now", "2027-03-24T10:00")
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(out) as doc:
        page = doc.pages[0]
        rows = [(line["text"], line["x1"]) for line in page.extract_text_lines()]
        right = page.width - 18 * MM  # the sheet's margin
    texts = [text for text, _ in rows]
    first = texts.index(next(t for t in texts if t.startswith("My notebooks")))
    last = texts.index(next(t for t in texts if t.endswith(" fits.")))
    assert [text for text, x1 in rows[first : last + 1] if x1 > right + 0.5] == []
    inside = _breaks(texts[first : last + 1], " ".join(points))
    assert len(inside) >= 2
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (before, after)


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
        path = tmp_path / f"split{n}.json"
        path.write_text(json.dumps(letter(body="\n\n".join(paragraphs))), encoding="utf-8")
        out = tmp_path / f"split{n}.pdf"
        assert run_cli("letter", str(path), "-o", str(out)).returncode == 0
        rows = [text for text, _ in _body_lines(out)]
        for before, after in _breaks(rows, " ".join(paragraphs)):
            assert before.endswith("/") or after[0] in BREAKS_BEFORE, (n, before, after)
        with pdfplumber.open(out) as doc:
            pages = [page.extract_text() or "" for page in doc.pages]
        split += any("github" in a and "ipynb" in b for a, b in zip(pages, pages[1:]))
    assert split  # the paragraph was split across pages at least once


def test_a_call_sheet_answer_with_an_address_stays_inside_the_margin(tmp_path: Path) -> None:
    """An if_asked answer (set with its bold question by ReportLab) is cut where the line ends,
    never left to run off the page."""
    example = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    old = '"When could you start?" = "With my notice period, from June 1."'
    assert old in example
    answer = f'"Where did you see the advert?" = "On StepStone: {ADDRESSES[1]} and elsewhere."'
    path = tmp_path / "call.toml"
    path.write_text(example.replace(old, f"{old}\n{answer}"), encoding="utf-8")
    out = tmp_path / "call.pdf"
    proc = run_cli("call", str(path), "-o", str(out), "--now", "2027-03-24T10:00")
    assert proc.returncode == 0, proc.stderr
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
    path = tmp_path / "styled.json"
    path.write_text(json.dumps(letter(body="\n\n".join(paragraphs))), encoding="utf-8")
    out = tmp_path / "styled.pdf"
    proc = run_cli("letter", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = _body_lines(out)
    layout = load_layout("din5008-b")
    right = (layout.paper_width - layout.text.right) * MM
    assert [text for text, x1 in rows if x1 > right + 0.5] == []  # none runs past the measure
    inside = _breaks([text for text, _ in rows], " ".join(paragraphs).replace("*", ""))
    assert len(inside) > len(paragraphs) // 2  # most addresses were broken somewhere
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (before, after)
        assert not before.endswith("/") or after[0] != "/", (before, after)


def test_words_beside_an_address_and_italic_words_keep_their_hyphenation(tmp_path: Path) -> None:
    """Before, such a paragraph's address ran off the line and the paragraph was set again
    with hyphenation off, every word wider than the line cut at any letter."""
    words = "internationalisation unquestionably characteristically incomprehensibilities"
    body = f"The *Data Analyst* advert is at {ADDRESSES[1]} and shows {words} {words} {words}."
    path = tmp_path / "hy.json"
    path.write_text(json.dumps(letter(body=body)), encoding="utf-8")
    out = tmp_path / "hy.pdf"
    assert run_cli("letter", str(path), "-o", str(out)).returncode == 0
    rows = [text for text, _ in _body_lines(out)]
    joined = [
        before.split()[-1][:-1] + after.split()[0].rstrip(".")
        for before, after in zip(rows, rows[1:])
        if before.endswith("-") and not before.endswith(" -")
    ]
    assert joined and all(word in words.split() for word in joined), rows


def test_an_address_among_the_enclosures_breaks_where_it_can_be_typed_back(
    tmp_path: Path,
) -> None:
    """The enclosures (their label in bold) were cut at any letter ("...Nordlicht-Logistik-Gm"
    / "bH--1234567...")."""
    path = tmp_path / "enc.json"
    path.write_text(json.dumps(letter(enclosures=[f"Advert: {ADDRESSES[1]}"])), "utf-8")
    out = tmp_path / "enc.pdf"
    proc = run_cli("letter", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(out) as doc:
        texts = [line["text"] for line in doc.pages[0].extract_text_lines()]
    first = texts.index(next(t for t in texts if t.startswith("Advert:")))
    last = texts.index(next(t for t in texts if t.endswith("0_0_0")))
    inside = _breaks(texts[first : last + 1], f"Advert: {ADDRESSES[1]}")
    assert inside
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (before, after)


def test_a_call_sheet_answer_breaks_its_address_where_it_can_be_typed_back(
    tmp_path: Path,
) -> None:
    """An if_asked answer (set with its bold question) had its address cut at any letter."""
    example = (ROOT / "examples" / "call.toml").read_text(encoding="utf-8")
    old = '"When could you start?" = "With my notice period, from June 1."'
    answer = f"On StepStone: {ADDRESSES[1]} and elsewhere."
    path = tmp_path / "call.toml"
    path.write_text(
        example.replace(old, f'{old}\n"Where did you see the advert?" = "{answer}"'), "utf-8"
    )
    out = tmp_path / "call.pdf"
    proc = run_cli("call", str(path), "-o", str(out), "--now", "2027-03-24T10:00")
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(out) as doc:
        texts = [line["text"] for line in doc.pages[0].extract_text_lines()]
    first = texts.index(next(t for t in texts if "On StepStone:" in t))
    last = texts.index(next(t for t in texts if t.endswith("and elsewhere.")))
    lines = texts[first : last + 1]
    lines[0] = lines[0][lines[0].index("On StepStone:") :]
    inside = _breaks(lines, answer)
    assert inside
    for before, after in inside:
        assert before.endswith("/") or after[0] in BREAKS_BEFORE, (before, after)
