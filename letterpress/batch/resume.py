"""What ``--resume`` relies on: hashes of the inputs, finished chunks kept on disk until the
merge completes, and checks that what an earlier run made is still there and unchanged."""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import cast

from .. import __version__
from ..output import write_bytes_atomic
from ..pdf.merge import Drawn, LoosePage
from . import manifest
from .checks import Finding
from .manifest import Entry
from .table import Row
from .tasks import ChunkResult, Outcome


def fingerprint(
    origin: str, kind: str, call_now: object, envelope: str | None = None, shift: object = None
) -> str:
    """What every row's output depends on besides the row: template, version, kind, the call
    sheets' date, the letters' envelope and the printer's calibration."""
    digest = hashlib.sha256()
    try:
        digest.update(Path(origin).read_bytes())
    except OSError:
        digest.update(origin.encode())
    digest.update(f"{__version__}|{kind}|{call_now}|{envelope}|{shift}".encode())
    return digest.hexdigest()


def input_hash(fingerprint: str, row: Row) -> str:
    """The hash of everything one row's output depends on."""
    data = json.dumps([fingerprint, row.number, sorted(row.values.items())], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


class InputHashes(Mapping[int, str]):
    """Each row's :func:`input_hash`, by row number, worked out when first asked for: a merged
    run asks for a chunk's hashes when its result arrives, while the workers draw the next
    chunks, instead of hashing every row before the first chunk is handed out."""

    def __init__(self, fingerprint: str, rows: Iterable[Row]) -> None:
        self._fingerprint = fingerprint
        self._rows = {row.number: row for row in rows}
        self._hashes: dict[int, str] = {}

    def __getitem__(self, number: int) -> str:
        found = self._hashes.get(number)
        if found is None:
            found = self._hashes[number] = input_hash(self._fingerprint, self._rows[number])
        return found

    def __contains__(self, number: object) -> bool:
        return number in self._rows  # without hashing the row

    def __iter__(self) -> Iterator[int]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def chunk_key(rows: list[Row], inputs: Mapping[int, str], chunk: int) -> str:
    """The hash of a chunk: its size and its rows' input hashes."""
    return hashlib.sha256(
        "|".join([str(chunk), *(inputs[r.number] for r in rows)]).encode()
    ).hexdigest()


class Parts:
    """Finished chunks of a merged run, one set of files each, in a folder beside the output
    until the merge is complete (what ``--resume`` reuses after an interruption)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _stem(self, index: int) -> Path:
        return self.folder / f"chunk-{index:06d}"

    def _file(self, index: int, name: str) -> Path:
        """A chunk's PDFs, and its loose pages (content streams, in marshal format)."""
        suffix = "marshal" if name.endswith("-loose") else "pdf"
        return Path(f"{self._stem(index)}.{name}.{suffix}")

    def save(self, index: int, key: str, result: ChunkResult) -> None:
        """Keep a finished chunk (no fsync: ``ok`` checks each file's SHA-256)."""
        files: dict[str, bytes] = {}
        for kind, drawn in result.parts.items():
            if drawn.pdf is not None:
                files[kind] = drawn.pdf
            if drawn.loose:
                files[f"{kind}-loose"] = marshal.dumps(
                    [(p.content, p.width, p.height) for p in drawn.loose]
                )
        for name, data in files.items():
            write_bytes_atomic(self._file(index, name), data, durable=False)
        meta = {
            "key": key,
            "files": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()},
            "pages": {
                kind: {str(i): n for i, n in drawn.pages.items()}
                for kind, drawn in result.parts.items()
            },
            "outcomes": [_outcome_json(o) for o in result.outcomes],
        }
        write_bytes_atomic(
            f"{self._stem(index)}.json",
            json.dumps(meta, ensure_ascii=False).encode(),
            durable=False,
        )

    def ok(self, index: int, key: str) -> bool:
        """The chunk was saved for the same rows and its files are intact."""
        try:
            meta = json.loads(Path(f"{self._stem(index)}.json").read_text(encoding="utf-8"))
            if meta["key"] != key:
                return False
            return all(
                sha256_file(self._file(index, name)) == sha for name, sha in meta["files"].items()
            )
        except (OSError, ValueError, KeyError):
            return False

    def load(self, index: int) -> ChunkResult:
        """A chunk saved by ``save``."""
        meta = json.loads(Path(f"{self._stem(index)}.json").read_text(encoding="utf-8"))
        result = ChunkResult(index, outcomes=[_outcome(o) for o in meta["outcomes"]])
        for kind, pages in meta["pages"].items():
            drawn = Drawn(pages={int(i): n for i, n in pages.items()})
            if kind in meta["files"]:
                drawn.pdf = self._file(index, kind).read_bytes()
            if f"{kind}-loose" in meta["files"]:
                drawn.loose = [
                    LoosePage(*page)
                    for page in marshal.loads(self._file(index, f"{kind}-loose").read_bytes())
                ]
            result.parts[kind] = drawn
        return result


def _finding_json(f: Finding) -> list[object]:
    return [list(f.columns), f.field, f.what, f.hint, f.severity]


def _finding(row: int, data: list[object]) -> Finding:
    columns, field, what, hint, severity = data
    return Finding(
        row,
        tuple(cast("list[str]", columns)),
        str(field),
        str(what),
        str(hint),
        str(severity),
    )


def _outcome_json(o: Outcome) -> dict[str, object]:
    return {
        "row": o.row,
        "kind": o.kind,
        "pages": o.pages,
        "title": o.title,
        "finding": None if o.finding is None else _finding_json(o.finding),
        "warnings": [_finding_json(w) for w in o.warnings],
    }


def _outcome(data: dict[str, object]) -> Outcome:
    row = int(cast("int | str", data["row"]))
    finding = cast("list[object] | None", data["finding"])
    warnings = cast("list[list[object]]", data["warnings"])
    return Outcome(
        row,
        str(data["kind"]),
        None if finding is None else _finding(row, finding),
        int(cast("int | str", data["pages"])),
        str(data["title"]),
        warnings=tuple(_finding(row, w) for w in warnings),
    )


def up_to_date(output: Path, manifest_path: Path, inputs: Mapping[int, str]) -> list[Entry] | None:
    """The manifest's entries when the merged file and every row are as it records."""
    entries = manifest.read(manifest_path)
    if not entries or {e.row for e in entries} != set(inputs):
        return None
    if any(e.input_sha256 != inputs[e.row] for e in entries):
        return None
    shas = {e.sha256 for e in entries if e.status == "ok"}
    if len(shas) != 1 or sha256_file(output) not in shas:
        return None
    return entries


def kept(entry: Entry | None, input_sha: str, folder: Path) -> Entry | None:
    """The previous entry when its file is still there, unchanged, for unchanged input."""
    if entry is None or entry.status != "ok" or entry.input_sha256 != input_sha:
        return None
    path = folder / entry.output
    if not entry.output or not path.is_file() or sha256_file(path) != entry.sha256:
        return None
    return entry
