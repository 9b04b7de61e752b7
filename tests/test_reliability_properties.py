"""Property tests (hypothesis): hostile TOML, CSV and templates never crash, never hang and
never leave a file under the final name when they fail (issue #20).

Each example runs the real command line in this process (``letterpress.cli.main``): an
exception escaping it is a traceback a user would see, and fails the test. Examples are
few and small, so each test stays within a few seconds."""

from __future__ import annotations

import gc
import re
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letterpress.cli import main

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = (ROOT / "tests" / "fixtures" / "batch" / "template.toml").read_text(encoding="utf-8")
EXAMPLE = (ROOT / "examples" / "thank-you.toml").read_text(encoding="utf-8")
FEW = settings(
    max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def _run(args: list[str], size: int) -> int:
    """Run the command line; check the exit code and that it took time in proportion to the
    input (never a hang)."""
    started = time.monotonic()
    try:
        code = main(args)
    finally:
        gc.enable()  # main() turns the collector off for one-document commands
    assert time.monotonic() - started < 20 + size / 5_000
    assert code in (0, 1, 2)
    return code


# TOML: the pieces a letter file is made of, and what goes wrong with them.
_TOML_PIECES = st.sampled_from(
    [
        "[sender]\n",
        "[recipient]\n",
        "[[x]]\n",
        "[a.b.c]\n",
        'name = "Mei Lee"\n',
        "name = ",
        '"',
        "'",
        '"""',
        "'''",
        "“",
        "”",
        "„",
        "=",
        "[",
        "]",
        "{",
        "}",
        ",",
        ".",
        "\n",
        "\t",
        " ",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\x00",
        "\x1b",
        "\ud7ff",
        "\uffff",
        "#",
        "27.11.2026",
        "2026-11-27",
        "2026-11-27T10:00",
        "10:00",
        "9" * 50,
        "1e999",
        "nan",
        "inf",
        "true",
        'subject = "',
        'body = """\n',
        "postal code = ",
        "\\",
        "\\u0000",
        "\\uD800",
        "é",
        "😀",
    ]
)


@FEW
@given(pieces=st.lists(_TOML_PIECES, max_size=60), prefix=st.booleans())
def test_hostile_toml(pieces: list[str], prefix: bool) -> None:
    text = (EXAMPLE if prefix else "") + "".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "letter.toml"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        out = Path(folder) / "out.pdf"
        code = _run(["letter", str(source), "-o", str(out)], len(text))
        if code == 0:
            assert out.read_bytes().startswith(b"%PDF-")
        else:
            assert not out.exists()
        assert not [p for p in Path(folder).iterdir() if p.name.endswith(".part")]
        _run(["check", str(source)], len(text))


_CELL = st.text(
    alphabet=st.sampled_from(
        list(",;\t|\"'\n\r x1é€\u00a0\ufeff\x1b\ufffdAZ09.-/") + ["\u202e", "😀", "ß", "İ"]
    ),
    max_size=12,
)


@FEW
@given(
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=8), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_hostile_csv(rows: list[list[str]], delimiter: str, encoding: str) -> None:
    header = delimiter.join(["first_name", "last_name", "street", "postcode", "city", "workshop"])
    text = header + "\n" + "\n".join(delimiter.join(row) for row in rows) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.toml"
        template.write_text(TEMPLATE, encoding="utf-8")
        data = Path(folder) / "data.csv"
        data.write_bytes(text.encode(encoding, errors="replace"))
        out = Path(folder) / "m.pdf"
        code = _run(["batch", str(template), str(data), "-o", str(out), "--jobs", "1"], len(text))
        if code == 2:
            assert not out.exists()
        assert not [p for p in Path(folder).iterdir() if p.name.endswith(".part")]


# Templates: Jinja2 pieces, including loops, recursion and growth.
_JINJA_PIECES = st.sampled_from(
    [
        "{{ row.first_name }}",
        "{{ row.workshop | long_date }}",
        "{{ row.workshop | date }}",
        '{{ row.workshop | date("%d.%m.%Y") }}',
        '{{ row.workshop | date("%9999Y") }}',
        "{% for i in range(100000) %}",
        "{% for c in row.city %}",
        "{% endfor %}",
        "{% if row.first_name %}",
        "{% else %}",
        "{% endif %}",
        "{{ 1 / 0 }}",
        "{{ 10 ** 1000 }}",
        '{{ "x" * 1000 }}',
        '{{ "x" * 10000000 }}',
        "{{ row.city ~ row.city }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{{ lipsum() }}",
        "{{ row }}",
        "{{ row.missing }}",
        '{{ row["first_name"] | center(100000000) }}',
        "{{ (1,2)|list }}",
        "{{ row.first_name.__class__ }}",
        "{{ cycler(1,2).next() }}",
        "{% set x = 1 %}",
        '{% set ns = namespace(v="ab") %}',
        "{% set ns.v = ns.v ~ ns.v %}",
        "{{ ns.v | length }}",
        '{{ "%5d" % 1 }}',
        '{{ "{:>9999999}".format(1) }}',
        "{{ 1e308 * 10 }}",
        "{{",
        "}}",
        "{%",
        "%}",
        "plain words ",
        "\n\n",
        "**bold** ",
        "*",
        "- item\n",
        "{{ row.postcode | number(2) }}",
        '{{ "9e999999" | money }}',
    ]
)


@FEW
@given(pieces=st.lists(_JINJA_PIECES, max_size=12))
def test_hostile_templates(pieces: list[str]) -> None:
    body = "".join(pieces).replace('"""', "")
    template_text = TEMPLATE.replace('body = """\n', 'body = """\n' + body + "\n")
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.toml"
        template.write_text(template_text, encoding="utf-8")
        data = ROOT / "tests" / "fixtures" / "batch" / "utf8-bom-comma.csv"
        out = Path(folder) / "out"
        code = _run(
            [
                "batch",
                str(template),
                str(data),
                "--out-dir",
                str(out),
                "--jobs",
                "1",
                "--name",
                "".join(pieces[:3]) or "row-{{ n }}",
            ],
            len(template_text) * 5,
        )
        if code == 2:
            assert not out.exists() or not [p for p in out.iterdir() if p.suffix == ".pdf"]
        if out.exists():
            assert not [p for p in out.iterdir() if p.name.endswith(".part")]


# Values: a letter whose fields hold anything JSON can (lone surrogates, NaN, huge numbers).
_VALUE = st.recursive(
    st.one_of(
        st.text(max_size=80),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.sampled_from(
            [
                "2026-11-27",
                "9999-12-31",
                "0001-01-01",
                "2026-11-27T10:00",
                "de-CH",
                "us-letter-10",
                "serif",
                "DE",
                "ZZ",
                "",
            ]
        ),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_FIELDS = st.sampled_from(
    [
        "interview.date",
        "interview.hr_contact",
        "interview.process",
        "email",
        "email.subject",
        "subject",
        "body",
        "opening",
        "closing",
        "date",
        "language",
        "layout",
        "place",
        "signature",
        "enclosures",
        "cc",
        "typeface",
        "return_line",
        "references",
        "sender",
        "recipient",
        "mailing",
        "call",
        "interview",
        "recipient.name",
        "recipient.postal_code",
        "recipient.country",
        "recipient.address_lines",
        "sender.country",
        "references.x",
        "mailing.posted",
        "call.phone",
        "call.best_time",
    ]
)


@FEW
@given(changes=st.dictionaries(_FIELDS, _VALUE, max_size=4))
def test_hostile_values(changes: dict[str, object]) -> None:
    import json

    from conftest import letter

    data = letter()
    for path, value in changes.items():
        *tables, key = path.split(".")
        target = data
        for table in tables:
            if not isinstance(target.get(table), dict):
                target[table] = {}
            target = target[table]
        target[key] = value
    text = json.dumps(data)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "letter.json"
        source.write_text(text, encoding="ascii")
        out = Path(folder) / "out.pdf"
        code = _run(["letter", str(source), "-o", str(out)], len(text))
        assert out.exists() == (code == 0)
        _run(["check", str(source)], len(text))
        if any(path.startswith("call") for path in changes):
            sheet = Path(folder) / "call.pdf"
            code = _run(["call", str(source), "-o", str(sheet)], len(text))
            assert sheet.exists() == (code == 0)
        if "interview" in changes:
            written = Path(folder) / "advice"
            code = _run(
                ["advise", str(source), "--now", "2026-12-22T16:00", "--write", str(written)],
                len(text),
            )
            assert code in (0, 2) and (
                code == 0 or not written.exists() or not list(written.iterdir())
            )
        envelope = Path(folder) / "envelope.pdf"
        code = _run(["envelope", str(source), "-o", str(envelope)], len(text))
        assert envelope.exists() == (code == 0)


# Layout files: any number of the bundled layout replaced by a hostile one (nan looped forever,
# inf was a traceback).
_LAYOUT = (ROOT / "layouts" / "din5008-b.toml").read_text(encoding="utf-8")
_LAYOUT_NUMBERS = [
    i for i, line in enumerate(_LAYOUT.splitlines()) if re.match(r"\w+ = -?[\d.]+(\s|$)", line)
]


@FEW
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(_LAYOUT_NUMBERS),
            st.sampled_from(["nan", "inf", "-inf", "-1.0", "0", "0.001", "1e308", "9999.0"]),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_hostile_layout_numbers(changes: list[tuple[int, str]]) -> None:
    lines = _LAYOUT.splitlines()
    for index, value in changes:
        key = lines[index].split("=")[0]
        lines[index] = f"{key}= {value}"
    with tempfile.TemporaryDirectory() as folder:
        layout = Path(folder) / "layout.toml"
        layout.write_text("\n".join(lines) + "\n", encoding="utf-8")
        letter = Path(folder) / "letter.toml"
        letter.write_text(
            EXAMPLE.replace('layout = "din5008-b"', f'layout = "{layout}"', 1), encoding="utf-8"
        )
        out = Path(folder) / "out.pdf"
        code = _run(["letter", str(letter), "-o", str(out)], 0)
        if code == 2:
            assert not out.exists()


@FEW
@given(
    rows=st.lists(st.lists(_CELL, min_size=0, max_size=6), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_hostile_label_rows(rows: list[list[str]], delimiter: str) -> None:
    header = delimiter.join(["name", "street", "postcode", "city", "country", "state"])
    text = header + "\n" + "\n".join(delimiter.join(row) for row in rows) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "people.csv"
        data.write_text(text, encoding="utf-8")
        out = Path(folder) / "labels.pdf"
        code = _run(["labels", str(data), "--sheet", "L7163", "-o", str(out)], len(text))
        if code == 2:
            assert not out.exists()
