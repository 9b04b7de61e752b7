"""The signature image, checked before ReportLab reads it: a PNG or JPEG that Pillow decodes in
full, of a bounded number of pixels (a signature is a few hundred thousand)."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..errors import UserError, Where

FORMATS = ("PNG", "JPEG")
MAX_PIXELS = 25_000_000  # a signature scanned at 1200 dpi has a few million; more is no signature


def check_signature_image(path: Path, shown: str, where: Where) -> None:
    """Refuse (UserError at ``where``, naming the file as the user wrote it, ``shown``) what is
    not a complete PNG or JPEG of at most ``MAX_PIXELS`` pixels; the size is read from the
    header, before anything is decoded."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                if kind not in FORMATS:
                    raise UserError(
                        f"signature image {shown!r} is a {kind} image, not PNG or JPEG",
                        where=where,
                        hint="save it as PNG or JPEG",
                    )
                _check_size(width, height, shown, where)
                image.load()  # decodes the whole image: a truncated file fails here
    except Image.DecompressionBombError:
        raise UserError(
            f"signature image {shown!r} has far too many pixels (more than {MAX_PIXELS:,})",
            where=where,
            hint="scale it down, e.g. to 1200 pixels wide",
        ) from None
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, EOFError):
        raise UserError(
            f"signature image {shown!r} is not a readable PNG or JPEG image",
            where=where,
            hint="export it again as PNG or JPEG",
        ) from None


def _check_size(width: int, height: int, shown: str, where: Where) -> None:
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise UserError(
            f"signature image {shown!r} has {width} x {height} pixels; at most "
            f"{MAX_PIXELS:,} are allowed",
            where=where,
            hint="scale it down, e.g. to 1200 pixels wide",
        )
