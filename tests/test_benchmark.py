"""The speed benchmark (benchmarks/speed.py) runs, and its contenders set the same letter.

Skipped unless the bench extra is installed (``pip install -e '.[bench]'``: Faker and Typst);
CI installs only the test extra. Nothing here asserts a time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("faker") is None
    or importlib.util.find_spec("typst") is None
    or sys.platform == "win32",
    reason="needs the bench extra (pip install -e '.[bench]') and getrusage (not Windows)",
)

FIRST_BODY_MM = 124.08  # baseline of the first body line (benchmarks/placement.py)
# letterpress places each address by its ink against the window: its baselines (from about 64
# to 80 mm) move by up to about 0.7 mm between letters, where the others keep them fixed
ADDRESS_MM, ADDRESS_PLAY_MM = (64.0, 80.0), 0.8


@pytest.fixture(scope="module")
def quick(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One ``--quick`` run, its output kept."""
    folder = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "speed.py"),
            "--quick",
            "--keep",
            str(folder),
            "--json",
            str(folder / "figures.json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    return done, folder


def _lines(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """The words of a page grouped by baseline, top down: baseline from the top, left and
    right edge (mm), text."""
    with pdfplumber.open(pdf) as doc:
        sheet = doc.pages[page]
        rows: dict[float, list[dict]] = {}
        for word in sheet.extract_words(return_chars=True):
            base = round((sheet.height - word["chars"][0]["matrix"][5]) / 72 * 25.4, 3)
            rows.setdefault(base, []).append(word)
    return [
        (
            base,
            min(w["x0"] for w in words) / 72 * 25.4,
            max(w["x1"] for w in words) / 72 * 25.4,
            " ".join(w["text"] for w in words),
        )
        for base, words in sorted(rows.items())
    ]


def test_quick_run_exits_0_and_prints_the_tables(
    quick: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, folder = quick
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("letterpress speed benchmark (issue #13), ")
    table = lines.index(
        "Mail merge into one PDF: letters/s and seconds of the best run "
        "[letters/s of the slowest..fastest run]"
    )
    assert lines[table + 1] == (
        f"(plain, in parts: the plain script split over {os.cpu_count()} processes, one file "
        "each, not merged)"
    )
    assert lines[table + 2].split() == [
        *("rows", "letterpress", "Typst", "plain", "ReportLab", "plain,", "in", "parts")
    ]
    assert [line.split()[0] for line in lines[table + 3 : table + 5]] == ["100", "300"]
    assert re.match(r"\s+100(\s+[\d,]+/s\s+[\d.]+ s \[[\d,]+\.\.[\d,]+\]){4}$", lines[table + 3])
    assert any(line.startswith("  ratio ") for line in lines)
    targets = lines[lines.index("Targets (issue #13)") + 1 :]
    assert [t.split()[0] for t in targets] == ["one", "peak", "peak", "merged", "--jobs"]
    assert all(t.endswith(("PASS", "FAIL")) for t in targets)
    figures = json.loads((folder / "figures.json").read_text())
    assert [m["rows"] for m in figures["merges"]] == [100, 300]
    assert len(figures["merges"][0]["contenders"]["typst"]["seconds"]) == 2
    # the cold letter takes four rounds per repeat; a quick run counts no instructions
    assert len(figures["single"]["letterpress"]) == len(figures["single"]["import"]) == 8
    assert figures["single"]["instructions"] is None
    assert "  instructions: not counted (valgrind not installed, or a --quick run)" in lines


def _pdf(folder: Path, name: str, rows: int) -> Path:
    """A contender's PDF; the split plain script's first part."""
    return folder / (f"parts-{rows}-0.pdf" if name == "parts" else f"{name}-{rows}.pdf")


@pytest.mark.parametrize("page", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("other", ["typst", "plain", "parts"])
def test_contenders_set_the_same_words_where_letterpress_does(
    quick: tuple[subprocess.CompletedProcess[str], Path], other: str, page: int
) -> None:
    """Every line down to the opening at letterpress's baseline (within 0.02 mm; the address
    lines within 0.8 mm) and edge (left-set lines start, the flush-right letterhead ends, within
    0.05 mm); the whole page has the same letters in the same order (line breaks and hyphens
    may differ: Typst hyphenates on its own, the plain script not at all)."""
    _, folder = quick
    ours, theirs = (_lines(_pdf(folder, name, 100), page) for name in ("letterpress", other))
    head = [line for line in ours if line[0] < FIRST_BODY_MM]
    assert len(head) == 12  # letterhead 3, return line, date 2, address 4, subject, opening
    for (base, x0, x1, words), (base2, x02, x12, words2) in zip(head, theirs):
        assert words2 == words
        near = ADDRESS_PLAY_MM if ADDRESS_MM[0] <= base <= ADDRESS_MM[1] else 0.02
        assert base2 == pytest.approx(base, abs=near), words
        assert abs(x02 - x0) < 0.05 or abs(x12 - x1) < 0.05, (words, x0, x02, x1, x12)
    assert theirs[len(head)][:2] == pytest.approx((FIRST_BODY_MM, 25.0), abs=0.05)

    def letters(lines: list[tuple[float, float, float, str]]) -> str:
        return re.sub(r"[\s-]", "", "".join(line[3] for line in lines))

    assert letters(theirs) == letters(ours)


def test_every_row_is_a_page(quick: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, folder = quick
    for name in ("letterpress", "typst", "plain"):
        with pdfplumber.open(folder / f"{name}-300.pdf") as doc:
            assert len(doc.pages) == 300, name


def test_the_split_plain_script_writes_every_row_once_in_order(
    quick: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """One file per process, consecutive rows each: their pages are the plain script's."""
    _, folder = quick
    parts = sorted(folder.glob("parts-300-*.pdf"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert len(parts) == os.cpu_count()
    split = []
    for part in parts:
        with pdfplumber.open(part) as doc:
            split += [page.extract_text() for page in doc.pages]
    with pdfplumber.open(folder / "plain-300.pdf") as doc:
        assert split == [page.extract_text() for page in doc.pages]
