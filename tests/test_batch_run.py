"""The batch end to end through the Python API: bad rows among good ones, strict mode, resume
after a crash, duplex parity, the template sandbox and determinism."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from letterpress.batch import Options, run_batch
from letterpress.batch import worker as render_module
from letterpress.errors import UserError

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
TEMPLATE = FIXTURES / "template.toml"
HEADER = "first_name;last_name;street;postcode;city;workshop\n"
GOOD = [
    "Anna;Schmidt;Hauptstraße 1;01067;Dresden;2026-12-03",
    "Jörg;Weiß;Königsallee 12;40212;Düsseldorf;2026-12-03",
    'Chloé;Durand;"Am Hof 3\nHinterhaus";04109;Leipzig;2026-12-04',
]


def data_file(tmp_path: Path, lines: list[str], name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(tmp_path: Path, data: Path, template: Path = TEMPLATE, **kw: object):
    lines: list[str] = []
    opts = Options(
        template=template,
        data=data,
        jobs=kw.pop("jobs", 1),  # type: ignore[arg-type]
        progress=False,
        chunk=kw.pop("chunk", 2),
        **kw,
    )  # type: ignore[arg-type]
    return run_batch(opts, lines.append), lines


def manifest_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def texts(pdf: Path) -> list[str]:
    """Each page's text, read strictly: a broken cross-reference table fails the test."""
    return [page.extract_text() for page in PdfReader(pdf, strict=True).pages]


def test_bad_rows_among_good_ones(tmp_path: Path) -> None:
    lines = [
        GOOD[0],
        "Ben;Müller;Ring 2;1067;Dresden;2026-12-03",  # lost its leading zero
        GOOD[1],
        ";;Weg 4;20457;Hamburg;2026-12-03",  # no name at all
        "Cara;Ölz;Weg 5;20457;Hamburg;03/04/2026",  # reads two ways
        "Dan;Iwu;Weg 6;20457;Hamburg;2026-12-04;surplus",  # an extra value
        GOOD[2],
    ]
    out = tmp_path / "merged.pdf"
    summary, said = run(tmp_path, data_file(tmp_path, lines), output=out)
    assert summary.exit_code == 1 and summary.made == 3 and summary.failed == 4
    pages = texts(out)
    assert len(pages) == 3  # every good row is there, in row order
    assert ["Anna Schmidt" in pages[0], "Jörg Weiß" in pages[1], "Chloé Durand" in pages[2]] == [
        True
    ] * 3
    assert "Hinterhaus" in pages[2]
    rows = manifest_rows(tmp_path / "merged.manifest.csv")
    assert [(r["row"], r["status"], r["first_page"], r["pages"]) for r in rows] == [
        ("2", "ok", "1", "1"),
        ("3", "failed", "", ""),
        ("4", "ok", "2", "1"),
        ("5", "failed", "", ""),
        ("6", "failed", "", ""),
        ("7", "failed", "", ""),
        ("8", "ok", "3", "1"),
    ]
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert {r["sha256"] for r in rows if r["status"] == "ok"} == {digest}
    by_row = {r["row"]: r["message"] for r in rows}
    assert "lost its leading zero (01067)" in by_row["3"]
    assert "missing field" in by_row["5"]
    assert "reads as 3 April 2026 or 4 March 2026" in by_row["6"]
    assert "7 values" in by_row["7"]
    # the same problems on stderr, each naming file, row and column
    assert any("people.csv, row 3, column 'postcode' (recipient.postal_code)" in s for s in said)
    assert any("row 5, columns 'first_name', 'last_name' (recipient.name)" in s for s in said)
    assert any("row 6, column 'workshop' (subject)" in s for s in said)
    assert not (tmp_path / "merged.pdf.parts").exists()


def test_bookmark_per_letter(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    run(tmp_path, data_file(tmp_path, GOOD), output=out)
    reader = PdfReader(out)
    assert [o.title for o in reader.outline] == [
        "Row 2: letter to Anna Schmidt",
        "Row 3: letter to Jörg Weiß",
        "Row 4: letter to Chloé Durand",
    ]
    assert [reader.get_destination_page_number(o) for o in reader.outline] == [0, 1, 2]


def test_strict_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "m.pdf"
    data = data_file(tmp_path, [GOOD[0], "Ben;Müller;Ring 2;1067;Dresden;2026-12-03"])
    summary, said = run(tmp_path, data, output=out, strict=True)
    assert summary.exit_code == 2 and summary.stopped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]
    assert said[-1] == (
        f"letterpress: error: {data}: --strict: 1 of 2 rows has problems; nothing was written; "
        "fix the row above, or leave out --strict to write the others"
    )


