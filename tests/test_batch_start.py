"""What a batch loads before and around its rows: a CSV merge into one PDF, in one process,
needs neither the spreadsheet readers nor pathvalidate, multiprocessing or difflib, and its
second run writes the letters' date from the cache folder (no Babel date formatting) and the
same bytes as the first; the summary line counts without loading Babel's locale data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import babel
import pytest
from babel.plural import PluralRule

from letterpress.batch import sandbox
from letterpress.batch.template import LetterTemplate, RowError, compile_template, render_row
from letterpress.batch.wording import batch_wording, count, plural_rules
from letterpress.limits import TEMPLATE_CPU_SECONDS
from letterpress.source import Source

TEMPLATE = """\
layout = "din5008-b"
language = "de"
date = 2026-11-26
subject = "Ihr Besuch bei {{ row.company }}"
opening = "Sehr geehrte Damen und Herren,"
body = "herzlichen Dank für die Führung durch die Fertigungshallen von {{ row.company }}."
closing = "Mit freundlichen Grüßen"
signature = "Dana Okafor"

[sender]
name = "Hanse-Hochschule Hamburg"
street = "Lindenallee 8"
postal_code = "22587"
city = "Hamburg"
country = "DE"

[recipient]
organization = "{{ row.company }}"
street = "{{ row.street }}"
postal_code = "{{ row.postcode }}"
city = "{{ row.city }}"
country = "DE"
"""
DATA = """\
company;street;postcode;city
Hornig Maschinenbau GmbH;Eberthallee 4;32322;Borna
Weber & Söhne KG;Königsallee 12;40212;Düsseldorf
"""
# Runs ``letterpress batch`` in a new process and prints its exit code and which of the
# modules a CSV merge in one process does not need it loaded.
PROBE = """
import json, sys
from letterpress.cli import main
code = main(["batch", *sys.argv[1:], "-q"])
unneeded = ("letterpress.batch.workbook", "pathvalidate", "multiprocessing", "difflib")
print(json.dumps({
    "exit": code,
    "loaded": sorted(m for m in unneeded if m in sys.modules),
    "dates": "babel.dates" in sys.modules,
}))
"""


def test_a_csv_merge_loads_only_what_it_uses(tmp_path: Path) -> None:
    template = tmp_path / "besuch.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    data = tmp_path / "firmen.csv"
    data.write_text(DATA, encoding="utf-8")
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path / "cache")}
    runs, pdfs = [], []
    for name in ("first.pdf", "second.pdf"):
        out = tmp_path / name
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(template), str(data), "-o", str(out), "--jobs", "1"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.stderr == ""
        runs.append(json.loads(done.stdout.splitlines()[-1]))
        pdfs.append(out.read_bytes())
    assert runs[0] == {"exit": 0, "loaded": [], "dates": True}  # the date written, then kept
    assert runs[1] == {"exit": 0, "loaded": [], "dates": False}
    assert pdfs[0] == pdfs[1]


@pytest.mark.parametrize(
    "code",
    sorted(p.name[:-5] for p in (resources.files("letterpress.batch") / "wording").iterdir()),
)
def test_the_summary_counts_as_babel_does_from_the_cache_folder(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each wording's language counts by Babel's CLDR rules, read once and then kept in the
    cache folder (a second run never loads the locale's data)."""
    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(tmp_path))
    babels = babel.Locale.parse(code).plural_form
    numbers = [*range(0, 2001), 10**6, 2 * 10**6]
    assert [PluralRule(plural_rules(code))(n) for n in numbers] == [babels(n) for n in numbers]

    def no_locale_data(*args: object) -> None:
        raise AssertionError("the locale's data was loaded")

    monkeypatch.setattr(babel.Locale, "parse", no_locale_data)
    assert [PluralRule(plural_rules(code))(n) for n in numbers] == [babels(n) for n in numbers]
    words = batch_wording(code)
    summary = words["summary"]
    assert count(words, "page", "pages", 1, code) == summary["page"].format(count=1)
    assert count(words, "page", "pages", 2, code) == summary["pages"].format(count=2)
    zero = summary["page" if code == "fr" else "pages"]  # French says "0 page"
    assert count(words, "page", "pages", 0, code) == zero.format(count=0)


def _row_template(body: str) -> LetterTemplate:
    source = Source(data={"subject": "Hallo {{ row.name }}", "body": body}, origin="t.toml")
    return compile_template(source)


def test_a_row_without_loops_never_reads_the_process_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading the processor time is a system call; a row's limits need it only once its
    templates have taken a few dozen steps."""
    reads: list[float] = []
    monkeypatch.setattr(sandbox.time, "process_time", lambda: reads.append(0.0) or 0.0)
    tpl = _row_template("Guten Tag, {{ row.name }}.")
    source = render_row(tpl, {"name": "Kim"}, {}, 2)
    assert source.data["body"] == "Guten Tag, Kim."
    assert reads == []


def test_a_row_past_its_processor_time_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The time counts from the first look at the clock; a later look past the limit fails
    the row."""
    clock = iter([0.0, TEMPLATE_CPU_SECONDS + 1.0])
    monkeypatch.setattr(sandbox.time, "process_time", lambda: next(clock))
    tpl = _row_template("{% for i in range(1000) %}{{ row.name }}{% endfor %}")
    with pytest.raises(RowError) as caught:
        render_row(tpl, {"name": "Kim"}, {}, 2)
    assert caught.value.what == (
        f"the template takes more than {TEMPLATE_CPU_SECONDS:g} s of processor time for one row"
    )


def test_the_chunks_are_handed_out_before_any_row_is_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merged run hashes a row (for the manifest and --resume) when its chunk comes back,
    not every row before the workers get their first chunk; every row is hashed once."""
    from letterpress.batch import Options, manifest, pool, resume, run_batch

    hashed: list[int] = []
    at_hand_out: list[int] = []
    real_hash, real_map = resume.input_hash, pool.Workers.map

    def counting_hash(fingerprint: str, row: Any) -> str:
        hashed.append(row.number)
        return real_hash(fingerprint, row)

    def noting_map(self: Any, *args: Any) -> Any:
        at_hand_out.append(len(hashed))
        return real_map(self, *args)

    monkeypatch.setattr(resume, "input_hash", counting_hash)
    monkeypatch.setattr(pool.Workers, "map", noting_map)
    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(tmp_path / "cache"))
    template = tmp_path / "besuch.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    data = tmp_path / "firmen.csv"
    data.write_text(DATA, encoding="utf-8")
    out = tmp_path / "firmen.pdf"
    summary = run_batch(Options(template, data, output=out, jobs=1), lambda line: None)
    assert summary.exit_code == 0
    assert at_hand_out == [0]
    assert sorted(hashed) == [2, 3]
    entries = manifest.read(tmp_path / "firmen.manifest.csv")
    assert len({e.input_sha256 for e in entries}) == 2
    assert all(len(e.input_sha256 or "") == 64 for e in entries)
