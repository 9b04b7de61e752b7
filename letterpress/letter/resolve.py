"""Resolving a validated letter: layout, language, address lines, the address field and its
window check, page 1's furniture and the flowing text's wording. Every check that can refuse a
letter runs here, before anything is drawn."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ..errors import UserError, Where, WindowError
from ..fields import PARTY_FIELDS
from ..language import Language, resolve_language, worded_languages
from ..language.salutation import greeting_for
from ..language.typography import typed_prefix
from ..notices import Notice
from ..pdf import fonts
from ..pdf.document import DocumentInfo
from ..pdf.shift import Shift
from ..source import Source
from . import firstpage
from .address import AddressLine, postal_address
from .addressfield import fit_address
from .addressing import abroad
from .context import RenderContext
from .layout import DEFAULT_LAYOUT, Layout, choose_envelope, load_layout
from .model import Letter
from .plan import AddressField, FirstPage
from .returnline import ReturnText, return_texts
from .story import Content, StyleKey, Styles, styles
from .window import WindowPlaces, WindowReport, check_field, places_key, window_places


class Prepared(Struct, frozen=True):
    """A letter loaded, validated and resolved: all that is decided before its flowing text
    is laid out into pages."""

    letter: Letter
    layout: Layout
    window: WindowReport
    address: AddressField
    first: FirstPage
    content: Content
    styles: Styles
    typeface: str
    meta: DocumentInfo
    day: date
    notices: tuple[Notice, ...] = ()  # doubtful but deliverable: printed as warnings
    shift: Shift | None = None  # a printer's calibration: the plan is drawn moved by it
    where: Where = Where()  # the input's place (file, or mail-merge row), for later errors


def resolve(
    source: Source,
    letter: Letter,
    ctx: RenderContext,
    *,
    layout: str | None = None,
    when: date | None = None,
    strict_window: bool = False,
    shift: Shift | None = None,
    envelope: str | None = None,
) -> Prepared:
    """Resolve ``letter`` (read from ``source``), making every check rendering makes.

    ``envelope`` (else the file's ``envelope``, else the layout's first) picks the envelope
    the address is fitted to; ``strict_window`` refuses a letter whose address does not keep
    clear wherever the sheet slides (otherwise that is a warning).

    A printer's ``shift`` moves what is drawn by that printer's calibration, which cancels the
    printer's own error: on paper every piece lands where the layout puts it, so the window
    check measures the layout's positions, and the drawn ones differ by the shift."""
    where = source.where
    _check_fonts(letter, where)
    named = ctx.layouts.get((layout, letter.layout), lambda: resolve_layout(letter, layout, where))
    assert isinstance(named, Layout)
    lay = ctx.layouts.get(
        (layout, letter.layout, envelope, letter.envelope),
        lambda: resolve_envelope(named, letter, envelope, where),
    )
    assert isinstance(lay, Layout)
    lang = resolve_language(letter.language, where=where.at("language"))
    typeface = letter.typeface or lay.text.typeface
    day = when or letter.date or date.today()
    home = letter.sender.country or lay.country
    away = abroad(letter.recipient.country or home, home)
    sender = _sender(ctx, letter, home, lang, where, away)
    to = where.at("recipient")
    recipient = postal_address(  # each letter's own: a batch's rows differ in it
        letter.recipient,
        home_country=home,
        language=lang,
        where=to,
        rules_for=ctx.address_rules,
        uppercase=lay.address.uppercase,
        delivered_to=True,
    )
    notes = [AddressLine(n, to.at("notes", i)) for i, n in enumerate(letter.recipient.notes)]
    places = ctx.furniture.get(("window", *places_key(lay)), lambda: window_places(lay))
    assert isinstance(places, WindowPlaces)
    field = fit_address(
        lay,
        list(recipient.lines),
        where=to,
        notes=notes,
        return_texts=_return_texts(letter, sender),
        return_where=where.at("sender"),
        places=places,
    )
    report = check_field(lay, field, places)
    notices = _window_notices(report, to, strict_window)
    long_day = ctx.long_date(lang, day)
    first = _first_page(
        ctx, letter, lay, lang, typeface, (day, long_day), field, sender.lines, where, places
    )
    if not letter.body.strip():  # what blocks() would find no paragraph in
        raise UserError("the body has no text", where=where.at("body"))
    subject, typed = _subject(letter, lang, where)
    meta = DocumentInfo(title=subject, author=letter.sender.name, subject=subject, lang=lang.tag)
    return Prepared(
        letter=letter,
        layout=lay,
        window=report,
        address=field,
        first=first,
        content=_content(ctx, letter, lay, lang, long_day, subject),
        styles=_styles(ctx, lay, typeface, lang),
        typeface=typeface,
        meta=meta,
        day=day,
        shift=shift,
        where=where,
        notices=sender.notices
        + recipient.notices
        + field.notices
        + notices
        + typed
        + _opening_gap(letter.opening, where)
        + _wording(lang, where),
    )


