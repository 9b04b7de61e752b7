"""The letter's flowing text as platypus flowables: styles, and the story in reading order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from msgspec import Struct
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, Spacer

from ..pdf import fonts
from ..pdf.paragraph import SettledParagraph
from ..pdf.units import mm
from .layout import Layout
from .markup import blocks, escape
from .typestyle import TypeStyle


class Content(Struct, frozen=True):
    """The letter's flowing text, resolved to plain strings (markup only in ``body``)."""

    subject: str
    opening: str
    body: str
    closing: str
    signature: str
    signature_image: Path | None
    enclosures_label: str
    enclosures: tuple[str, ...]
    cc_label: str
    cc: tuple[str, ...]
    references: tuple[str, ...]  # one line each, where the layout has no information block
    header: str  # continuation header: recipient and date
    page_words: str  # "Page {page} of {pages}"


class StyleKey(tuple[Any, ...]):
    """A styles key (layout path, text and type styles, typeface, hyphenation) that hashes its
    parts once: a batch hashes it with every paragraph of every letter, and the type style
    has dozens of fields. Equal to, and hashed as, the plain tuple of its parts."""

    _hash: int

    def __new__(cls, parts: Iterable[Any]) -> StyleKey:
        key = super().__new__(cls, parts)
        key._hash = tuple.__hash__(key)
        return key

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied or pickled as its parts: another process hashes them anew."""
        return (StyleKey, (tuple(self),))


class Styles(Struct, frozen=True):
    """The paragraph styles of one layout, typeface and hyphenation; ``key`` names them by
    value, so that paragraphs set in them can be recognised across letters."""

    key: tuple[Any, ...]
    body: ParagraphStyle
    subject: ParagraphStyle
    bullet: ParagraphStyle
    bullet_last: ParagraphStyle  # the last item of a list: the body's space after
    small: ParagraphStyle
    type: TypeStyle  # the layout's spacing between the pieces


class Together(Struct, frozen=True):
    """Flowables kept on one page when they fit an empty page (closing and signature). When
    they go to a new page, the last ``carry`` lines of the paragraph before go with them."""

    items: tuple[Flowable, ...]
    carry: int = 0


Story = list[Flowable | Together]
SIGN_OFF_CARRY = 2  # lines of the body that go with the closing to a new page
# Builds one paragraph: (markup, styles, the style's name in them, bullet text) -> flowable.
# The batch passes one that reuses the paragraphs its letters share.
MakeParagraph = Callable[[str, "Styles", str, str | None], Flowable]


def make_paragraph(text: str, st: Styles, role: str, bullet: str | None = None) -> Flowable:
    """A new paragraph (the single letter's way)."""
    return SettledParagraph(text, getattr(st, role), bulletText=bullet)


def styles(layout: Layout, typeface: str, hyphenation: Any, key: tuple[Any, ...]) -> Styles:
    """The paragraph styles for ``layout`` set in ``typeface``, hyphenated by ``hyphenation``."""
    face = fonts.face(typeface)
    size, leading, kind = layout.text.size, layout.text.leading, layout.type
    body = ParagraphStyle(
        "body",
        fontName=face.regular,
        fontSize=size,
        leading=leading,
        alignment=TA_LEFT,
        spaceAfter=leading * kind.paragraph_space,
        allowWidows=0,
        allowOrphans=0,
        hyphenationLang=hyphenation,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        bulletFontName=face.regular,  # the bullet from the embedded face, not Helvetica
    )
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=mm(kind.bullet_indent),
        bulletIndent=mm(kind.bullet_offset),
        spaceAfter=leading * kind.bullet_space,
    )
    return Styles(
        key=key,
        body=body,
        subject=ParagraphStyle(
            "subject",
            parent=body,
            fontName=face.bold,
            spaceAfter=leading * kind.subject_space,
            hyphenationLang="",
        ),
        bullet=bullet,
        bullet_last=ParagraphStyle("bullet-last", parent=bullet, spaceAfter=body.spaceAfter),
        small=ParagraphStyle(
            "small",
            parent=body,
            fontSize=size - kind.small_step,
            leading=leading - kind.small_leading_step,
            spaceAfter=2,
            hyphenationLang="",
        ),
        type=kind,
    )


def story(content: Content, st: Styles, make: MakeParagraph = make_paragraph) -> Story:
    """The letter's flowing part, in reading order; the closing, signature and name, the
    enclosures and copies stay together, with the body's last lines before them."""
    out: Story = []
    if content.references:
        out.append(
            make("<br/>".join(escape(line) for line in content.references), st, "small", None)
        )
        out.append(Spacer(1, st.body.leading * st.type.reference_space))
    out.append(make(escape(content.subject), st, "subject", None))
    out.append(make(escape(content.opening), st, "body", None))
    parts = blocks(content.body)
    fonts.styles_for(st.body.fontName, "".join(block.markup for block in parts))
    for i, block in enumerate(parts):
        role = "body"
        if block.bullet:
            last = i + 1 == len(parts) or not parts[i + 1].bullet  # the list ends here
            role = "bullet_last" if last else "bullet"
        out.append(make(block.markup, st, role, "\u2022" if block.bullet else None))
    sign: list[Flowable] = [make(escape(content.closing), st, "body", None)]
    if content.signature_image is not None:
        sign.append(_signature_image(content.signature_image, st.type.signature_height))
    else:
        sign.append(Spacer(1, st.body.leading * st.type.signature_space))
    sign.append(make(escape(content.signature), st, "body", None))
    if content.enclosures:
        items = "<br/>".join(escape(e) for e in content.enclosures)
        sign.append(Spacer(1, st.body.leading * st.type.reference_space))
        sign.append(
            make(f"<b>{escape(content.enclosures_label)}</b><br/>{items}", st, "small", None)
        )
    if content.cc:
        sign.append(
            make(
                f"<b>{escape(content.cc_label)}</b> {escape(', '.join(content.cc))}",
                st,
                "small",
                None,
            )
        )
    # a page holding only the closing, or only the enclosures, is not a letter's last page
    out.append(Together(tuple(sign), carry=SIGN_OFF_CARRY))
    return out


def _signature_image(path: Path, height_mm: float) -> Image:
    image = Image(str(path))
    height = mm(height_mm)
    image.drawWidth = image.imageWidth * height / image.imageHeight
    image.drawHeight = height
    image.hAlign = "LEFT"
    return image
