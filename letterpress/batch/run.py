"""The batch run, stage by stage: read the data -> compile the template -> check the rows ->
make the documents in worker processes (:mod:`.worker`) -> write them (:mod:`.sinks`) ->
write the manifest."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import UserError, Where
from ..source import load_source
from . import filters, manifest, tasks, worker
from .checks import Finding, table_findings
from .manifest import Entry
from .names import NamePattern, TemplateError, unique_names
from .options import Options, Report, Summary, chunk_size
from .pool import Workers
from .resume import fingerprint, input_hash
from .sinks import Run, StrictStop, chunks, folder, merged
from .table import Table, read_table
from .template import check_columns, compile_template

__all__ = ["Options", "Summary", "chunk_size", "run_batch"]


def run_batch(opts: Options, report: Report | None = None) -> Summary:
    """Run the batch; row problems are reported and summarised, unusable input raises
    UserError."""
    say: Report = report or (lambda line: print(line, file=sys.stderr))
    _validate(opts)
    source = load_source(opts.template)
    table = read_table(opts.data, delimiter=opts.delimiter, sheet=opts.sheet,
                       encoding=opts.encoding)
    jobs = max(1, opts.jobs or os.cpu_count() or 1)
    size = max(1, opts.chunk or chunk_size(len(table.rows)))
    order = filters.date_order(v for row in table.rows for v in row.values.values())
    tpl = compile_template(source, order)
    check_columns(tpl, table.columns, table.origin)
    if opts.kind in ("call", "both") and "call" not in source.data:
        raise UserError("the template has no [call] table", where=source.where,
                        hint="add one for call sheets, or use --kind letter")
    spec = tasks.Spec(template=source.data, origin=source.origin, base_dir=source.base_dir,
                      date_order=order, columns=table.columns, kind=opts.kind,
                      call_now=opts.call_now, out_dir=opts.out_dir, strict=opts.strict,
                      envelope=opts.envelope)
    # Start the workers now: they load ReportLab, fonts and hyphenation while this process
    # checks the rows.
    with Workers(min(jobs, -(-len(table.rows) // size)), source.data.get("language"),
                 source.data.get("typeface")) as workers:
        fp = fingerprint(source.origin, opts.kind, opts.call_now, opts.envelope)
        run = Run(opts=replace(opts, chunk=size), spec=spec, chunk=size,
                  inputs={row.number: input_hash(fp, row) for row in table.rows},
                  workers=workers, summary=Summary(rows=len(table.rows)),
                  origin=table.origin, say=say)
        return _run(run, table, tpl)


def _run(run: Run, table: Table, tpl: Any) -> Summary:
    opts, summary = run.opts, run.summary
    early = table_findings(table, tpl)
    names: dict[int, str] = {}
    if opts.out_dir is not None:
        early += _names(opts, table, names)
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
                run.say(f"letterpress: --strict: {summary.failed} of {summary.rows} rows have "
                        "problems; nothing was written")
            return summary
    summary.manifest = opts.manifest or manifest.default_path(opts.output, opts.out_dir)
    try:
        if opts.output is not None:
            entries = merged(run, rows)
        else:
            entries = folder(run, rows, names, summary.manifest)
    except StrictStop:
        summary.failed = summary.failed_rows()
        summary.made, summary.pages, summary.written, summary.manifest = 0, 0, [], None
        run.say(f"letterpress: --strict: {summary.failed} of {summary.rows} rows could not be "
                "made; nothing was written")
        return summary
    entries += _failed_early(run, early)
    _note_early_warnings(entries, early)
    manifest.write(summary.manifest, entries)
    summary.failed = len({e.row for e in entries if e.status == "failed"})
    return summary


def _validate(opts: Options) -> None:
    """Options that cannot go together, or cannot work, before anything is read."""
    if opts.kind not in tasks.KINDS:
        raise UserError(f"unknown kind {opts.kind!r}", where=Where(option="--kind"),
                        hint="use letter, call, both or envelope")
    if not opts.check and (opts.output is None) == (opts.out_dir is None):
        raise UserError("say where to write", where=Where(command="batch"),
                        hint="give -o merged.pdf or --out-dir DIR (or --check)")
    if opts.name and opts.out_dir is None:
        raise UserError("--name applies to --out-dir only", where=Where(option="--name"))
    if opts.duplex and opts.output is None and not opts.check:
        raise UserError("--duplex applies to the merged PDF (-o) only",
                        where=Where(option="--duplex"))
    if opts.jobs is not None and opts.jobs < 1:
        raise UserError("--jobs must be 1 or more", where=Where(option="--jobs"))
    inputs = {Path(opts.template).resolve(), Path(opts.data).resolve()}
    for out in (opts.output, opts.manifest):
        if out is not None and Path(out).resolve() in inputs:
            raise UserError("the output would overwrite an input", where=Where(file=str(out)),
                            hint="choose another path")
    if opts.output is not None and opts.output.suffix.lower() != ".pdf":
        raise UserError("the merged output must be a .pdf file", where=Where(file=str(opts.output)))
    if opts.out_dir is not None:
        if opts.out_dir.exists() and not opts.out_dir.is_dir():
            raise UserError("is a file, not a folder", where=Where(file=str(opts.out_dir)))
        if not opts.check:
            opts.out_dir.mkdir(parents=True, exist_ok=True)


def _names(opts: Options, table: Table, names: dict[int, str]) -> list[Finding]:
    """``--out-dir`` file names per row (unique); a row whose name fails is a finding."""
    pattern = NamePattern(opts.name)
    raw: list[str | None] = []
    found = []
    for row in table.rows:
        try:
            raw.append(pattern.render(row.number, row.values))
        except TemplateError as exc:
            raw.append(None)
            found.append(Finding(row.number, (), "--name", f"the file name pattern failed: {exc}",
                                 "fix --name or fill the column"))
    for row, name in zip(table.rows, unique_names(raw)):
        if name is not None:
            names[row.number] = name
    return found


def _check_all(run: Run, rows: list[Any]) -> list[Finding]:
    """Every check of every row, in the workers; nothing drawn."""
    bar = run.progress(len(rows))
    out: list[Finding] = []
    groups = chunks(rows, run.chunk)
    for group, found in zip(groups, run.workers.map(run.spec, worker.check_rows,
                                                   [(g,) for g in groups])):
        out += found
        if bar is not None:
            bar.update(len(group))
    if bar is not None:
        bar.close()
    return out


def _failed_early(run: Run, early: list[Finding]) -> list[Entry]:
    """Manifest entries for the rows refused before any worker saw them."""
    entries = {(f.row, kind): Entry(f.row, kind, "failed", message=f.message(),
                                    input_sha256=run.inputs[f.row])
               for f in early if f.severity == "error" for kind in tasks.KINDS[run.opts.kind]}
    return list(entries.values())


def _note_early_warnings(entries: list[Entry], early: list[Finding]) -> None:
    """Warnings found while reading the data, noted on the rows' entries that have no message."""
    warnings: dict[int, list[str]] = {}
    for f in early:
        if f.severity == "warning":
            warnings.setdefault(f.row, []).append(f.message())
    for e in entries:
        if e.status == "ok" and e.row in warnings and not e.message:
            e.message = "warning: " + " | ".join(warnings[e.row])