def _either(codes: list[str]) -> str:
    """'"de", "en" or "fr"'."""
    quoted = [f'"{code}"' for code in codes]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def _wording(lang: Language, where: Where) -> tuple[Notice, ...]:
    """A warning for a language the letter's labels are not written in (Spanish): the
    letter prints with English labels around dates in that language."""
    if lang.worded:
        return ()
    name = lang.locale.get_display_name("en") or lang.tag
    return (
        Notice(
            f"letterpress has no {name} wording for the letter's labels (Date, Your reference, "
            f"Page 1 of 2) and default opening and closing: they print in English, the dates "
            f"in {name}",
            where=where.at("language"),
            hint=f"set language = {_either(worded_languages())}, or keep the mix on purpose",
            kind="letter-wording",
        ),
    )


# A space before the opening's final comma or colon ("Dear ,"), or two in a row ("Dear  Lee,"):
# where a value was left empty.
_GAP = re.compile(r"\s[,:]$|\S {2,}\S")


def _opening_gap(opening: str | None, where: Where) -> tuple[Notice, ...]:
    """A warning for an opening with an empty place, as a mail merge's row without a name
    leaves it; the letter is printed as it is."""
    if opening is None or not _GAP.search(opening.strip()):
        return ()
    return (
        Notice(
            f"the opening {opening.strip()!r} has an empty place where a name would be",
            where=where.at("opening"),
            hint="fill in the name, or write the opening with the salutation filter, which "
            "greets a row without a name as 'Dear Sir or Madam,'",
            kind="opening-gap",
        ),
    )


def _window_notices(report: WindowReport, where: Where, strict: bool) -> tuple[Notice, ...]:
    """The window check's verdict: nothing when every line keeps clear wherever the sheet
    slides; a warning when a line does only with the sheet centred (an error if ``strict``).
    A line outside even the centred window was refused while fitting."""
    if not report.centred_ok:
        raise WindowError(
            f"the address comes within {report.centred:.1f} mm of the window's "
            f"edge with the sheet centred (needs {report.required:.1f})",
            where=where,
            hint="fix the layout's address field for this envelope",
        )
    if report.ok:
        return ()
    notice = Notice(
        f"{report.problem()} in the {report.envelope} envelope",
        where,
        report.advice(),
        kind="window-slide",
    )
    if strict:
        raise WindowError(notice.what, where=where, hint=notice.hint)
    return (notice,)


def resolve_envelope(lay: Layout, letter: Letter, override: str | None, where: Where) -> Layout:
    """The layout fitted to the envelope named on the command line, else in the file."""
    if override:
        return choose_envelope(lay, override)
    return choose_envelope(lay, letter.envelope, where=where.at("envelope"))


def resolve_layout(letter: Letter, override: str | None, where: Where) -> Layout:
    """The layout named on the command line, else in the file, else the default."""
    if override:
        return load_layout(override, where=Where(option="--layout"))
    return load_layout(letter.layout or DEFAULT_LAYOUT, where=where.at("layout"))


_DATE = Where(field="date")  # the information block's date: no input field of its own
# A party's one-line texts (its address lines and notes are lists; its country is a code).
_PARTY_TEXTS = tuple(f for f in PARTY_FIELDS if f not in ("address_lines", "country"))


def _check_fonts(letter: Letter, where: Where) -> None:
    """Every user string must be drawable by the bundled fonts: all of them in one look, and
    only when that finds a character no font draws, field by field to name the first."""
    fields = _text_fields(letter)
    if fonts.drawable("".join(text for _, text in fields)):  # the usual case: one look
        return
    for path, text in fields:
        if text:
            fonts.check_drawable(text, where.at(*path))


def _text_fields(letter: Letter) -> list[tuple[tuple[str | int, ...], str]]:
    """Every user string with its field path, in the order their errors are looked for."""
    fields: list[tuple[tuple[str | int, ...], str]] = [
        (("subject",), letter.subject),
        (("opening",), letter.opening or ""),
        (("body",), letter.body),
        (("closing",), letter.closing or ""),
        (("signature",), letter.signature),
        (("place",), letter.place),
    ]
    fields += [(("enclosures", i), e) for i, e in enumerate(letter.enclosures)]
    fields += [(("cc", i), c) for i, c in enumerate(letter.cc)]
    for party_name in ("sender", "recipient"):
        party = getattr(letter, party_name)
        for name in _PARTY_TEXTS:
            fields.append(((party_name, name), getattr(party, name)))
        fields += [((party_name, "address_lines", i), v) for i, v in enumerate(party.address_lines)]
        fields += [((party_name, "notes", i), v) for i, v in enumerate(party.notes)]
    fields += [(("references", r.key), str(r.value)) for r in letter.references]
    fields += [(("references", r.key), r.key) for r in letter.references]
    if isinstance(letter.return_line, str):
        fields.append((("return_line",), letter.return_line))
    return fields


