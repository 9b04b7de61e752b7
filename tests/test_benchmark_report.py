"""The speed benchmark's report (benchmarks/report.py) words its figures as the README quotes
them. Only the standard library: these run wherever the tests run, bench extra or not."""

from __future__ import annotations

import sys
from types import ModuleType

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def report() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import report
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return report


def test_the_report_gives_the_cold_letters_instructions_and_their_ratio(report: ModuleType) -> None:
    line = report._instruction_line({"letterpress": 1_021_059_107, "import": 798_315_202})
    assert line == "  instructions (valgrind, whatever the load): 1.021 G and 0.798 G, 1.28x"


def test_the_report_gives_the_cold_letters_ratio_its_range_and_median(report: ModuleType) -> None:
    """Best runs 0.20 / 0.15 = 1.33x; the rounds 1.25x, 1.50x, 1.40x (median 1.40x)."""
    single = {"letterpress": [0.20, 0.24, 0.21], "import": [0.16, 0.16, 0.15]}
    assert report.cold_line(single) == "  ratio 1.33x [1.25..1.50 over the rounds, median 1.40x]"


def test_the_report_compares_the_split_plain_script_with_typst(report: ModuleType) -> None:
    """Typst's best run 1.5 s over the split script's 0.5 s: 3x; the rounds 2.5x and 4x."""
    seconds = {
        "letterpress": [1.0, 1.2],
        "typst": [1.5, 2.0],
        "plain": [0.8, 0.9],
        "parts": [0.6, 0.5],
    }
    merge = {"rows": 1000, "contenders": {n: {"seconds": s} for n, s in seconds.items()}}
    assert report.speedups(merge)["parts/typst"] == pytest.approx((3.0, 2.5, 4.0))
    assert report.speedups(merge)["parts"] == pytest.approx((0.5, 0.5 / 1.2, 0.6))
