"""Where a batch's documents go: one merged PDF (one print job) or one file per row, and the
one way an outcome becomes a manifest entry."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from ..errors import UserError
from ..language import resolve_language
from ..output import atomic_path, make_folder, move_into_place, remove_parts
from ..pdf.document import DocumentInfo
from ..pdf.merge import MergedPdf, Part, Section
from . import manifest, worker
from .checks import Finding, grouped
from .manifest import Entry, Journal
from .options import Options, Progress, Report, Summary
from .pool import Workers
from .resume import Parts, chunk_key, kept, sha256_file, up_to_date
from .table import Row
from .tasks import KINDS, ChunkResult, Outcome, Spec, file_name


class StrictStop(Exception):
    """--strict: a row failed while being made, after passing the checks; nothing is kept."""


class NothingMade(Exception):
    """Every row failed: no document, so no file is written (nor an existing one replaced)."""


class Run(Struct):
    """The state a sink shares with the run: choices, inputs and the running summary."""

    opts: Options
    spec: Spec
    chunk: int
    inputs: Mapping[int, str]  # row -> hash of everything its output depends on
    workers: Workers
    summary: Summary
    origin: str  # the data file, for messages
    say: Report
    names: dict[int, str] = field(default_factory=dict)  # --out-dir: row -> base name
    pending: list[Finding] = field(default_factory=list)  # reported, not yet printed

    def report(self, findings: Iterable[Finding]) -> None:
        """Note findings to print (``flush``): one line per problem, not per row."""
        self.pending += findings

    def flush(self) -> None:
        """Print the findings noted so far, identical ones of several rows as one line; not
        those said once for the template (they stay in the manifest and the count)."""
        said = self.spec.said
        for line in grouped(f for f in self.pending if (f.field, f.what) not in said):
            severity, _, rest = line.partition(": ")
            self.say(f"letterpress: {severity}: {self.origin}, {rest}")
        self.pending.clear()

    def record(self, outcome: Outcome) -> Entry:
        """The manifest entry for one outcome; its findings reported and summed up."""
        entry = Entry(
            outcome.row,
            outcome.kind,
            "ok" if outcome.ok else "failed",
            input_sha256=self.inputs[outcome.row],
        )
        found = [outcome.finding] if outcome.finding is not None else list(outcome.warnings)
        self.report(found)
        self.summary.findings += found
        if outcome.finding is not None:
            entry.message = outcome.finding.message()
        elif outcome.warnings:
            entry.message = noted(outcome.warnings)
        return entry

    def progress(self, total: int) -> Any:
        """The caller's progress callback, else a progress bar on a terminal (or when asked
        for), else None."""
        if self.opts.on_progress is not None:
            return Told(self.opts.on_progress, total)
        show = self.opts.progress if self.opts.progress is not None else sys.stderr.isatty()
        if not show:
            return None
        from tqdm import tqdm

        return tqdm(total=total, unit="row", file=sys.stderr, leave=False)


class Told:
    """A progress "bar" that tells a callback (rows done, rows to do) instead of drawing."""

    def __init__(self, tell: Progress, total: int) -> None:
        self.tell, self.total, self.done = tell, total, 0
        tell(0, total)

    def update(self, rows: int) -> None:
        """``rows`` more rows are done."""
        self.done += rows
        self.tell(self.done, self.total)

    def close(self) -> None:
        """Nothing to clear."""


def chunks(rows: list[Any], size: int) -> list[list[Any]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def merged(run: Run, rows: list[Row]) -> list[Entry]:
    """Render chunks in parallel, keep each as a part file (for --resume), merge in order."""
    opts, summary = run.opts, run.summary
    assert opts.output is not None
    out = opts.output
    if opts.resume and out.is_file():
        done = up_to_date(out, run.summary.manifest or manifest.default_path(out, None), run.inputs)
        if done is not None:
            summary.resumed = len({e.row for e in done})
            summary.made = sum(1 for e in done if e.status == "ok")
            summary.pages = _page_count(done, opts.duplex)
            summary.current = True
            summary.findings += [
                Finding(e.row, (), "", e.message) for e in done if e.status == "failed"
            ]
            return done
    parts = Parts(out.with_name(out.name + ".parts"))
    if parts.folder.exists() and not opts.resume:
        shutil.rmtree(parts.folder)
    make_folder(parts.folder)
    if opts.resume:  # what an interrupted run was still writing
        remove_parts(out.parent, out.name)
        remove_parts(parts.folder)
    groups = chunks(rows, run.chunk)
    keys = [chunk_key(c, run.inputs, run.chunk) for c in groups] if opts.resume else []
    cached = {i for i, key in enumerate(keys) if parts.ok(i, key)}
    summary.resumed = sum(len(groups[i]) for i in cached)
    fresh = run.workers.map(  # handed out now; the rows' hashes are worked out meanwhile
        run.spec, worker.merged_chunk, [(i, c) for i, c in enumerate(groups) if i not in cached]
    )
    bar = run.progress(len(rows))
    entries: list[Entry] = []
    day = run.spec.template.get("date")
    with atomic_path(out) as tmp, open(tmp, "wb") as handle:
        document = MergedPdf(
            handle, duplex=opts.duplex, when=day if isinstance(day, date) else None
        )
        for i in range(len(groups)):
            if i in cached:
                result = parts.load(i)
            else:
                result = next(fresh)
                key = keys[i] if keys else chunk_key(groups[i], run.inputs, run.chunk)
                parts.save(i, key, result)
            added = _append(run, document, result)
            entries += added
            if bar is not None:
                bar.update(len(groups[i]))
            if opts.strict and any(e.status == "failed" for e in added):
                shutil.rmtree(parts.folder, ignore_errors=True)
                raise StrictStop  # inside atomic_path: the partial file goes too
        if document.page_count == 0:
            shutil.rmtree(parts.folder, ignore_errors=True)
            raise NothingMade  # inside atomic_path: the empty file goes, the old one stays
        document.info = merged_info(
            run.spec.template, opts.kind, len({e.row for e in entries if e.status == "ok"})
        )
        document.finish()
        handle.flush()
        if opts.pdfa:
            _make_pdfa(handle, tmp)
        os.fsync(handle.fileno())
        summary.pages = document.page_count
    if bar is not None:
        bar.close()
    digest = sha256_file(out)
    for e in entries:
        if e.status == "ok":
            e.sha256 = digest
    shutil.rmtree(parts.folder, ignore_errors=True)
    summary.written.append(out)
    return entries


def _make_pdfa(handle: Any, path: Path) -> None:
    """The merged file, written so far through ``handle``, rewritten as PDF/A-2b."""
    from ..pdf.pdfa import to_pdfa

    made = to_pdfa(Path(path).read_bytes())
    handle.seek(0)
    handle.truncate()
    handle.write(made)
    handle.flush()


def merged_info(template: dict[str, Any], kind: str, count: int) -> DocumentInfo:
    """What the merged PDF says about itself: "Letters to 12 recipients" in the template's
    language, the sender as author (each where the template gives it as plain text)."""
    lang = _plain(template.get("language")) or "en"
    try:
        words = resolve_language(lang).words["merged"][kind]
    except UserError:  # every row has failed on it already
        lang, words = "", resolve_language("en").words["merged"][kind]
    sender = template.get("sender")
    author = _plain(sender.get("name")) if isinstance(sender, dict) else ""
    return DocumentInfo(
        title=words[count != 1].format(count=count),
        author=author,
        lang=lang,
        creator="letterpress batch",
    )


def _plain(value: object) -> str:
    """A template's value when it is text without template markup, else ""."""
    return value if isinstance(value, str) and "{" not in value else ""


