"""The batch run, stage by stage: read data -> compile template -> check -> render rows in
worker processes -> write the merged PDF or the files -> manifest."""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UserError
from ..output import atomic_path, write_bytes_atomic
from ..source import load_source
from . import filters, manifest, tasks
from .checks import Finding, table_findings
from .manifest import Entry, Journal
from .names import NamePattern, TemplateError, unique_names
from ..pdf.merge import LoosePage, MergedPdf, Part, Section
from .pool import Workers
from .table import Row, Table, read_table
from .template import LetterTemplate, check_columns, compile_template

# Rows per worker task. A chunk is one PDF from one worker (fonts and repeated paragraphs
# drawn once per chunk), so bigger chunks cost less per letter; at least four chunks keep
# two to four cores busy; at most 250 rows bound memory and the work a crash can lose. The
# size depends on the row count only, so the merged file is the same whatever --jobs.
MIN_CHUNK, MAX_CHUNK, FEW_CHUNKS = 50, 250, 4


def chunk_size(rows: int) -> int:
    """Rows per chunk for a table of ``rows`` rows."""
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-rows // FEW_CHUNKS)))


Report = Callable[[str], None]


@dataclass
class Options:
    """What ``letterpress batch`` was asked to do (see the CLI for each option)."""

    template: Path
    data: Path
    output: Path | None = None
    out_dir: Path | None = None
    name: str | None = None
    kind: str = "letter"
    check: bool = False
    strict: bool = False
    resume: bool = False
    duplex: bool = False
    jobs: int | None = None
    delimiter: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    manifest: Path | None = None
    progress: bool | None = None  # None: only on a terminal
    call_now: date | None = None
    chunk: int | None = None  # rows per worker task; None: chunk_size(rows)


@dataclass
class Summary:
    """How the run went; ``exit_code`` is 0 (all good) or 1 (some rows failed)."""

    rows: int = 0
    made: int = 0
    failed: int = 0
    resumed: int = 0
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    manifest: Path | None = None
    written: list[Path] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if any(f.severity == "error" for f in self.findings) else 0


class _StrictStop(Exception):
    """--strict: a row failed while being made, after passing the checks; nothing is kept."""


