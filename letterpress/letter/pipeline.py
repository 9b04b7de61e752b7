"""The letter pipeline: load -> validate -> resolve -> lay out -> draw -> write.

``render_letter`` is the Python API behind ``letterpress letter``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import addressfield as addressblock, firstpage
from ..pdf import fonts
from .address import AddressLine, address_lines, one_line
from .addressfield import AddressField
from .compose import Content, Styles, build_pdf, styles
from ..errors import UserError
from ..language import Language, resolve_language
from .firstpage import FirstPage
from .layout import DEFAULT_LAYOUT, Layout, load_layout
from .markup import blocks
from .model import Letter, parse_letter
from ..output import write_bytes_atomic
from ..source import Source, load_source
from .window import WindowReport, check_block, enforce

@dataclass(frozen=True)
class LetterResult:
    """What rendering produced: the file, its page count and the window check."""

    path: Path | None
    pages: int
    layout: str
    window: WindowReport
    pdf: bytes
    letter: Letter
    address: AddressField


def _check_fonts(letter: Letter, where: str) -> None:
    """Every user string must be drawable by the bundled fonts."""
    fields: list[tuple[str, str]] = [
        ("subject", letter.subject), ("opening", letter.opening or ""), ("body", letter.body),
        ("closing", letter.closing or ""), ("signature", letter.signature),
        ("place", letter.place),
    ]
    fields += [(f"enclosures[{i + 1}]", e) for i, e in enumerate(letter.enclosures)]
    fields += [(f"cc[{i + 1}]", c) for i, c in enumerate(letter.cc)]
    for party_name in ("sender", "recipient"):
        party = getattr(letter, party_name)
        for name in ("name", "organization", "department", "street", "postal_code", "city",
                     "region", "phone", "email"):
            fields.append((f"{party_name}.{name}", getattr(party, name)))
        fields += [(f"{party_name}.address_lines[{i + 1}]", v)
                   for i, v in enumerate(party.address_lines)]
        fields += [(f"{party_name}.notes[{i + 1}]", v) for i, v in enumerate(party.notes)]
    fields += [(f"references.{r.key}", str(r.value)) for r in letter.references]
    fields += [(f"references.{r.key}", r.key) for r in letter.references]
    if isinstance(letter.return_line, str):
        fields.append(("return_line", letter.return_line))
    if fonts.drawable("".join(text for _, text in fields)):  # the usual case: one look
        return
    for name, text in fields:
        if text:
            fonts.check_drawable(text, f"{where}, {name}")


def _references(letter: Letter, lang: Language) -> list[tuple[str, str, str]]:
    labels = lang.words["references"]
    items = []
    for ref in letter.references:
        label = labels.get(ref.key, ref.key)
        value = lang.long_date(ref.value) if isinstance(ref.value, date) else ref.value
        items.append((label, value, f"references.{ref.key}"))
    return items


def _as_written(lines: list[AddressLine], letter: Letter) -> list[AddressLine]:
    """The sender's own lines keep the city as the user spelled it (no postal capitals)."""
    city = letter.sender.city
    if not city:
        return lines
    return [AddressLine(line.text.replace(city.upper(), city), line.field) for line in lines]


def resolve_layout(letter: Letter, override: str | None, where: str) -> Layout:
    """The layout named on the command line, else in the file, else the default."""
    if override:
        return load_layout(override, where="--layout")
    return load_layout(letter.layout or DEFAULT_LAYOUT, where=f"{where}, layout")


@dataclass(frozen=True)
class PreparedLetter:
    """A letter loaded, validated and resolved: all that ``render_letter`` decides before the
    flowing text is laid out. The batch builds many of these into one document."""

    letter: Letter
    layout: Layout
    window: WindowReport
    address: AddressField
    first: FirstPage
    content: Content
    styles: Styles
    typeface: str
    meta: dict[str, Any]
    day: date

    def build(self) -> tuple[bytes, int]:
        """Lay out and draw this letter alone: its PDF and page count."""
        return build_pdf(self.layout, self.first, self.content, self.styles, self.typeface,
                         self.meta, self.day)


def render_letter(source: str | os.PathLike[str] | dict[str, Any] | Source,
                  out: str | os.PathLike[str] | None = None, *, layout: str | None = None,
                  when: date | None = None, strict_window: bool = False) -> LetterResult:
    """Render a letter file (path or dict) to a PDF at ``out`` (written atomically).

    With ``out=None`` nothing is written; the bytes are in the result.
    """
    prep = prepare_letter(source, layout=layout, when=when, strict_window=strict_window)
    pdf, pages = prep.build()
    path = write_bytes_atomic(out, pdf) if out is not None else None
    return LetterResult(path=path, pages=pages, layout=prep.layout.name, window=prep.window,
                        pdf=pdf, letter=prep.letter, address=prep.address)