def test_check_reports_and_writes_nothing(tmp_path: Path) -> None:
    data = data_file(tmp_path, [GOOD[0], "Ben;Mü\u4e00;Ring 2;20457;Hamburg;2026-12-03"])
    summary, said = run(tmp_path, data, check=True)
    assert summary.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]
    (finding,) = [f for f in summary.findings if f.severity == "error"]
    assert finding.row == 3 and "cannot be drawn" in finding.what
    assert finding.columns == ("last_name",)  # the column that holds the character


def test_ambiguous_dates_in_plain_text_warn(tmp_path: Path) -> None:
    template = tmp_path / "t.toml"
    template.write_text(
        TEMPLATE.read_text().replace("{{ row.workshop | long_date }}", "{{ row.workshop }}"),
        encoding="utf-8",
    )
    data = data_file(tmp_path, ["Cara;Ölz;Weg 5;20457;Hamburg;03/04/2026"])
    summary, said = run(tmp_path, data, template=template, output=tmp_path / "m.pdf")
    assert summary.exit_code == 0 and summary.made == 1
    assert any("warning" in s and "reads as" in s for s in said)
    (row,) = manifest_rows(tmp_path / "m.manifest.csv")
    assert row["status"] == "ok" and row["message"].startswith("warning: date '03/04/2026'")


def test_date_order_settled_by_the_data(tmp_path: Path) -> None:
    lines = ["Cara;Ölz;Weg 5;20457;Hamburg;03/04/2026", "Dan;Iwu;Weg 6;20457;Hamburg;25/12/2026"]
    out = tmp_path / "m.pdf"
    summary, _ = run(tmp_path, data_file(tmp_path, lines), output=out)
    assert summary.exit_code == 0  # 25/12 shows the file writes the day first
    assert "3 April 2026" in texts(out)[0]


def test_unknown_column_is_unusable_input(tmp_path: Path) -> None:
    template = tmp_path / "t.toml"
    template.write_text(
        TEMPLATE.read_text().replace("row.first_name }},", "row.fist_name }},"), encoding="utf-8"
    )
    with pytest.raises(UserError, match="column 'fist_name'.*did you mean 'first_name'"):
        run(tmp_path, data_file(tmp_path, GOOD), template=template, output=tmp_path / "m.pdf")


@pytest.mark.parametrize(
    "expression",
    [
        "{{ row.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% include '/etc/passwd' %}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
    ],
)
def test_sandbox_blocks_internals_and_files(tmp_path: Path, expression: str) -> None:
    template = tmp_path / "t.toml"
    template.write_text(
        TEMPLATE.read_text().replace("Please bring a copy of your CV.", expression),
        encoding="utf-8",
    )
    out = tmp_path / "m.pdf"
    try:
        summary, said = run(tmp_path, data_file(tmp_path, GOOD[:1]), template=template, output=out)
    except UserError as exc:  # refused up front: no such column / name
        assert "not" in exc.what and not out.exists()
        return
    assert summary.exit_code == 1 and summary.made == 0
    assert "root:" not in " ".join(said) and "uid=" not in " ".join(said)
    (row,) = manifest_rows(tmp_path / "m.manifest.csv")
    assert row["status"] == "failed" and "body" in " ".join(said)


