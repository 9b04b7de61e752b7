"""PDF/A-2b on request: what ReportLab's PDFs lack for it (ReportLab's open-source edition has
no PDF/A support) is added with pikepdf (qpdf): the XMP metadata stream saying "PDF/A-2,
level B" and matching the document information, and an sRGB output intent.

Everything else PDF/A-2b asks of these files holds already: every font embedded, no
encryption, colours in DeviceRGB or DeviceGray, a file identifier. The result depends only on
the input (fixed identifier, no "now" in the metadata)."""

from __future__ import annotations

import io
import struct
from typing import Any

SRGB = "sRGB IEC61966-2.1"  # the ICC's registered name of the output condition
# The profile header's creation date (ICC.1, 7.2.8: bytes 24-35), fixed so that the same
# letter gives the same file; LittleCMS writes the current time there, and no profile ID
# (bytes 84-99, zero) covers it.
_PROFILE_DATE = slice(24, 36)
_FIXED_DATE = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)


def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by LittleCMS (through Pillow) rather than shipped."""
    from PIL import ImageCms

    made = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    made[_PROFILE_DATE] = _FIXED_DATE
    return bytes(made)


def to_pdfa(pdf: bytes) -> bytes:
    """``pdf`` made PDF/A-2b: XMP metadata from its document information, sRGB output
    intent."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        _output_intent(doc, pikepdf)
        for key in ("/Trapped", "/Keywords"):  # unknown to XMP, or empty: left out of both
            if key in doc.docinfo and (key == "/Trapped" or not str(doc.docinfo[key])):
                del doc.docinfo[key]
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(doc.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, min_version="1.7")
    return out.getvalue()


def _output_intent(doc: Any, pikepdf: Any) -> None:
    """The sRGB output intent the colours of the document are meant for."""
    profile = pikepdf.Stream(doc, srgb_profile())
    profile.N = 3
    doc.Root.OutputIntents = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFA1,
                OutputConditionIdentifier=SRGB,
                Info=SRGB,
                RegistryName="http://www.color.org",
                DestOutputProfile=profile,
            )
        ]
    )
