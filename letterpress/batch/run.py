"""The batch run, stage by stage: read the data -> compile the template -> check the rows ->
make the documents in worker processes (:mod:`.worker`) -> write them (:mod:`.sinks`) ->
write the manifest."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ..errors import UserError, Where
from ..notices import Notice, enforce
from ..output import check_target, final_path, make_folder
from ..source import load_source
from . import filters, manifest, tasks, worker
from .checks import Finding, table_findings
from .fixed import call_notices, check_fixed
from .manifest import Entry
from .options import Options, Report, Summary, chunk_size
from .pool import Workers
from .preview import write_previews
from .resume import InputHashes, fingerprint
from .rowlist import all_rows, select_rows
from .sinks import NothingMade, Run, StrictStop, chunks, early_entries, folder, merged
from .table import Table, read_table
from .tasks import file_name
from .template import check_columns, compile_template, direct_columns

__all__ = ["NoDocumentError", "Options", "Summary", "chunk_size", "run_batch"]


class NoDocumentError(UserError):
    """No row could be made; the reasons were reported before it (a page says what to do
    there in its own terms)."""


def run_batch(opts: Options, report: Report | None = None) -> Summary:
    """Run the batch; row problems are reported and summarised, unusable input raises
    UserError (as does a run in which no row could be made: nothing is written then)."""
    say: Report = report or (lambda line: print(line, file=sys.stderr))
    made = _validate(opts)
    try:
        if (
            opts.preview is not None
            and opts.output is None
            and opts.out_dir is None
            and not opts.check
        ):
            with tempfile.TemporaryDirectory(prefix="letterpress-preview-") as scratch:
                summary = _preview_only(opts, Path(scratch), say)
        else:
            summary = _batch(opts, say)
    except BaseException:
        _remove_empty(made)
        raise
    if summary.stopped:
        _remove_empty(made)
    return summary


def _new_folders(wanted: Path) -> list[Path]:
    """``wanted`` and those of its parents that do not exist yet, deepest first: what making
    it creates (and what a run that writes nothing removes again)."""
    new: list[Path] = []
    path = wanted.absolute()
    while not path.exists() and path != path.parent:
        new.append(path)
        path = path.parent
    return new


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders this run created, deepest first, those that are empty: a run
    that stopped leaves no empty --out-dir (or --preview) folder behind."""
    for made in sorted(set(folders), key=lambda path: len(path.parts), reverse=True):
        try:
            made.rmdir()
        except OSError:  # something is in it (or it went): keep it
            pass


