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
_RDF_DESCRIPTION = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"


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
        doc.Root.Metadata.write(_namespaces_on_description(doc.Root.Metadata.read_bytes()))
        _forms_without_themselves(doc, pikepdf)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, min_version="1.7")
    return out.getvalue()


def _namespaces_on_description(xmp: bytes) -> bytes:
    """The XMP packet with its schemas' namespaces declared on ``rdf:Description``, where
    XMP readers such as PDFBox's xmpbox look for them (pikepdf declares each on its
    property, which they do not see, so the Dublin Core schema seemed missing)."""
    from lxml import etree

    tree = etree.parse(io.BytesIO(xmp))
    for description in tree.iter(_RDF_DESCRIPTION):
        used = {prop.prefix: etree.QName(prop).namespace for prop in description}
        etree.cleanup_namespaces(description, top_nsmap=used)
    return bytes(etree.tostring(tree, encoding="utf-8"))


def _forms_without_themselves(doc: Any, pikepdf: Any) -> None:
    """Form XObjects that draw no other XObject get resources without ``/XObject``:
    ReportLab gives every form the page's resources, so a form listed itself there, a loop
    that validators (PDFBox Preflight) reject."""
    shared: dict[tuple[int, int], Any] = {}
    for obj in doc.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != "/Form":
            continue
        resources = obj.get("/Resources")
        if resources is None or "/XObject" not in resources:
            continue
        if any(str(op) == "Do" for _, op in pikepdf.parse_content_stream(obj)):
            continue
        key = resources.objgen
        if key not in shared:
            copy = pikepdf.Dictionary({k: v for k, v in resources.items() if k != "/XObject"})
            shared[key] = doc.make_indirect(copy)
        obj.Resources = shared[key]


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
