"""Page 1 as a picture for the page: rendered by pypdfium2 (``pdf.preview.png_pages``), with
the envelope window drawn where the window check puts it."""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING

from ..pdf.preview import png_pages

if TYPE_CHECKING:
    from ..letter.layout import Layout, Rect
    from ..letter.window import WindowReport

DPI = 72  # a preview beside the form, sharp enough to read the address
WINDOW = (37, 99, 235)  # the centred window
REACH = (147, 197, 253)  # all the window can show as the sheet slides
GOOD, BAD = (22, 163, 74), (220, 38, 38)  # the address block: inside, or too close


def data_url(png: bytes) -> str:
    """A PNG as a ``data:`` URL, so the picture needs no second request and no stored file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def page_one(pdf: bytes) -> bytes:
    """Page 1 as PNG."""
    return png_pages(pdf, [1], DPI)[0]


def with_window(pdf: bytes, layout: Layout, report: WindowReport) -> bytes:
    """Page 1 as PNG with the window (centred, and its reach over the slide) and the address
    block outlined: green when the window check passes, red when not."""
    from PIL import Image, ImageDraw

    from ..letter.window import centred_window, window_reach

    image = Image.open(io.BytesIO(page_one(pdf))).convert("RGB")
    draw = ImageDraw.Draw(image)
    scale = image.width / layout.paper_width  # pixels per millimetre

    def box(rect: Rect) -> tuple[float, float, float, float]:
        return (rect.x * scale, rect.y * scale, rect.right * scale, rect.bottom * scale)

    draw.rectangle(box(window_reach(layout)), outline=REACH, width=1)
    draw.rectangle(box(centred_window(layout)), outline=WINDOW, width=2)
    draw.rectangle(box(report.block), outline=GOOD if report.ok else BAD, width=1)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