def prepare_letter(source: str | os.PathLike[str] | dict[str, Any] | Source, *,
                   layout: str | None = None, when: date | None = None,
                   strict_window: bool = False) -> PreparedLetter:
    """Load, validate and resolve a letter, making every check ``render_letter`` makes."""
    src = load_source(source)
    where = src.origin
    letter = parse_letter(src)
    _check_fonts(letter, where)
    lay = resolve_layout(letter, layout, where)
    lang = resolve_language(letter.language, where=f"{where}, language")
    typeface = letter.typeface or lay.text.typeface
    day = when or letter.date or date.today()
    home = letter.sender.country or lay.country
    sender_lines = _as_written(_address_lines(letter.sender, home, lang, f"{where}, sender",
                                              False), letter)
    recipient_lines = _address_lines(letter.recipient, home, lang, f"{where}, recipient",
                                     lay.address.uppercase)
    notes = [AddressLine(n, f"{where}, recipient.notes[{i + 1}]")
             for i, n in enumerate(letter.recipient.notes)]
    if letter.return_line is False:
        return_text = None
    elif isinstance(letter.return_line, str):
        return_text = letter.return_line
    else:
        postal = [line for line in sender_lines[1:] if not line.field.endswith(".department")]
        return_text = one_line([sender_lines[0], *postal]) if sender_lines else None
    field = addressblock.fit_address(lay, recipient_lines, where=f"{where}, recipient",
                                     notes=notes, return_text=return_text,
                                     return_where=f"{where}, sender")
    report = check_block(lay, field.block)
    enforce(report, where=f"{where}, recipient", strict=strict_window)

    contact = "  ·  ".join(v for v in (letter.sender.phone, letter.sender.email) if v)
    head = firstpage.letterhead(lay, letter.sender.name,
                                one_line(sender_lines[1:]) if sender_lines else "", contact,
                                typeface)
    refs = _references(letter, lang)
    dated_text = lang.place_date(letter.place or None, day)
    if lay.info_block is not None:
        date_item = (lang.word("date"), dated_text, "place" if letter.place else "date")
        info = firstpage.info_block(lay, [*refs, date_item], typeface)
        dated: list = []
        reference_line = ""
    else:
        info = []
        dated = firstpage.date_line(lay, dated_text, typeface)
        reference_line = "   ".join(f"{label}: {value}" for label, value, _ in refs)
    first = firstpage.assemble(lay, field, head, info, dated)

    lang_words = lang.words
    content = Content(
        subject=lang_words["subject_prefix"] + letter.subject,
        opening=letter.opening if letter.opening is not None else lang.word("opening"),
        body=letter.body,
        closing=letter.closing if letter.closing is not None else lang.word("closing"),
        signature=letter.signature,
        signature_image=letter.signature_image,
        enclosures_label=lang.word("enclosure" if len(letter.enclosures) == 1 else "enclosures"),
        enclosures=letter.enclosures,
        cc_label=lang.word("cc"),
        cc=letter.cc,
        reference_line=reference_line,
        header=f"{letter.recipient.name or letter.recipient.organization}  ·  "
               f"{lang.long_date(day)}",
        page_words=lang.word("page", page="{page}", pages="{pages}"),
    )
    if not blocks(letter.body):
        raise UserError("the body has no text", where=f"{where}, body")
    meta = {"title": letter.subject, "author": letter.sender.name, "subject": letter.subject,
            "creator": "letterpress", "producer": "letterpress", "lang": lang.tag}
    return PreparedLetter(letter=letter, layout=lay, window=report, address=field, first=first,
                          content=content, styles=_styles(lay, typeface, lang),
                          typeface=typeface, meta=meta, day=day)


_ADDRESSES: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def _address_lines(party: Any, home: str, lang: Language, where: str,
                   uppercase: bool) -> list[AddressLine]:
    """``address_lines``, remembered per party: a batch repeats the same sender on every
    letter. The cache keeps field names relative, so each letter's lines name its own file
    and row; a failing address is never cached, so its error names the right place."""
    key = (party, home, lang.tag, uppercase)
    relative = _ADDRESSES.get(key)
    if relative is None:
        lines = address_lines(party, home_country=home, language=lang, where=where,
                              uppercase=uppercase)
        relative = [(line.text, line.field.removeprefix(f"{where}.")) for line in lines]
        if len(_ADDRESSES) > 1024:
            _ADDRESSES.clear()
        _ADDRESSES[key] = relative
    return [AddressLine(text, f"{where}.{field}") for text, field in relative]


_STYLES: dict[tuple[Layout, str, str], Styles] = {}


def _styles(lay: Layout, typeface: str, lang: Language) -> Styles:
    """Paragraph styles, made once per layout, typeface and hyphenation dictionary."""
    key = (lay, typeface, lang.hyphenation)
    if key not in _STYLES:
        _STYLES[key] = styles(lay, typeface, lang.hyphenator())
    return _STYLES[key]
