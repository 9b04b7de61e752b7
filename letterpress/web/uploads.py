"""Uploads: kept in a private temporary folder that is deleted after the response, capped in
size, stored under names the page chooses (never the user's path), and the file names a letter
may name (layouts, signature images) held to what the page allows."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from werkzeug.datastructures import FileStorage

from ..errors import UserError, Where

MB = 1024 * 1024
UPLOAD_LIMIT = 20 * MB  # one uploaded file
ROW_LIMIT = 5000  # rows of a mail merge on the page (the command line has none)
IMAGES = (".png", ".jpg", ".jpeg")
_CHUNK = 64 * 1024


@contextmanager
def private_folder() -> Iterator[Path]:
    """A folder only this user can read (mode 0700), removed with everything in it."""
    folder = Path(tempfile.mkdtemp(prefix="letterpress-web-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def uploaded(files: Mapping[str, FileStorage], field: str) -> FileStorage | None:
    """The file sent in ``field``, or None when none was chosen."""
    item = files.get(field)
    return item if item is not None and item.filename else None


def safe_stem(item: FileStorage, default: str) -> str:
    """The uploaded file's name without its suffix, reduced to letters (of any alphabet:
    ``Adressen-Müller``, not ``Adressen-M-ller``), digits, ``-`` and ``_`` (for the names of
    what is made from it), else ``default``."""
    return plain_name(Path(shown_name(item)).stem, default)


def plain_name(text: str, default: str) -> str:
    """``text`` as (part of) a file name: letters of any alphabet, digits, ``-`` and ``_``
    (``Ms Mei Lee``: ``Ms-Mei-Lee``), at most 60 characters; else ``default``."""
    name = unicodedata.normalize("NFC", text)  # a Mac sends u + ¨
    stem = re.sub(r"[^\w-]+", "-", name).strip("-")[:60].strip("-")
    return stem or default


def shown_name(item: FileStorage) -> str:
    """The uploaded file's name as the user's computer calls it (no folders)."""
    return Path((item.filename or "").replace("\\", "/")).name


def save(item: FileStorage, field: str, folder: Path, stem: str, suffixes: tuple[str, ...]) -> Path:
    """Store an upload as ``folder/stem.suffix`` (its suffix checked against ``suffixes``),
    refusing one over ``UPLOAD_LIMIT`` with a message at ``field``."""
    name = shown_name(item)
    suffix = Path(name).suffix.lower()
    if suffix not in suffixes:
        kinds = (
            " or ".join((", ".join(suffixes[:-1]), suffixes[-1])) if suffixes[1:] else suffixes[0]
        )
        raise UserError(
            f"{name!r} is not a {kinds} file",
            where=Where(field=field),
            hint=f"choose a {kinds} file",
        )
    target = folder / f"{stem}{suffix}"
    size = 0
    with open(target, "wb") as out:
        while chunk := item.stream.read(_CHUNK):
            size += len(chunk)
            if size > UPLOAD_LIMIT:
                raise UserError(
                    f"{name!r} is larger than {UPLOAD_LIMIT // MB} MB",
                    where=Where(field=field),
                    hint=f"choose a file under {UPLOAD_LIMIT // MB} MB, or split "
                    "the data into smaller files",
                )
            out.write(chunk)
    return target


def bundled_layout(data: dict[str, Any], origin: str) -> None:
    """A layout named by the file must be a bundled one: the page opens no path it is given."""
    from ..letter.layout import available_layouts

    name = data.get("layout")
    if name is None or (isinstance(name, str) and name in available_layouts()):
        return
    raise UserError(
        f"layout {name!r} is not a bundled layout",
        where=Where(file=origin, field="layout"),
        hint="the web page takes the bundled layouts only: choose one of "
        + ", ".join(available_layouts()),
    )


def signature(
    data: dict[str, Any],
    origin: str,
    folder: Path,
    files: Mapping[str, FileStorage],
    field: str = "signature_image",
) -> None:
    """The signature image is uploaded, never named: store the upload where the file says
    (a bare file name), or as ``signature.png``; a name with no upload is an error."""
    item = uploaded(files, field)
    named = data.get("signature_image")
    if named is not None and (
        not isinstance(named, str)
        or Path(named).name != named
        or Path(named).suffix.lower() not in IMAGES
    ):
        raise UserError(
            f"signature image {named!r} must be a plain file name",
            where=Where(file=origin, field="signature_image"),
            hint="upload the image here and name it like signature.png",
        )
    if item is None:
        if named:
            raise UserError(
                f"signature image {named!r} is not uploaded",
                where=Where(file=origin, field="signature_image"),
                hint="choose the image file here (the page opens no file by its name)",
            )
        return
    stem = Path(named).stem if named else "signature"
    path = save(item, field, folder, stem, IMAGES)
    if named and path.name != named:
        path = path.rename(folder / named)
    data["signature_image"] = path.name
