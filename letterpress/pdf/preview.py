"""Pages of a PDF as PNG images (pypdfium2), to look at before printing."""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..errors import UserError, Where

DEFAULT_DPI = 100


def png_pages(
    pdf: bytes, pages: Sequence[int] | None = None, dpi: float = DEFAULT_DPI
) -> list[bytes]:
    """PNG images of the given pages (1-based; default: page 1) of ``pdf``, at ``dpi``.

    A page the document does not have is a UserError naming it (``--pages``)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        for number in pages or [1]:
            if not 1 <= number <= count:
                raise UserError(
                    f"page {number} does not exist (the document has {count} "
                    f"page{'s' if count != 1 else ''})",
                    where=Where(option="--pages"),
                    hint=f"choose pages between 1 and {count}",
                )
        out = []
        for number in pages or [1]:
            page = document[number - 1]
            image = page.render(scale=dpi / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", dpi=(dpi, dpi), optimize=False)
            out.append(buffer.getvalue())
            page.close()
        return out
    finally:
        document.close()