class _Sender(Struct, frozen=True):
    """The sender's side of a letter: its postal lines as written (placed by field alone: no
    later check refuses them), the return line's forms made from them (when the letter leaves
    the return line to them), and the notices about its address."""

    lines: tuple[AddressLine, ...]
    forms: tuple[ReturnText, ...]
    notices: tuple[Notice, ...]


def _sender(
    ctx: RenderContext, letter: Letter, home: str, lang: Language, where: Where, away: bool
) -> _Sender:
    """The sender's side, worked out once per run (and destination at home or abroad): a
    batch repeats the same sender on every letter. Its notices are placed anew at this
    letter's file and row; a failing address is never remembered, so its error names the
    right place."""
    fresh: list[_Sender] = []

    def make() -> _Sender:
        address = postal_address(
            letter.sender,
            home_country=home,
            language=lang,
            where=where.at("sender"),
            rules_for=ctx.address_rules,
            as_written=True,  # the sender's own lines: no postal capitals
        )
        lines = list(address.lines)
        forms = (
            _return_forms(ctx, letter, home, lang, lines, away)
            if letter.return_line is None
            else []
        )
        made = _Sender(
            tuple(AddressLine(line.text, Where(field=line.where.field)) for line in lines),
            tuple(forms),
            address.notices,
        )
        fresh.append(made)
        return made

    key = ("sender", letter.sender, home, lang.tag, letter.return_line is None, away)
    made = ctx.senders.get(key, make)
    assert isinstance(made, _Sender)
    if fresh or not made.notices:  # made for this letter, or nothing to place
        return made
    notices = tuple(replace(n, where=where.with_field(n.where.field)) for n in made.notices)
    return replace(made, notices=notices)


def _return_texts(letter: Letter, sender: _Sender) -> list[ReturnText]:
    """The return line: none, the user's own text, or the sender's forms."""
    if letter.return_line is False:
        return []
    if isinstance(letter.return_line, str):
        return [ReturnText(letter.return_line)] if letter.return_line else []
    return list(sender.forms)


def _return_forms(
    ctx: RenderContext,
    letter: Letter,
    home: str,
    lang: Language,
    sender_lines: list[AddressLine],
    away: bool,
) -> list[ReturnText]:
    """The sender's name and postal lines with their shorter forms (the street abbreviated as
    the sender's country writes it); on mail abroad ending with the sender's country, as the
    address names a country, for the foreign post that may have to send it back; a strip too
    narrow for any form with it takes the forms without it, as mail at home does."""
    if not sender_lines:
        return []
    country = letter.sender.country or home
    try:
        languages = ctx.address_rules.languages(country)
    except ValueError:
        languages = ()
    words = (*languages, lang.locale.language)
    forms = return_texts(sender_lines, words)
    if not away:
        return forms
    named = AddressLine(lang.country_name(country).upper(), Where(field="sender.country"))
    return return_texts([*sender_lines, named], words) + forms  # the country, if it fits


def _first_page(
    ctx: RenderContext,
    letter: Letter,
    lay: Layout,
    lang: Language,
    typeface: str,
    day: tuple[date, str],
    field: AddressField,
    sender_lines: tuple[AddressLine, ...],
    where: Where,
    places: WindowPlaces,
) -> FirstPage:
    """Page 1's furniture: letterhead, information block or date line, marks, address; what
    cannot fit names the file at ``where``; ``day`` is the date and its long form."""
    contact = tuple(
        (v, f"sender.{k}")
        for k, v in (("phone", letter.sender.phone), ("email", letter.sender.email))
        if v
    )
    address = tuple(line.text for line in sender_lines[1:])
    name = lang.typography.set(letter.sender.name, letter.typography)
    head = ctx.furniture.get(
        ("letterhead", lay.path, name, address, contact, typeface),
        lambda: firstpage.letterhead(lay, name, address, contact, typeface, where),
    )
    assert isinstance(head, tuple)
    refs = _references(ctx, letter, lang)
    if lay.info_block is not None:
        # DIN 5008's information block: the date alone; the place is the letterhead's
        date_item = (lang.word("date"), day[1], _DATE)
        items = (*refs, date_item)
        keep = (day[1],)  # the date never breaks
        info = ctx.furniture.get(
            ("info", lay.path, items, typeface),
            lambda: firstpage.info_block(lay, list(items), typeface, where, keep),
        )
        assert isinstance(info, tuple)
        dated: list[Any] = []
    else:
        info = ()
        dated = firstpage.date_line(
            lay,
            lang.typography.set(lang.place_date(letter.place or None, day[0]), letter.typography),
            typeface,
        )
    # the same letterhead, block and date line are checked against the window once per run
    key = ("furniture", lay.path, lay.subject_y, lay.text.left, places.reach, head, info)
    extents = ctx.furniture.get(
        (*key, tuple(dated)),
        lambda: firstpage.check_furniture(lay, head, info, dated, where, places.reach),
    )
    assert isinstance(extents, dict)
    return firstpage.assemble(
        lay, field, list(head), list(info), dated, where, places.reach, extents=extents
    )


