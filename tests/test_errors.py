"""Places in error messages: structured fields printed as the one-line text users read."""

from __future__ import annotations

import pytest
from conftest import letter

from letterpress.errors import UserError, Where
from letterpress.letter import prepare_letter
from letterpress.source import Source


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (Where(), ""),
        (Where(file="letter.toml"), "letter.toml"),
        (Where(file="letter.toml", field="recipient.name"), "letter.toml, recipient.name"),
        (Where(row=4, field="recipient.city"), "row 4, recipient.city"),
        (Where(file="data.csv", row=1), "data.csv, row 1"),
        (Where(row=5, column="postcode"), "row 5, column 'postcode'"),
        (Where(option="--posted"), "--posted"),
        (Where(command="estimate"), "estimate"),
    ],
)
def test_a_place_prints_as_before(where: Where, text: str) -> None:
    assert str(where) == text


def test_at_joins_field_paths_with_dots_and_list_items_counted_from_one() -> None:
    base = Where(file="f.toml")
    assert base.at("recipient").at("address_lines", 1) == Where(
        file="f.toml", field="recipient.address_lines[2]"
    )
    assert base.at("interview", "involved", 0, "email").field == "interview.involved[1].email"
    assert Where(row=3).at("sender", "name") == Where(row=3, field="sender.name")


def test_user_error_keeps_the_place_and_prints_one_line() -> None:
    err = UserError(
        "missing field", where=Where(file="f.toml", field="sender.name"), hint="give your name"
    )
    assert (err.place.file, err.place.field) == ("f.toml", "sender.name")
    assert err.where == "f.toml, sender.name"
    assert err.line() == "f.toml, sender.name: missing field; give your name"
    assert UserError("no place").line() == "no place"


def test_the_engine_names_file_or_row_and_field_as_fields() -> None:
    data = letter()
    data["recipient"]["postal_code"] = "ABC"
    with pytest.raises(UserError) as from_file:
        prepare_letter(Source(data=data, origin="letter.toml"))
    assert from_file.value.place == Where(file="letter.toml", field="recipient.postal_code")
    with pytest.raises(UserError) as from_row:
        prepare_letter(Source(data=data, origin="", row=7))
    assert from_row.value.place == Where(row=7, field="recipient.postal_code")
    assert from_row.value.line().startswith("row 7, recipient.postal_code: 'ABC' is not")
