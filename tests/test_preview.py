"""Pages as PNG: the right number of images, each of the page's size at the asked dpi."""

from __future__ import annotations

import io

from conftest import letter
from PIL import Image

from letterpress.letter import render_letter
from letterpress.pdf.preview import png_pages


def test_page_one_as_png_at_the_asked_resolution() -> None:
    pdf = render_letter(letter()).pdf
    (png,) = png_pages(pdf, dpi=50)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    width, height = 210 / 25.4 * 50, 297 / 25.4 * 50  # A4 at 50 dpi, in pixels
    assert abs(image.size[0] - width) < 1 and abs(image.size[1] - height) < 1
    assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # something is drawn
