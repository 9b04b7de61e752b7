"""The public Python API is typed without ``Any``: its functions' parameters and results,
and the fields of what they return (issue 10: "no Any in public signatures")."""

from __future__ import annotations

import inspect
import re
import typing

import pytest
from msgspec.structs import fields

import letterpress
from letterpress.source import LetterInput

ANY = re.compile(r"\bAny\b")


@pytest.mark.parametrize("name", [n for n in letterpress.__all__ if n != "__version__"])
def test_public_functions_have_no_any(name: str) -> None:
    function = getattr(letterpress, name)
    annotations = inspect.get_annotations(function)
    assert "return" in annotations and len(annotations) > 1  # typed, not merely unannotated
    for parameter, annotation in annotations.items():
        assert not ANY.search(str(annotation)), f"{name}({parameter}: {annotation})"


def test_the_letter_input_type_has_no_any() -> None:
    assert typing.Any not in typing.get_args(LetterInput)
    assert "Any" not in repr(LetterInput)


@pytest.mark.parametrize(
    "result",
    [
        "letterpress.letter.result.LetterResult",
        "letterpress.callsheet.render.CallSheetResult",
        "letterpress.delivery.Estimate",
    ],
)
def test_what_they_return_has_no_any_field(result: str) -> None:
    module, _, cls_name = result.rpartition(".")
    cls = getattr(__import__(module, fromlist=[cls_name]), cls_name)
    found = fields(cls)  # types resolved, as a user's type checker sees them
    assert len(found) >= 3
    for field in found:
        assert not ANY.search(str(field.type)), f"{cls_name}.{field.name}: {field.type}"