def test_columns_named_like_the_schema_fill_fields(tmp_path: Path) -> None:
    template = tmp_path / "t.toml"
    template.write_text(TEMPLATE.read_text().split("[recipient]")[0], encoding="utf-8")
    data = tmp_path / "d.csv"
    data.write_text(
        "first_name,recipient.name,recipient.organization,recipient.street,"
        "recipient.postal_code,recipient.city,workshop,items\n"
        "Mei,Mei Lee,Nordlicht GmbH,Hafenstraße 12,20457,Hamburg,2026-12-03,x\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.pdf"
    summary, _ = run(tmp_path, data, template=template, output=out)
    assert summary.exit_code == 0
    assert "Nordlicht GmbH" in texts(out)[0] and "Mei Lee" in texts(out)[0]


def test_duplex_starts_every_letter_on_a_front(tmp_path: Path) -> None:
    template = tmp_path / "t.toml"
    long_body = "\n\n".join(["A paragraph that is long enough to fill lines. " * 12] * 8)
    text = TEMPLATE.read_text().replace(
        "Please bring a copy of your CV.",
        "{% if row.city == 'Düsseldorf' %}" + long_body + "{% endif %}",
    )
    template.write_text(text, encoding="utf-8")
    out = tmp_path / "m.pdf"
    summary, _ = run(
        tmp_path, data_file(tmp_path, GOOD), template=template, output=out, duplex=True
    )
    rows = manifest_rows(tmp_path / "m.manifest.csv")
    assert [int(r["pages"]) for r in rows] == [1, 2, 1]
    assert [int(r["first_page"]) for r in rows] == [1, 3, 5]  # always odd: a front
    reader = PdfReader(out)
    assert len(reader.pages) == 6 and len(reader.pages) % 2 == 0
    assert reader.pages[1].extract_text().strip() == ""  # the blank back of letter 1
    assert "Page 2 of 2" in reader.pages[3].extract_text()


def test_merged_file_is_deterministic_whatever_the_jobs(tmp_path: Path) -> None:
    data = data_file(tmp_path, GOOD * 3)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run(tmp_path, data, output=a, jobs=1)
    run(tmp_path, data, output=b, jobs=2)
    assert a.read_bytes() == b.read_bytes()
    run(tmp_path, data, output=b, jobs=2)
    assert a.read_bytes() == b.read_bytes()


def test_out_dir_names_sanitised_and_unique(tmp_path: Path) -> None:
    lines = [GOOD[0], GOOD[0], "Ben;../../etc passwd;Ring 2;20457;Hamburg;2026-12-03"]
    folder = tmp_path / "letters"
    summary, _ = run(
        tmp_path,
        data_file(tmp_path, lines),
        out_dir=folder,
        name="{{ row.last_name }}-{{ row.first_name }}",
    )
    assert summary.exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "Schmidt-Anna-2.pdf",
        "Schmidt-Anna.pdf",
        "etc passwd-Ben.pdf",
        "manifest.csv",
    ]
    rows = manifest_rows(folder / "manifest.csv")
    assert [r["output"] for r in rows] == [
        "Schmidt-Anna.pdf",
        "Schmidt-Anna-2.pdf",
        "etc passwd-Ben.pdf",
    ]
    import hashlib

    for r in rows:
        assert hashlib.sha256((folder / r["output"]).read_bytes()).hexdigest() == r["sha256"]


def test_json_manifest(tmp_path: Path) -> None:
    path = tmp_path / "made.json"
    run(tmp_path, data_file(tmp_path, GOOD[:2]), output=tmp_path / "m.pdf", manifest=path)
    data = json.loads(path.read_text())
    assert [e["row"] for e in data["entries"]] == [2, 3]
    assert data["entries"][1]["first_page"] == 2


class Crash(Exception):
    pass


def crash_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int) -> list[int]:
    real = getattr(render_module, name)
    seen: list[int] = []

    def flaky(*args: object) -> object:
        if len(seen) >= calls:
            raise Crash("power cut")
        seen.append(1)
        return real(*args)

    monkeypatch.setattr(render_module, name, flaky)
    return seen


def test_resume_merged_after_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = data_file(tmp_path, GOOD * 2)  # 6 rows, chunks of 2
    whole = tmp_path / "whole.pdf"
    run(tmp_path, data, output=whole)
    out = tmp_path / "m.pdf"
    crash_after(monkeypatch, "merged_chunk", 2)
    with pytest.raises(Crash):
        run(tmp_path, data, output=out)
    assert not out.exists()  # never a half-written file under the real name
    assert len(list((tmp_path / "m.pdf.parts").glob("*.json"))) == 2
    monkeypatch.undo()
    counted = crash_after(monkeypatch, "merged_chunk", 99)
    summary, _ = run(tmp_path, data, output=out, resume=True)
    assert summary.resumed == 4 and len(counted) == 1  # only the last chunk is rendered
    assert out.read_bytes() == whole.read_bytes()
    summary, said = run(tmp_path, data, output=out, resume=True)
    assert summary.current and summary.resumed == 6 and len(counted) == 1
    assert not any("up to date" in s for s in said)  # the summary line says it, once


def test_resume_out_dir_after_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = data_file(tmp_path, GOOD * 2)
    folder = tmp_path / "out"
    crash_after(monkeypatch, "file_rows", 1)
    with pytest.raises(Crash):
        run(tmp_path, data, out_dir=folder)
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["row-2.pdf", "row-3.pdf"]
    monkeypatch.undo()
    (folder / "row-3.pdf").write_bytes(b"damaged")  # changed since: made again
    summary, _ = run(tmp_path, data, out_dir=folder, resume=True)
    assert summary.resumed == 1 and summary.made == 6 and summary.exit_code == 0
    assert summary.pages == 6  # the kept row's page counted with the five made now
    assert len(manifest_rows(folder / "manifest.csv")) == 6
    assert PdfReader(folder / "row-3.pdf").pages
    assert not list(folder.glob("*.journal")) and not list(folder.glob(".*.part"))


