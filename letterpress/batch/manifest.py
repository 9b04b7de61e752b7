"""The manifest beside the output: one entry per output (row, kind, file, first page, pages,
SHA-256, status, message) as CSV or JSON, plus the journal that makes ``--resume`` possible."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import asdict, fields

from ..output import write_bytes_atomic

KIND_ORDER = {"letter": 0, "call": 1}  # as they follow each other in the merged PDF
COLUMNS = (
    "row",
    "kind",
    "status",
    "output",
    "first_page",
    "pages",
    "sha256",
    "message",
    "input_sha256",
)


class Entry(Struct):
    """One row's outcome for one kind of output. ``status`` is ok, failed or warning-free ok."""

    row: int
    kind: str
    status: str  # "ok" or "failed"
    output: str = ""
    first_page: int | None = None
    pages: int | None = None
    sha256: str = ""
    message: str = ""
    input_sha256: str = ""


def default_path(output: Path | None, out_dir: Path | None) -> Path:
    """``merged.pdf`` -> ``merged.manifest.csv``; ``--out-dir D`` -> ``D/manifest.csv``."""
    if out_dir is not None:
        return out_dir / "manifest.csv"
    assert output is not None
    return output.with_name(output.stem + ".manifest.csv")


def write(path: Path, entries: list[Entry]) -> None:
    """Write the manifest atomically, JSON for ``.json``, else CSV."""
    entries = sorted(entries, key=lambda e: (e.row, KIND_ORDER.get(e.kind, 9), e.kind))
    if path.suffix.lower() == ".json":
        data = (
            json.dumps(
                {"columns": list(COLUMNS), "entries": [asdict(e) for e in entries]},
                ensure_ascii=False,
                indent=1,
            ).encode()
            + b"\n"
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in entries:
            writer.writerow(["" if v is None else v for v in (getattr(e, c) for c in COLUMNS)])
        data = buffer.getvalue().encode("utf-8")
    write_bytes_atomic(path, data)


def read(path: Path) -> list[Entry]:
    """A manifest written by ``write``; [] when missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    try:
        if path.suffix.lower() == ".json":
            return [_entry(e) for e in json.loads(text)["entries"]]
        return [_entry(e) for e in csv.DictReader(io.StringIO(text))]
    except (ValueError, KeyError, TypeError):
        return []


def _entry(data: dict[str, Any]) -> Entry:
    names = {f.name for f in fields(Entry)}
    values: dict[str, Any] = {k: v for k, v in data.items() if k in names}
    for key in ("row", "first_page", "pages"):
        value = values.get(key)
        values[key] = int(value) if value not in (None, "") else None
    cleaned: dict[str, Any] = {
        k: ("" if v is None and k not in ("first_page", "pages") else v) for k, v in values.items()
    }
    return Entry(**cleaned)


class Journal:
    """Entries appended as rows finish, so an interrupted run can be resumed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: io.TextIOWrapper | None = None

    def load(self) -> list[Entry]:
        entries = []
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        for line in lines:
            try:
                entries.append(_entry(json.loads(line)))
            except (ValueError, TypeError):
                break  # a line cut short by the interruption
        return entries

    def add(self, entries: list[Entry]) -> None:
        if self.handle is None:
            self.handle = open(self.path, "a", encoding="utf-8")
        for e in entries:
            self.handle.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def remove(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self.path.unlink(missing_ok=True)
