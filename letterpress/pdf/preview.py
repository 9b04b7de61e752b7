"""Pages of a PDF as PNG images (pypdfium2), to look at before printing."""
from __future__ import annotations

import io
from collections.abc import Sequence

DEFAULT_DPI = 100


def png_pages(pdf: bytes, pages: Sequence[int] | None = None, dpi: int = DEFAULT_DPI
              ) -> list[bytes]:
    """PNG images of the given pages (1-based; default: page 1) of ``pdf``, at ``dpi``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for number in pages or [1]:
            page = document[number - 1]
            image = page.render(scale=dpi / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=False)
            out.append(buffer.getvalue())
            page.close()
        return out
    finally:
        document.close()