def _references(ctx: RenderContext, letter: Letter, lang: Language) -> list[tuple[str, str, Where]]:
    """The references' labels and values, as set in the letter's language."""
    labels = lang.words["references"]
    items = []
    for ref in letter.references:
        label = labels.get(ref.key, ref.key)
        value = ctx.long_date(lang, ref.value) if isinstance(ref.value, date) else ref.value
        items.append(
            (
                lang.typography.set(label, letter.typography),
                lang.typography.set(value, letter.typography),
                Where().at("references", ref.key),
            )
        )
    return items


def _subject(letter: Letter, lang: Language, where: Where) -> tuple[str, tuple[Notice, ...]]:
    """The subject as set, without a prefix the user typed that the language prints itself
    (French "Objet :", never doubled) or no longer prints (German "Betreff:", which DIN 5008
    dropped: left out, with a warning)."""
    subject, typed = typed_prefix(letter.subject, lang.words.get("subject_words", []))
    notices: tuple[Notice, ...] = ()
    if typed and not lang.words["subject_prefix"]:
        notices = (
            Notice(
                f"the subject starts with {typed!r}, which "
                f"{lang.words.get('subject_words_rule', 'is not printed')}",
                where=where.at("subject"),
                hint="it was left out; write the subject alone",
                kind="subject-prefix",
            ),
        )
    return lang.typography.set(subject or letter.subject, letter.typography), notices


def _greeting(letter: Letter, lang: Language) -> tuple[str, str]:
    """The opening and closing: the file's; else, for a recipient written with a courtesy
    title ("Ms Mei Lee"), the salutation by name and its close; else the language's
    defaults ("Dear Sir or Madam," and "Yours faithfully,")."""
    named = greeting_for(letter.recipient.name, lang.tag) if letter.opening is None else None
    opening = letter.opening if letter.opening is not None else lang.word("opening")
    closing = letter.closing if letter.closing is not None else lang.word("closing")
    if named is None:
        return opening, closing
    return named.opening, closing if letter.closing is not None else named.closing


def _content(
    ctx: RenderContext, letter: Letter, lay: Layout, lang: Language, long_day: str, subject: str
) -> Content:
    """The flowing text's strings, with the language's defaults and labels, each set in the
    language's typography; ``long_day`` is the letter's date written out."""
    refs = _references(ctx, letter, lang) if lay.info_block is None else []
    glued = {f"references.{key}" for key in lang.words["references_glued"]}

    def typeset(text: str) -> str:
        return lang.typography.set(text, letter.typography)

    opening, closing = _greeting(letter, lang)
    return Content(
        subject=typeset(lang.words["subject_prefix"] + subject),
        opening=typeset(opening),
        body=typeset(letter.body),
        closing=typeset(closing),
        signature=typeset(letter.signature),
        signature_image=letter.signature_image,
        enclosures_label=lang.word("enclosure" if len(letter.enclosures) == 1 else "enclosures"),
        enclosures=tuple(typeset(e) for e in letter.enclosures),
        cc_label=lang.word("cc"),
        cc=tuple(typeset(c) for c in letter.cc),
        references=tuple(
            typeset(
                lang.word(
                    "reference_glued" if where.field in glued else "reference",
                    label=label,
                    value=value,
                )
            )
            for label, value, where in refs
        ),
        header=typeset(f"{letter.recipient.name or letter.recipient.organization}  ·  {long_day}"),
        page_words=lang.word("page", page="{page}", pages="{pages}"),
    )


def _styles(ctx: RenderContext, lay: Layout, typeface: str, lang: Language) -> Styles:
    """Paragraph styles, made once per layout, typeface and hyphenation dictionary."""
    key = StyleKey((lay.path, lay.text, lay.type, typeface, lang.hyphenation))
    made = ctx.styles.get(key, lambda: styles(lay, typeface, ctx.hyphenator(lang) or "", key))
    assert isinstance(made, Styles)
    return made
