"""``--preview DIR``: page 1 of each document made, as ``row-7.png`` (``row-7-call.png`` for
the call sheet beside a letter), so a user sees record 7 before printing 300."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..output import write_bytes_atomic
from ..pdf.preview import DEFAULT_DPI, png_pages
from .manifest import Entry


def preview_name(entry: Entry, kinds: Sequence[str]) -> str:
    """``row-7.png``; ``row-7-call.png`` for a call sheet made beside the letter."""
    suffix = f"-{entry.kind}" if len(kinds) > 1 and entry.kind != kinds[0] else ""
    return f"row-{entry.row}{suffix}.png"


def write_previews(
    folder: Path, entries: Sequence[Entry], base: Path, kinds: Sequence[str]
) -> list[Path]:
    """PNG images of page 1 of every document made; ``base`` is the merged PDF, or the folder
    that ``entry.output`` names a file in. Returns the images written, in row order."""
    folder.mkdir(parents=True, exist_ok=True)
    made = sorted(
        (e for e in entries if e.status == "ok" and e.output),
        key=lambda e: (e.row, kinds.index(e.kind) if e.kind in kinds else 9),
    )
    order = {id(e): i for i, e in enumerate(made)}
    written: list[tuple[int, Path]] = []
    by_file: dict[str, list[Entry]] = {}
    for entry in made:
        by_file.setdefault(entry.output, []).append(entry)
    for output, group in by_file.items():
        path = base if base.is_file() else base / output
        images = png_pages(path.read_bytes(), [e.first_page or 1 for e in group], DEFAULT_DPI)
        for entry, image in zip(group, images):
            target = folder / preview_name(entry, kinds)
            written.append((order[id(entry)], write_bytes_atomic(target, image)))
    return [path for _, path in sorted(written)]