def _batch(opts: Options, say: Report) -> Summary:
    source = load_source(opts.template)
    if opts.kind == "envelope":  # the letter's text is not printed: its cells cannot fail
        from ..mailpiece.parties import piece_fields

        source = replace(source, data=piece_fields(source.data))
    language = source.data.get("language")
    table = read_table(
        opts.data,
        delimiter=opts.delimiter,
        sheet=opts.sheet,
        encoding=opts.encoding,
        locale=language if isinstance(language, str) and "{" not in language else "en",
    )
    for note in table.notes:
        say(f"letterpress: info: {table.origin}: {note}")
    if opts.max_rows is not None and len(table.rows) > opts.max_rows:
        raise UserError(
            f"the data has {len(table.rows)} rows, more than the {opts.max_rows} this run takes",
            where=Where(file=table.origin),
            hint=f"split it into files of at most {opts.max_rows} rows",
        )
    order = filters.date_order(v for row in table.rows for v in row.values.values())
    tpl = compile_template(source, order)
    check_columns(tpl, table)
    check_fixed(source, opts.kind, opts.envelope)
    kinds = tasks.KINDS[opts.kind]
    if opts.kind in ("call", "both") and "call" not in source.data:
        raise UserError(
            "the template has no [call] table",
            where=source.where,
            hint="add one for call sheets, or use --kind letter",
        )
    today = opts.call_now or date.today()  # the day a call_on that has passed is before
    said = (
        _say_fixed(call_notices(source, table.columns, today), opts, say) if "call" in kinds else ()
    )
    names: dict[int, str] = {}
    early: list[Finding] = []
    if opts.out_dir is not None:
        from .names import row_names  # with pathvalidate: only --out-dir names files

        early = row_names(opts.name, table.rows, tasks.KINDS[opts.kind], names, table.origin)
    if opts.out_dir is not None and not opts.check:
        _refuse_manifest_clash(opts, table, names)
    table = select_rows(table, opts.rows)  # after the names: row 7 is named as in a full run
    jobs = max(1, opts.jobs or os.cpu_count() or 1)
    size = max(1, opts.chunk or chunk_size(len(table.rows)))
    spec = tasks.Spec(
        template=source.data,
        origin=source.origin,
        base_dir=source.base_dir,
        date_order=order,
        columns=table.columns,
        kind=opts.kind,
        call_now=today,  # every row's sheet and the template's check see the same day
        out_dir=opts.out_dir,
        strict=opts.strict,
        workbook=not table.delimiter,  # .xlsx, .xls, .ods
        envelope=opts.envelope,
        shift=opts.shift,
        said=frozenset(said),
        inspect=opts.inspect,
    )
    # Start the workers now: they load ReportLab, fonts and hyphenation while this process
    # checks the rows.
    with Workers(
        min(jobs, -(-len(table.rows) // size)),
        source.data.get("language"),
        source.data.get("typeface"),
        template=tpl,
    ) as workers:
        fp = fingerprint(source.origin, opts.kind, opts.call_now, opts.envelope, opts.shift)
        run = Run(
            opts=replace(opts, chunk=size),
            spec=spec,
            chunk=size,
            inputs=InputHashes(fp, table.rows),
            workers=workers,
            summary=Summary(rows=len(table.rows), origin=table.origin),
            origin=table.origin,
            say=say,
            names=names,
        )
        early = [f for f in early if f.row in run.inputs]
        try:
            summary = _run(
                run, table, tpl, early + table_findings(table, tpl, direct_columns(table.columns))
            )
        finally:
            run.flush()
    if opts.preview is not None and summary.entries:
        base = opts.output if opts.output is not None else opts.out_dir
        assert base is not None
        summary.previews = write_previews(
            opts.preview, summary.entries, base, tasks.KINDS[opts.kind]
        )
    return summary


def _say_fixed(notices: list[Notice], opts: Options, say: Report) -> tuple[tuple[str, str], ...]:
    """Say once the warnings that fields the template fixes cause (under --strict: stop,
    exit 2); what was said, so that no row says it again."""
    enforce(notices, strict=opts.strict)
    for notice in notices:
        say(f"letterpress: {notice.level}: {notice.line()}")
    return tuple((n.where.field, n.what) for n in notices)


def _preview_only(opts: Options, scratch: Path, say: Report) -> Summary:
    """``--preview DIR`` alone: the documents made in a scratch folder, only PNGs kept."""
    merged_pdf = scratch / "preview.pdf"
    summary = _batch(
        replace(opts, output=merged_pdf, manifest=scratch / "preview.manifest.csv"), say
    )
    summary.manifest, summary.written = None, []
    return summary


def _strict_stop(run: Run, verb: tuple[str, str], what: str) -> None:
    """--strict found a row with a problem: say so in one line; nothing is written (exit 2)."""
    summary = run.summary
    summary.failed, summary.stopped = summary.failed_rows(), True
    rows = "the row" if summary.rows == 1 else f"{summary.failed} of {summary.rows} rows"
    said = " ".join(w for w in (rows, verb[summary.failed != 1 and summary.rows != 1], what) if w)
    others = "" if summary.rows == 1 else ", or leave out --strict to write the others"
    run.flush()
    run.say(
        f"letterpress: error: {run.origin}: --strict: {said}; nothing was written; "
        f"fix the {'row' if summary.failed == 1 else 'rows'} above{others}"
    )


def _run(run: Run, table: Table, tpl: Any, early: list[Finding]) -> Summary:
    opts, summary = run.opts, run.summary
    if opts.strict:  # a warning found reading the data fails its row, as a row's own does
        early = [replace(f, severity="error") if f.severity == "warning" else f for f in early]
    run.report(early)
    summary.findings += early
    bad = {f.row for f in early if f.severity == "error"}
    rows = [row for row in table.rows if row.number not in bad]
    if opts.check or opts.strict:
        found = _check_all(run, rows)
        run.report(found)
        summary.findings += found
        if opts.check or summary.exit_code:
            summary.failed = summary.failed_rows()
            if opts.strict and not opts.check:
                _strict_stop(run, ("has", "have"), "problems")
            return summary
    summary.manifest = opts.manifest or manifest.default_path(opts.output, opts.out_dir)
    try:
        if not rows:
            raise NothingMade
        if opts.output is not None:
            entries = merged(run, rows)
        else:
            entries = folder(run, rows, summary.manifest)
    except StrictStop:
        summary.made, summary.pages, summary.written, summary.manifest = 0, 0, [], None
        _strict_stop(run, ("", ""), "could not be made")
        return summary
    except NothingMade:
        raise NoDocumentError(
            f"no document could be made: {all_rows(summary.rows)} failed; nothing was written",
            where=Where(file=run.origin),
            hint="fix the problems above and run again",
        ) from None
    entries += early_entries(run, entries, early)
    manifest.write(summary.manifest, entries)
    summary.entries = entries
    if opts.out_dir is not None and opts.rows is None:
        _warn_leftovers(run, opts.out_dir, entries)
    summary.failed = len({e.row for e in entries if e.status == "failed"})
    return summary


def _warn_leftovers(run: Run, out_dir: Path, entries: list[Entry]) -> None:
    """PDFs in the folder that this run did not make (an earlier run's other names): printing
    the whole folder would print them too."""
    made = {Path(e.output).name for e in entries if e.output}
    old = sorted(p.name for p in out_dir.glob("*.pdf") if p.name not in made)
    if old:
        shown = ", ".join(old[:3]) + (", ..." if len(old) > 3 else "")
        files = "1 PDF file" if len(old) == 1 else f"{len(old)} PDF files"
        run.say(
            f"letterpress: warning: {out_dir}/: {files} this run did not make "
            f"{'is' if len(old) == 1 else 'are'} in the folder ({shown}); delete "
            f"{'it' if len(old) == 1 else 'them'} before printing the whole folder"
        )


def _validate(opts: Options) -> list[Path]:
    """Options that cannot go together, or cannot work, before anything is read; makes the
    output folders and returns those it created."""
    made: list[Path] = []
    if opts.kind not in tasks.KINDS:
        raise UserError(
            f"unknown kind {opts.kind!r}",
            where=Where(option="--kind"),
            hint="use letter, call, both or envelope",
        )
    if (
        not opts.check
        and (opts.output is None) == (opts.out_dir is None)
        and (opts.preview is None or opts.output is not None)
    ):
        raise UserError(
            "say where to write",
            where=Where(command="batch"),
            hint="give -o merged.pdf or --out-dir DIR (or --check, or --preview DIR)",
        )
    if opts.name and opts.out_dir is None:
        raise UserError("--name applies to --out-dir only", where=Where(option="--name"))
    if opts.name:  # a pattern it cannot read, before the folder is made
        from .names import NamePattern

        NamePattern(opts.name)
    if opts.duplex and opts.output is None and not opts.check:
        raise UserError(
            "--duplex applies to the merged PDF (-o) only", where=Where(option="--duplex")
        )
    if opts.pdfa and opts.output is None and not opts.check:
        raise UserError(
            "--pdfa applies to the merged PDF (-o) only",
            where=Where(option="--pdfa"),
            hint="write -o MERGED.pdf, or make each file with letterpress letter --pdfa",
        )
    if opts.jobs is not None and opts.jobs < 1:
        raise UserError("--jobs must be 1 or more", where=Where(option="--jobs"))
    inputs = {Path(opts.data).resolve()}
    if isinstance(opts.template, (str, os.PathLike)):  # not a template already read
        inputs.add(Path(opts.template).resolve())
    for out in (opts.output, opts.manifest):
        if out is not None and Path(out).resolve() in inputs:
            raise UserError(
                "the output would overwrite an input",
                where=Where(file=str(out)),
                hint="choose another path",
            )
    if opts.output is not None and opts.output.suffix.lower() != ".pdf":
        raise UserError("the merged output must be a .pdf file", where=Where(file=str(opts.output)))
    if opts.check:
        return made
    if opts.output is not None:
        check_target(opts.output)
        _refuse_clashes(opts)
    if opts.out_dir is not None:
        made += _new_folders(opts.out_dir)
        make_folder(opts.out_dir)
    if opts.manifest is not None:
        check_target(opts.manifest)
    if opts.preview is not None:
        if opts.preview.exists() and not opts.preview.is_dir():
            raise UserError(
                "is a file, not a folder: --preview takes a folder for the PNG images",
                where=Where(file=str(opts.preview), option="--preview"),
                hint="name a folder, e.g. --preview previews",
            )
        made += _new_folders(opts.preview)
        make_folder(opts.preview)  # before any row is made: a path below a file is refused
    return made


def _refuse_clashes(opts: Options) -> None:
    """-o: the merged PDF, its manifest, the manifest's journal and the folder of finished
    chunks are four different paths (one written over another would lose it)."""
    assert opts.output is not None
    paths = {
        "the merged PDF": opts.output,
        "the manifest": opts.manifest or manifest.default_path(opts.output, None),
        "the folder of finished chunks": opts.output.with_name(opts.output.name + ".parts"),
    }
    paths["the manifest's journal"] = paths["the manifest"].with_name(
        paths["the manifest"].name + ".journal"
    )
    seen: dict[Path, str] = {}
    for label, path in paths.items():
        key = final_path(path).resolve()
        if key in seen:
            raise UserError(
                f"{label} and {seen[key]} would be the same file",
                where=Where(file=str(path)),
                hint="give --manifest a name of its own, e.g. "
                f"{manifest.default_path(opts.output, None).name}",
            )
        seen[key] = label


def _refuse_manifest_clash(opts: Options, table: Table, names: dict[int, str]) -> None:
    """--out-dir: a --manifest inside the folder must not have a row's file name."""
    path = opts.manifest or manifest.default_path(None, opts.out_dir)
    assert opts.out_dir is not None
    if final_path(path).resolve().parent != opts.out_dir.resolve():
        return
    kinds = tasks.KINDS[opts.kind]
    for row in table.rows:
        name = names.get(row.number)
        if name is not None and path.name.lower() in (
            file_name(name, kind, kinds).lower() for kind in kinds
        ):
            raise UserError(
                f"the manifest would replace the file of row {row.number}",
                where=Where(file=str(path)),
                hint="give --manifest another name, e.g. manifest.csv",
            )


def _check_all(run: Run, rows: list[Any]) -> list[Finding]:
    """Every check of every row, in the workers; nothing drawn."""
    bar = run.progress(len(rows))
    out: list[Finding] = []
    groups = chunks(rows, run.chunk)
    for group, (found, seen) in zip(
        groups, run.workers.map(run.spec, worker.check_rows, [(g,) for g in groups])
    ):
        out += found
        run.summary.inspected.update(seen)
        if bar is not None:
            bar.update(len(group))
    if bar is not None:
        bar.close()
    return out