def test_kind_both_adds_call_sheets(tmp_path: Path) -> None:
    template = tmp_path / "t.toml"
    shutil.copy(TEMPLATE, template)
    with open(template, "a", encoding="utf-8") as handle:
        handle.write(
            '\n[call]\nphone = "+49 40 1234 5678"\npurpose = "Confirm the workshop '
            'seat for {{ row.first_name }}"\n'
        )
    out = tmp_path / "m.pdf"
    summary, said = run(
        tmp_path,
        data_file(tmp_path, GOOD * 2),
        template=template,
        output=out,
        kind="both",
        chunk=10,
    )
    assert summary.exit_code == 0, said
    rows = manifest_rows(tmp_path / "m.manifest.csv")
    assert [(r["row"], r["kind"], r["first_page"]) for r in rows][:4] == [
        ("2", "letter", "1"),
        ("2", "call", "2"),
        ("3", "letter", "3"),
        ("3", "call", "4"),
    ]
    pages = texts(out)
    assert len(pages) == 12
    assert "Confirm the workshop seat for Jörg" in pages[3].replace("\n", " ")
    assert "Anna Schmidt" in pages[0]
    # one chunk: the letters' fonts once and the call sheets' fonts once, not once per sheet
    assert out.read_bytes().count(b"/FontFile2") <= 8


def test_chunks_follow_the_row_count_only() -> None:
    from letterpress.batch.run import chunk_size

    assert [chunk_size(n) for n in (1, 199, 400, 1000, 10_000)] == [50, 50, 100, 250, 250]


def fail_to_lay_out(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Letters to ``name`` pass every check, then cannot be laid out (as a layout bug would)."""
    import letterpress.letter.pages
    import letterpress.letter.shared

    real = letterpress.letter.pages.plan_letter

    def plan(prep, *args):
        if name in prep.content.header:
            raise ValueError("a line taller than the page")
        return real(prep, *args)

    monkeypatch.setattr(letterpress.letter.pages, "plan_letter", plan)  # one letter, --out-dir
    monkeypatch.setattr(letterpress.letter.shared, "plan_letter", plan)  # the merged file


@pytest.mark.parametrize("where", ["output", "out_dir"])
def test_strict_keeps_nothing_when_a_row_fails_after_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    fail_to_lay_out(monkeypatch, "Chloé")
    target = (
        {"output": tmp_path / "m.pdf"} if where == "output" else {"out_dir": tmp_path / "letters"}
    )
    if where == "out_dir":
        target["out_dir"].mkdir()
    summary, said = run(tmp_path, data_file(tmp_path, GOOD), strict=True, **target)
    assert summary.exit_code == 2 and summary.failed == 1 and summary.made == 0
    assert "row 4" in " ".join(said) and said[-1].endswith(
        "--strict: 1 of 3 rows could not be made; nothing was written; fix the row above, "
        "or leave out --strict to write the others"
    )
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["people.csv"]


def test_without_strict_a_row_failing_after_the_checks_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_to_lay_out(monkeypatch, "Chloé")
    folder = tmp_path / "letters"
    folder.mkdir()
    summary, said = run(tmp_path, data_file(tmp_path, GOOD), out_dir=folder)
    assert summary.exit_code == 1 and summary.made == 2
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.csv", "row-2.pdf", "row-3.pdf"]
    failed = [r for r in manifest_rows(folder / "manifest.csv") if r["status"] == "failed"]
    assert [r["row"] for r in failed] == ["4"] and "could not be laid out" in failed[0]["message"]


def test_callers_that_are_not_a_terminal_limit_pick_and_follow_rows(tmp_path: Path) -> None:
    """The web page's needs: a row limit refused before any row is checked, one row made
    alone (a preview), and progress told to a callback as chunks finish."""
    data = data_file(tmp_path, GOOD)
    with pytest.raises(UserError) as caught:
        run(tmp_path, data, output=tmp_path / "x.pdf", max_rows=2)
    assert caught.value.line() == (
        f"{data}: the data has 3 rows, more than the 2 this run "
        "takes; split it into files of at most 2 rows"
    )
    assert not (tmp_path / "x.pdf").exists()
    one = tmp_path / "one.pdf"
    summary, _ = run(tmp_path, data, output=one, rows="3")
    assert summary.made == 1
    assert [t.count("Dear Jörg") for t in texts(one)] == [1]
    told: list[tuple[int, int]] = []
    summary, _ = run(
        tmp_path, data, output=tmp_path / "all.pdf", on_progress=lambda *a: told.append(a)
    )
    assert summary.made == 3
    assert told == [(0, 3), (2, 3), (3, 3)]  # chunks of two rows
