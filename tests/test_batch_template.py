"""A row's fields are rendered in one Jinja2 pass, with the same results and the same
field-precise errors as rendering each field alone."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import letter

from letterpress.batch.template import _SEPARATOR, RowError, compile_template, render_row
from letterpress.source import Source


def template(**changes: str):
    fields = {
        "subject": "Your place on {{ row.day }}",
        "opening": "Dear {{ row.name }},",
        "body": "{% if row.note %}{{ row.note }}\n\n{% endif %}See you on {{ row.day }}.",
    }
    data = letter(**{**fields, **changes})
    data["recipient"]["name"] = "{{ row.name }}"
    return compile_template(Source(data=data, origin="t.toml", base_dir=Path(".")))


def rendered(tpl, values: dict[str, str], combined: bool = True) -> dict:
    if not combined:
        tpl = copy.copy(tpl)
        tpl.combined = None
    return render_row(tpl, values, {}, "row 2").data


ROW = {"name": "Mei Lee", "day": "3 December", "note": "Room B 204 has step-free access."}


def test_one_pass_gives_what_field_by_field_gives() -> None:
    tpl = template()
    assert tpl.combined is not None
    for values in (ROW, {**ROW, "note": ""}, {**ROW, "name": "{{ not a template }}"}):
        assert rendered(tpl, values) == rendered(tpl, values, combined=False)
    assert rendered(tpl, ROW)["recipient"]["name"] == "Mei Lee"


def test_a_value_holding_the_separator_still_lands_in_its_field() -> None:
    values = {**ROW, "name": f"Mei{_SEPARATOR}Lee"}
    data = rendered(template(), values)
    assert data["opening"] == f"Dear Mei{_SEPARATOR}Lee,"
    assert data["subject"] == "Your place on 3 December"


def test_a_set_in_one_field_stays_in_that_field() -> None:
    tpl = template(
        subject="{% set who = row.name %}For {{ who }}", closing="Kind regards, {{ who }}"
    )
    with pytest.raises(RowError) as caught:
        rendered(tpl, ROW)
    assert caught.value.field == "closing" and "who" in caught.value.what


def test_an_error_names_its_field_and_column() -> None:
    with pytest.raises(RowError) as caught:
        rendered(template(), {"name": "Mei Lee", "note": ""})
    assert caught.value.field == "subject" and caught.value.columns == ("day",)


def test_a_name_set_inside_an_if_and_used_in_a_nested_loop_is_the_templates_own() -> None:
    """Jinja counts a namespace set inside ``{% if %}`` as undeclared where a nested loop
    uses it; the template did set it, so it is not taken for a misspelt column."""
    body = (
        '{% if row.name %}{% set ns = namespace(n=0) %}{% for w in ["a", "b"] %}'
        "{% set ns.n = ns.n + 1 %}{% endfor %}Count {{ ns.n }}.{% endif %}"
    )
    tpl = template(body=body)
    assert tpl.free_names == {}
    assert "Count 2." in rendered(tpl, ROW)["body"]
    assert template(body="{{ undefined_name }}").free_names == {"undefined_name": "body"}


def test_a_row_read_by_item_gives_what_jinjas_attribute_lookup_gives() -> None:
    """The sandbox reads ``row.x`` straight as ``row["x"]`` only because a row has no
    attribute without an underscore: what Jinja2's lookup gives, values and failures alike."""
    from jinja2.exceptions import TemplateError

    from letterpress.batch.template import RowView, make_environment

    row = RowView({"name": "Mei Lee", "keys": "k", "items": "i"})
    assert [a for a in dir(row) if not a.startswith("_")] == []
    fast = make_environment(None)
    slow = make_environment(None)
    slow.item_types = frozenset()
    source = "{{ row.name }}|{{ row.keys }}|{{ row.items }}|{{ row.name.column }}"
    assert fast.from_string(source).render(row=row) == "Mei Lee|k|i|name"
    assert slow.from_string(source).render(row=row) == "Mei Lee|k|i|name"
    for source in ("{{ row.missing }}", "{{ row._values }}", "{{ row.__class__ }}"):
        failures = []
        for env in (fast, slow):
            with pytest.raises(TemplateError) as caught:
                env.from_string(source).render(row=row)
            failures.append((type(caught.value), str(caught.value)))
        assert failures[0] == failures[1]
    assert failures[0][1].startswith("access to attribute '__class__' of 'RowView' object")