def _page_count(entries: list[Entry], duplex: bool) -> int:
    """The merged file's pages, from its manifest: the last letter's last page (and its blank
    back in duplex)."""
    last = max(
        (
            e.first_page + e.pages - 1
            for e in entries
            if e.status == "ok" and e.first_page and e.pages
        ),
        default=0,
    )
    return last + (last % 2 if duplex else 0)


def _append(run: Run, document: MergedPdf, result: ChunkResult) -> list[Entry]:
    """A chunk's documents added to the merged PDF in row order, with a bookmark each."""
    parts = {
        kind: Part(drawn.pdf, drawn.loose)
        for kind, drawn in result.parts.items()
        if drawn.pdf is not None
    }
    output_name = str(run.opts.output)  # one string for all the chunk's entries
    entries = []
    for o in result.outcomes:
        entry = run.record(o)
        if o.ok:
            first = document.append(parts[o.kind], [Section(o.title, o.pages)])[0]
            entry.output, entry.first_page, entry.pages = output_name, first, o.pages
            run.summary.made += 1
        entries.append(entry)
    return entries


def folder(run: Run, rows: list[Row], manifest_path: Path) -> list[Entry]:
    """One PDF per row and kind in ``--out-dir``, journaled as rows finish (for --resume)."""
    opts, summary, names = run.opts, run.summary, run.names
    assert opts.out_dir is not None
    journal = Journal(manifest_path.with_name(manifest_path.name + ".journal"))
    kinds = KINDS[opts.kind]
    previous: dict[tuple[int, str], Entry] = {}
    if opts.resume:
        for e in manifest.read(manifest_path) + journal.load():
            previous[(e.row, e.kind)] = e
        remove_parts(opts.out_dir)  # what an interrupted run was still writing
    else:
        journal.remove()
    entries: list[Entry] = []
    todo: list[tuple[Row, str]] = []
    for row in rows:
        found = [previous.get((row.number, k)) for k in kinds]
        if any(found):  # made by an earlier run: kept if unchanged (the row is hashed only then)
            found = [kept(e, run.inputs[row.number], opts.out_dir) for e in found]
        if all(found):
            entries += [e for e in found if e is not None]
            summary.resumed += 1
            summary.made += len(kinds)
            summary.pages += sum(e.pages or 0 for e in found if e is not None)
        else:
            todo.append((row, names[row.number]))
    bar = run.progress(len(todo))
    held: list[tuple[str, Path]] = []  # --strict: renamed only when every row is made
    try:
        for outcomes in run.workers.map(
            run.spec, worker.file_rows, [(c,) for c in chunks(todo, run.chunk)]
        ):
            batch = []
            for o in outcomes:
                entry = run.record(o)
                if o.ok:
                    final = opts.out_dir / file_name(names[o.row], o.kind, kinds)
                    if opts.strict:
                        held.append((o.file, final))
                    else:
                        move_into_place(o.file, final)
                    entry.output, entry.first_page, entry.pages = final.name, 1, o.pages
                    entry.sha256 = o.sha256
                    summary.made += 1
                    summary.pages += o.pages
                    summary.written.append(final)
                batch.append(entry)
            if not opts.strict:
                journal.add(batch)
            elif any(not o.ok for o in outcomes):
                for temporary, _ in held:
                    Path(temporary).unlink(missing_ok=True)
                raise StrictStop
            entries += batch
            if bar is not None:
                bar.update(len({o.row for o in outcomes}))
    finally:
        if bar is not None:
            bar.close()
    for temporary, final in held:
        move_into_place(temporary, final)
    journal.remove()
    if not summary.made:
        raise NothingMade
    return entries


def early_entries(run: Run, entries: list[Entry], early: list[Finding]) -> list[Entry]:
    """Manifest entries for the rows refused before any worker saw them; warnings found while
    reading the data noted on the made rows' entries that have no message."""
    failed = {
        (f.row, kind): Entry(
            f.row, kind, "failed", message=f.message(), input_sha256=run.inputs[f.row]
        )
        for f in early
        if f.severity == "error"
        for kind in KINDS[run.opts.kind]
    }
    warnings: dict[int, list[Finding]] = {}
    for f in early:
        if f.severity != "error":
            warnings.setdefault(f.row, []).append(f)
    for e in entries:
        if e.status == "ok" and e.row in warnings and not e.message:
            e.message = noted(warnings[e.row])
    return list(failed.values())


def noted(findings: Iterable[Finding]) -> str:
    """A made row's warnings and info lines as its manifest message:
    ``warning: A | B | info: C``."""
    parts = []
    for level in ("warning", "info"):
        said = [f.message() for f in findings if f.severity == level]
        if said:
            parts.append(f"{level}: " + " | ".join(said))
    return " | ".join(parts)
