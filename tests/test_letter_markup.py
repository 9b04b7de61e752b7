"""The body's markup: a text without any ``*`` skips the bold and italic scans, and comes out
exactly as the scans would make it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from letterpress.letter import markup
from letterpress.letter.markup import blocks, literal


def scanned_inline(text: str) -> str:
    """``inline`` as the scans make it (the fast path bypassed)."""
    out, pos = [], 0
    for match in markup._BOLD.finditer(text):
        out.append(markup._italic(text[pos : match.start()]))
        out.append(f"<b>{markup._italic(match.group(1))}</b>")
        pos = match.end()
    out.append(markup._italic(text[pos:]))
    return "".join(out)


def scanned_plain(text: str) -> str:
    return markup._ITALIC.sub(r"\1", markup._BOLD.sub(r"\1", text))


TEXT = st.text(alphabet=st.sampled_from(list("ab *&<>_\n\u202f\u2007é")), max_size=40)


@given(TEXT)
def test_inline_and_plain_are_what_the_scans_make(text: str) -> None:
    assert markup.inline(text) == scanned_inline(text)
    assert markup.plain(text) == scanned_plain(text)


def test_a_text_without_markers_is_escaped_only() -> None:
    text = "AT&T <Legal> zahlt 5\u202f% – ohne Sternchen"
    assert markup.inline(text) == "AT&amp;T &lt;Legal&gt; zahlt 5\u00a0% – ohne Sternchen"
    assert markup.plain(text) == text
    assert markup.inline("a **b** *c*") == "a <b>b</b> <i>c</i>"
    assert markup.plain("a **b** *c*") == "a b c"


def test_a_backslash_keeps_a_marker_literal() -> None:
    """``\\*`` prints a star, ``\\-`` at a line's start no bullet, ``\\\\`` one backslash; a
    backslash before anything else stays as typed."""
    parts = blocks("**bold** and \\*not italic\\* in C:\\temp\n\n\\- not a bullet \\\\*x*")
    assert [(b.markup, b.bullet, b.plain) for b in parts] == [
        ("<b>bold</b> and *not italic* in C:\\temp", False, "bold and *not italic* in C:\\temp"),
        ("- not a bullet \\<i>x</i>", False, "- not a bullet \\x"),
    ]


def test_literal_text_reads_back_as_typed() -> None:
    for text in ("**a** *b*", "- dash", "C:\\temp\\*", "Kolleg*innen", "• item"):
        assert blocks(f"Note: {literal(text)}")[0].plain == f"Note: {text}"
        assert blocks(literal(text))[0].bullet is False
    assert literal("one\r\n\r\ntwo\nthree") == "one two three"
