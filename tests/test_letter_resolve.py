"""Resolving letters that share one RenderContext (as a batch's rows do): every check still
runs for every letter, and names that letter's own place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import letter

from letterpress.errors import FontCoverageError, UserError
from letterpress.letter import prepare_letter
from letterpress.letter.context import RenderContext
from letterpress.source import Source

SMILE = "\U0001f600"  # no bundled font draws it

# (where the character goes, the field the error names)
FIELDS = [
    ("subject", "subject"),
    ("opening", "opening"),
    ("body", "body"),
    ("closing", "closing"),
    ("signature", "signature"),
    ("place", "place"),
    ("enclosures", "enclosures[2]"),
    ("cc", "cc[1]"),
    ("return_line", "return_line"),
    ("references.value", "references.Our ref"),
    ("references.key", "references.Our ref" + SMILE),
    *[
        (f"{party}.{name}", f"{party}.{name}")
        for party in ("sender", "recipient")
        for name in (
            "name",
            "organization",
            "department",
            "street",
            "postal_code",
            "city",
            "region",
            "phone",
            "email",
        )
    ],
    ("sender.address_lines", "sender.address_lines[2]"),
    ("recipient.address_lines", "recipient.address_lines[2]"),
    ("recipient.notes", "recipient.notes[1]"),
]


def _with_smile(target: str) -> dict[str, Any]:
    """The base letter with the undrawable character in the field ``target``."""
    data = letter(enclosures=["CV", "References"], cc=["Kim Berger"], signature="J. Petersen")
    data["references"] = {"Our ref": "AB-12"}
    if target == "references.value":
        data["references"] = {"Our ref": "AB-12" + SMILE}
    elif target == "references.key":
        data["references"] = {"Our ref" + SMILE: "AB-12"}
    elif target in ("enclosures", "cc"):
        data[target] = [*data[target][:-1], data[target][-1] + SMILE]
    elif target.endswith(("address_lines", "notes")):
        party, name = target.split(".")
        data[party][name] = ["Line one", "Line two " + SMILE]
        if name == "notes":
            data[party][name] = ["Please forward " + SMILE]
    elif "." in target:
        party, name = target.split(".")
        data[party][name] = (data[party].get(name) or "x") + SMILE
    else:
        data[target] = (data.get(target) or "x") + SMILE
    return data


@pytest.mark.parametrize("target, field", FIELDS)
def test_an_undrawable_character_is_named_at_its_field(target: str, field: str) -> None:
    """The one look at all of a letter's texts misses no field: a character no font draws,
    in any of them, refuses the letter naming that field."""
    source = Source(data=_with_smile(target), origin="", row=7)
    with pytest.raises(FontCoverageError) as raised:
        prepare_letter(source, context=RenderContext())
    assert str(raised.value.place) == f"row 7, {field}"
    assert raised.value.what.startswith(f"character {SMILE!r} (U+1F600")


def test_furniture_checked_once_still_refuses_each_letter_at_its_row() -> None:
    """A letter whose information block runs into the text is refused on every row of a run,
    each error naming its own row, while the letters around them share their furniture."""
    ctx = RenderContext()
    good = prepare_letter(Source(data=letter(), origin="", row=2), context=ctx)
    refs = {f"item {i}": "value" for i in range(40)}
    for row in (3, 4):
        with pytest.raises(UserError) as raised:
            prepare_letter(Source(data=letter(references=refs), origin="", row=row), context=ctx)
        assert str(raised.value.place) == f"row {row}, references"
        assert raised.value.what.startswith("the info block runs into the text")
    again = prepare_letter(Source(data=letter(), origin="", row=5), context=ctx)
    alone = prepare_letter(Source(data=letter(), origin="", row=5), context=RenderContext())
    assert again.first == alone.first == good.first
    assert again.first.extents == alone.first.extents


def test_page_ones_furniture_is_a_hashable_value() -> None:
    """Frozen like every plan type, and hashable: equal furniture, equal hashes."""
    one = prepare_letter(Source(data=letter(), origin="", row=2)).first
    two = prepare_letter(Source(data=letter(), origin="", row=3)).first
    assert one == two and hash(one) == hash(two)
    assert dict(one.extents).keys() == {"letterhead", "info block", "date line"}


def test_a_long_body_of_short_paragraphs_passes_and_a_long_paragraph_is_refused(
    tmp_path: Path,
) -> None:
    """Paragraphs are measured only in a body longer than a paragraph may be, and there each
    one is."""
    short = ("word " * 1999)[:9995]
    prepare_letter(Source(data=letter(body=short), origin="", row=2), context=RenderContext())
    long = "\n\n".join([short] * 3)
    prepare_letter(Source(data=letter(body=long), origin="", row=2), context=RenderContext())
    with pytest.raises(UserError) as raised:
        prepare_letter(
            Source(data=letter(body=f"{short}\n\n{short} more words"), origin="", row=2),
            context=RenderContext(),
        )
    assert raised.value.line() == (
        "row 2, body: the paragraph on line 3 has 10,006 characters; a paragraph may have at "
        "most 10,000; split it with blank lines into paragraphs"
    )


def test_each_letter_of_a_run_gets_the_envelope_it_names() -> None:
    """The layout fitted to an envelope is made once per run and envelope: letters naming
    different envelopes each get theirs, and an unknown one is refused at each row."""
    ctx = RenderContext()
    names = []
    for row, envelope in enumerate(("C6/5", "DL", "c6/5", None), start=2):
        data = letter(envelope=envelope) if envelope else letter()
        prep = prepare_letter(Source(data=data, origin="", row=row), context=ctx)
        alone = prepare_letter(Source(data=data, origin="", row=row), context=RenderContext())
        assert prep.layout == alone.layout and prep.address == alone.address
        names.append(prep.layout.envelope.name)
    assert names == ["C6/5", "DL", "C6/5", "DL"]
    for row in (6, 7):
        with pytest.raises(UserError) as raised:
            prepare_letter(Source(data=letter(envelope="C4"), origin="", row=row), context=ctx)
        assert raised.value.line() == (
            f"row {row}, envelope: the din5008-b layout has no envelope 'C4'; its envelopes: "
            "DL, C6/5"
        )


def test_a_styles_key_is_its_parts_hashed_once() -> None:
    """A batch's paragraphs are known by their styles' key: it equals and hashes as the
    plain tuple of its parts, also when copied or pickled (hashed anew, never carried)."""
    import copy
    import pickle

    from letterpress.letter.story import StyleKey

    ctx = RenderContext()
    prepared = [
        prepare_letter(Source(data=letter(), origin="", row=n), context=ctx) for n in range(2)
    ]
    keys = [p.styles.key for p in prepared]
    assert type(keys[0]) is StyleKey and keys[0] is keys[1]  # one Styles for the run
    parts = tuple(keys[0])
    assert len(parts) == 5 and keys[0] == parts and hash(keys[0]) == hash(parts)
    assert {parts: "seen"}[keys[0]] == "seen" and {keys[0]: "seen"}[parts] == "seen"
    for other in (copy.copy(keys[0]), copy.deepcopy(keys[0]), pickle.loads(pickle.dumps(keys[0]))):
        assert type(other) is StyleKey and other == parts and hash(other) == hash(parts)


def _alone(data: dict[str, Any], row: int) -> Any:
    """The letter prepared in a run of its own."""
    return prepare_letter(Source(data=data, origin="", row=row), context=RenderContext())


def test_a_run_of_letters_with_different_senders_gives_each_its_own() -> None:
    """The sender, parsed and resolved once per run, never passes from one letter to the
    next: letters with different senders (and return lines), in any order, come out as each
    does alone."""
    other = {
        "name": "Ada Berger",
        "street": "Hauptstraße 1",
        "postal_code": "80331",
        "city": "München",
        "country": "DE",
    }
    rows = [
        letter(),
        letter(sender=other),
        letter(return_line="Jonas Petersen, Hamburg"),
        letter(return_line=False),
        letter(sender={**other, "postal_code": 80331}),  # a number: parsed each time
        letter(),
        letter(sender=other),
    ]
    ctx = RenderContext()
    for row, data in enumerate(rows, start=2):
        prep = prepare_letter(Source(data=data, origin="", row=row), context=ctx)
        alone = _alone(data, row)
        assert prep.letter == alone.letter
        assert prep.first == alone.first  # letterhead, address field with its return line
        assert prep.notices == alone.notices
    assert prep.first.address.return_line is not None
    assert prep.first.address.return_line.text.startswith("Ada Berger")


def test_a_remembered_senders_notices_and_errors_name_each_letters_row() -> None:
    """A sender's notices are placed at every letter that shares it, and a sender that fails
    is refused at each row, also after the same sender's table passed once with other values."""
    sender = {
        "name": "Kim Lee",
        "street": "1600 Amphitheatre Pkwy",
        "postal_code": "94043",
        "city": "Mountain View",
        "region": "Narnia",
        "country": "US",
    }
    ctx = RenderContext()
    for row in (2, 3):
        prep = prepare_letter(Source(data=letter(sender=sender), origin="", row=row), context=ctx)
        unknown = [n for n in prep.notices if n.kind == "region-unknown"]
        assert [str(n.where) for n in unknown] == [f"row {row}, sender.region"]
        assert prep.notices == _alone(letter(sender=sender), row).notices
    bad = {**sender, "region": "CA", "postal_code": "9404"}
    for row in (4, 5):
        with pytest.raises(UserError) as raised:
            prepare_letter(Source(data=letter(sender=bad), origin="", row=row), context=ctx)
        assert str(raised.value.place) == f"row {row}, sender.postal_code"
    for row in (6, 7):
        with pytest.raises(UserError) as raised:
            prepare_letter(
                Source(data=letter(sender={**sender, "nmae": "x"}), origin="", row=row),
                context=ctx,
            )
        assert (
            raised.value.line()
            == f"row {row}, sender.nmae: unknown field 'nmae'; did you mean 'name'?"
        )