def run_batch(opts: Options, report: Report | None = None) -> Summary:
    """Run the batch; row problems are reported and summarised, unusable input raises
    UserError."""
    say: Report = report or (lambda line: print(line, file=sys.stderr))
    _validate(opts)
    source = load_source(opts.template)
    table = read_table(opts.data, delimiter=opts.delimiter, sheet=opts.sheet,
                       encoding=opts.encoding)
    jobs = max(1, opts.jobs or os.cpu_count() or 1)
    opts = replace(opts, chunk=max(1, opts.chunk or chunk_size(len(table.rows))))
    chunks = -(-len(table.rows) // opts.chunk)
    order = filters.date_order(v for row in table.rows for v in row.values.values())
    tpl = compile_template(source, order)  # remembered: forked workers find it compiled
    check_columns(tpl, table.columns, table.origin)
    # Start the workers now: they load ReportLab, fonts and hyphenation while this process
    # checks the rows.
    with Workers(min(jobs, chunks), source.data.get("language"),
                 source.data.get("typeface")) as workers:
        return _run(opts, say, source, table, tpl, workers)


def _run(opts: Options, say: Report, source: Any, table: Table, tpl: LetterTemplate,
         workers: Workers) -> Summary:
    order = tpl.date_order
    if opts.kind in ("call", "both"):
        _require_call(source.data, source.origin)
    spec = tasks.Spec(template=source.data, origin=source.origin, base_dir=source.base_dir,
                      date_order=order, columns=table.columns, kind=opts.kind,
                      call_now=opts.call_now, out_dir=opts.out_dir)
    summary = Summary(rows=len(table.rows))
    early = table_findings(table, tpl)
    names: dict[int, str] = {}
    if opts.out_dir is not None:
        early += _names(opts, table, names)
    _report(early, table.origin, say)
    summary.findings += early
    bad = {f.row for f in early if f.severity == "error"}
    rows = [row for row in table.rows if row.number not in bad]

    if opts.check or opts.strict:
        found = _check_all(spec, rows, workers, opts)
        _report(found, table.origin, say)
        summary.findings += found
        if opts.check or summary.exit_code:
            summary.failed = len({f.row for f in summary.findings if f.severity == "error"})
            if opts.strict and not opts.check:
                say(f"letterpress: --strict: {summary.failed} of {summary.rows} rows have "
                    "problems; nothing was written")
            return summary
    fingerprint = _fingerprint(source.origin, opts)
    inputs = {row.number: _input_hash(fingerprint, row) for row in table.rows}
    failed_early = [Entry(f.row, k, "failed", message=f.message(),
                          input_sha256=inputs[f.row])
                    for f in early if f.severity == "error" for k in tasks.KINDS[opts.kind]]
    failed_early = list({(e.row, e.kind): e for e in failed_early}.values())
    manifest_path = opts.manifest or manifest.default_path(opts.output, opts.out_dir)
    summary.manifest = manifest_path
    try:
        if opts.output is not None:
            entries = _merged(opts, spec, rows, inputs, workers, summary, table.origin, say)
        else:
            entries = _files(opts, spec, rows, names, inputs, workers, summary, table.origin,
                             say, manifest_path)
    except _StrictStop:
        summary.failed = len({f.row for f in summary.findings if f.severity == "error"})
        summary.made, summary.pages, summary.written, summary.manifest = 0, 0, [], None
        say(f"letterpress: --strict: {summary.failed} of {summary.rows} rows could not be "
            "made; nothing was written")
        return summary
    entries += failed_early
    warnings = {}
    for f in summary.findings:
        if f.severity == "warning":
            warnings.setdefault(f.row, []).append(f.message())
    for e in entries:
        if e.status == "ok" and e.row in warnings and not e.message:
            e.message = "warning: " + " | ".join(warnings[e.row])
    manifest.write(manifest_path, entries)
    summary.failed = len({e.row for e in entries if e.status == "failed"})
    return summary


def _validate(opts: Options) -> None:
    if opts.kind not in tasks.KINDS:
        raise UserError(f"unknown kind {opts.kind!r}", where="--kind",
                        hint="use letter, call or both")
    if not opts.check and (opts.output is None) == (opts.out_dir is None):
        raise UserError("say where to write", where="batch",
                        hint="give -o merged.pdf or --out-dir DIR (or --check)")
    if opts.name and opts.out_dir is None:
        raise UserError("--name applies to --out-dir only", where="--name")
    if opts.duplex and opts.output is None and not opts.check:
        raise UserError("--duplex applies to the merged PDF (-o) only", where="--duplex")
    if opts.jobs is not None and opts.jobs < 1:
        raise UserError("--jobs must be 1 or more", where="--jobs")
    inputs = {Path(opts.template).resolve(), Path(opts.data).resolve()}
    for out in (opts.output, opts.manifest):
        if out is not None and Path(out).resolve() in inputs:
            raise UserError("the output would overwrite an input", where=str(out),
                            hint="choose another path")
    if opts.output is not None and opts.output.suffix.lower() != ".pdf":
        raise UserError("the merged output must be a .pdf file", where=str(opts.output))
    if opts.out_dir is not None:
        if opts.out_dir.exists() and not opts.out_dir.is_dir():
            raise UserError("is a file, not a folder", where=str(opts.out_dir))
        if not opts.check:
            opts.out_dir.mkdir(parents=True, exist_ok=True)


def _require_call(data: dict[str, Any], origin: str) -> None:
    if "call" not in data:
        raise UserError("the template has no [call] table", where=origin,
                        hint="add one for call sheets, or use --kind letter")
    try:
        import letterpress.callsheet  # noqa: F401
    except ImportError:
        raise UserError("call sheets are not available in this installation",
                        where="--kind") from None


def _names(opts: Options, table: Table, names: dict[int, str]) -> list[Finding]:
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


def _report(findings: Iterable[Finding], origin: str, say: Report) -> None:
    for f in findings:
        label = "warning" if f.severity == "warning" else "error"
        say(f"letterpress: {label}: {origin}, {f.line()}")


def _chunks(rows: list[Row], size: int) -> list[list[Row]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def _progress(opts: Options, total: int) -> Any:
    show = opts.progress if opts.progress is not None else sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="row", file=sys.stderr, leave=False)


def _check_all(spec: tasks.Spec, rows: list[Row], workers: Workers,
               opts: Options) -> list[Finding]:
    bar = _progress(opts, len(rows))
    out: list[Finding] = []
    for chunk, found in zip(_chunks(rows, opts.chunk),
                            workers.map(spec, "check_rows",
                                        [(c,) for c in _chunks(rows, opts.chunk)])):
        out += found
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()
    return out


def _fingerprint(origin: str, opts: Options) -> str:
    """What every row's output depends on besides the row: template, version, kind."""
    digest = hashlib.sha256()
    try:
        digest.update(Path(origin).read_bytes())
    except OSError:
        digest.update(origin.encode())
    digest.update(f"{__version__}|{opts.kind}|{opts.call_now}".encode())
    return digest.hexdigest()


def _input_hash(fingerprint: str, row: Row) -> str:
    data = json.dumps([fingerprint, row.number, sorted(row.values.items())], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- merged output -------------------------------------------------------------------------

def _merged(opts: Options, spec: tasks.Spec, rows: list[Row], inputs: dict[int, str],
            workers: Workers, summary: Summary, origin: str, say: Report) -> list[Entry]:
    """Render chunks in parallel, keep each as a part file (for --resume), merge in order."""
    assert opts.output is not None
    out = opts.output
    parts = out.with_name(out.name + ".parts")
    if opts.resume and out.is_file():
        done = _up_to_date(opts, rows, inputs)
        if done is not None:
            summary.resumed = len({e.row for e in done})
            summary.made = sum(1 for e in done if e.status == "ok")
            say(f"letterpress: {out} is up to date with the data; nothing to do")
            summary.findings += [Finding(e.row, (), "", e.message) for e in done
                                 if e.status == "failed"]
            return done
    if parts.exists() and not opts.resume:
        shutil.rmtree(parts)
    parts.mkdir(exist_ok=True)
    chunks = _chunks(rows, opts.chunk)
    keys = [_chunk_key(c, inputs, opts) for c in chunks]
    cached = {i for i, key in enumerate(keys) if opts.resume and _part_ok(parts, i, key)}
    summary.resumed = sum(len(chunks[i]) for i in cached)
    todo = [(i, c) for i, c in enumerate(chunks) if i not in cached]
    bar = _progress(opts, len(rows))
    fresh = workers.map(spec, "merged_chunk", todo)
    entries: list[Entry] = []
    with atomic_path(out) as tmp, open(tmp, "wb") as handle:
        merged = MergedPdf(handle, duplex=opts.duplex, title=_title(opts),
                           when=spec.template.get("date") if isinstance(
                               spec.template.get("date"), date) else None)
        for i in range(len(chunks)):
            if i in cached:
                result = _load_part(parts, i)
            else:
                result = next(fresh)
                _save_part(parts, i, keys[i], result)
            added = _append(merged, result, opts, inputs, summary, origin, say)
            entries += added
            if bar is not None:
                bar.update(len(chunks[i]))
            if opts.strict and any(e.status == "failed" for e in added):
                shutil.rmtree(parts, ignore_errors=True)
                raise _StrictStop  # inside atomic_path: the partial file goes too
        merged.finish()
        handle.flush()
        os.fsync(handle.fileno())
        summary.pages = merged.page_count
    if bar is not None:
        bar.close()
    digest = _sha256_file(out)
    for e in entries:
        if e.status == "ok":
            e.sha256 = digest
    shutil.rmtree(parts, ignore_errors=True)
    summary.written.append(out)
    return entries


def _title(opts: Options) -> str:
    return f"{opts.template.stem} x {opts.data.name}"


def _append(merged: MergedPdf, result: tasks.ChunkResult, opts: Options,
            inputs: dict[int, str], summary: Summary, origin: str, say: Report) -> list[Entry]:
    letters = Part(result.letters_pdf, result.loose) if result.letters_pdf else None
    calls = Part(result.calls_pdf) if result.calls_pdf else None
    output_name = str(opts.output)  # one string for all the chunk's entries
    entries = []
    for o in result.outcomes:
        entry = Entry(o.row, o.kind, "ok" if o.ok else "failed", input_sha256=inputs[o.row])
        if o.finding is not None:
            entry.message = o.finding.message()
            summary.findings.append(o.finding)
            _report([o.finding], origin, say)
        else:
            if o.kind == "letter":
                assert letters is not None
                first = merged.append(letters, [Section(o.title, o.pages)])[0]
            else:
                assert calls is not None
                first = merged.append(calls, [Section(o.title, o.pages)])[0]
            entry.output, entry.first_page, entry.pages = output_name, first, o.pages
            summary.made += 1
        entries.append(entry)
    return entries


def _chunk_key(rows: list[Row], inputs: dict[int, str], opts: Options) -> str:
    return hashlib.sha256("|".join([str(opts.chunk), *(inputs[r.number] for r in rows)])
                          .encode()).hexdigest()


def _save_part(parts: Path, index: int, key: str, result: tasks.ChunkResult) -> None:
    """Keep a finished chunk on disk until the merge is complete (what --resume reuses)."""
    stem = parts / f"chunk-{index:06d}"
    files = {"letters": result.letters_pdf} if result.letters_pdf else {}
    if result.calls_pdf:
        files["calls"] = result.calls_pdf
    if result.loose:
        files["loose"] = marshal.dumps([(p.content, p.width, p.height) for p in result.loose])
    for name, data in files.items():  # no fsync: --resume checks each part's SHA-256
        write_bytes_atomic(_part_file(stem, name), data, durable=False)
    meta = {"key": key, "files": {n: hashlib.sha256(p).hexdigest() for n, p in files.items()},
            "outcomes": [{"row": o.row, "kind": o.kind, "pages": o.pages, "title": o.title,
                          "finding": None if o.finding is None else
                          [o.finding.columns, o.finding.field, o.finding.what, o.finding.hint]}
                         for o in result.outcomes]}
    write_bytes_atomic(f"{stem}.json", json.dumps(meta, ensure_ascii=False).encode(),
                       durable=False)


def _part_file(stem: Path, name: str) -> Path:
    """A chunk's PDFs, and its loose pages (content streams, in marshal format)."""
    return Path(f"{stem}.{name}.{'marshal' if name == 'loose' else 'pdf'}")


def _part_ok(parts: Path, index: int, key: str) -> bool:
    stem = parts / f"chunk-{index:06d}"
    try:
        meta = json.loads(Path(f"{stem}.json").read_text(encoding="utf-8"))
        if meta["key"] != key:
            return False
        return all(_sha256_file(_part_file(stem, name)) == sha
                   for name, sha in meta["files"].items())
    except (OSError, ValueError, KeyError):
        return False


def _load_part(parts: Path, index: int) -> tasks.ChunkResult:
    stem = parts / f"chunk-{index:06d}"
    meta = json.loads(Path(f"{stem}.json").read_text(encoding="utf-8"))
    result = tasks.ChunkResult(index, None)
    if "letters" in meta["files"]:
        result.letters_pdf = Path(f"{stem}.letters.pdf").read_bytes()
    if "calls" in meta["files"]:
        result.calls_pdf = _part_file(stem, "calls").read_bytes()
    if "loose" in meta["files"]:
        result.loose = [LoosePage(*page) for page in
                        marshal.loads(_part_file(stem, "loose").read_bytes())]
    for o in meta["outcomes"]:
        finding = None
        if o["finding"] is not None:
            cols, fld, what, hint = o["finding"]
            finding = Finding(o["row"], tuple(cols), fld, what, hint)
        result.outcomes.append(tasks.Outcome(o["row"], o["kind"], finding, o["pages"],
                                              o["title"]))
    return result


def _up_to_date(opts: Options, rows: list[Row], inputs: dict[int, str]) -> list[Entry] | None:
    """The manifest's entries when the merged file and every row are as it records."""
    assert opts.output is not None
    path = opts.manifest or manifest.default_path(opts.output, None)
    entries = manifest.read(path)
    if not entries or {e.row for e in entries} != set(inputs):
        return None
    if any(e.input_sha256 != inputs[e.row] for e in entries):
        return None
    shas = {e.sha256 for e in entries if e.status == "ok"}
    if len(shas) != 1 or _sha256_file(opts.output) not in shas:
        return None
    return entries


# --- one file per row ----------------------------------------------------------------------

def _files(opts: Options, spec: tasks.Spec, rows: list[Row], names: dict[int, str],
           inputs: dict[int, str], workers: Workers, summary: Summary, origin: str, say: Report,
           manifest_path: Path) -> list[Entry]:
    assert opts.out_dir is not None
    journal = Journal(manifest_path.with_name(manifest_path.name + ".journal"))
    kinds = tasks.KINDS[opts.kind]
    previous: dict[tuple[int, str], Entry] = {}
    if opts.resume:
        for e in manifest.read(manifest_path) + journal.load():
            previous[(e.row, e.kind)] = e
    else:
        journal.remove()
    entries: list[Entry] = []
    todo: list[tuple[Row, str]] = []
    for row in rows:
        kept = [_kept(previous.get((row.number, k)), inputs[row.number], opts.out_dir)
                for k in kinds]
        if all(kept):
            entries += [e for e in kept if e is not None]
            summary.resumed += 1
            summary.made += len(kinds)
        else:
            todo.append((row, names[row.number]))
    bar = _progress(opts, len(todo))
    work = [(c,) for c in _chunks(todo, opts.chunk)]  # type: ignore[arg-type]
    held: list[tuple[str, Path]] = []  # --strict: renamed only when every row is made
    try:
        for outcomes in workers.map(spec, "file_rows", work):
            batch = []
            for o in outcomes:
                entry = Entry(o.row, o.kind, "ok" if o.ok else "failed",
                              input_sha256=inputs[o.row])
                if o.finding is not None:
                    entry.message = o.finding.message()
                    summary.findings.append(o.finding)
                    _report([o.finding], origin, say)
                else:
                    final = opts.out_dir / tasks.file_name(names[o.row], o.kind, kinds)
                    if opts.strict:
                        held.append((o.file, final))
                    else:
                        os.replace(o.file, final)
                    entry.output, entry.first_page, entry.pages = final.name, 1, o.pages
                    entry.sha256 = o.sha256
                    summary.made += 1
                    summary.pages += o.pages
                    summary.written.append(final)
                batch.append(entry)
            if not opts.strict:
                journal.add(batch)
            elif any(o.finding is not None for o in outcomes):
                for temporary, _ in held:
                    Path(temporary).unlink(missing_ok=True)
                raise _StrictStop
            entries += batch
            if bar is not None:
                bar.update(len({o.row for o in outcomes}))
    finally:
        if bar is not None:
            bar.close()
    for temporary, final in held:
        os.replace(temporary, final)
    journal.remove()
    return entries


def _kept(entry: Entry | None, input_sha: str, folder: Path) -> Entry | None:
    """The previous entry when its file is still there, unchanged, for unchanged input."""
    if entry is None or entry.status != "ok" or entry.input_sha256 != input_sha:
        return None
    path = folder / entry.output
    if not entry.output or not path.is_file() or _sha256_file(path) != entry.sha256:
        return None
    return entry
