"""Any text a user may type either renders or stops with a UserError: never a traceback."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import letter
from letterpress.errors import UserError
from letterpress.letter import render_letter

# Printable text from the scripts letterpress supports, plus markup-ish and odd characters.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),
        st.characters(min_codepoint=0x370, max_codepoint=0x45F),
        st.sampled_from(list("<>&*-\n\t\"'/;=\u00a0\u2013\u2014\u1ec7\U0001F600")),
    ),
    max_size=120,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=TEXT, body=TEXT, name=TEXT, org=TEXT, street=TEXT, city=TEXT, note=TEXT,
       layout=st.sampled_from(["din5008-a", "din5008-b", "uk-dl", "fr-right", "ch-left"]))
def test_arbitrary_text_renders_or_fails_cleanly(subject: str, body: str, name: str, org: str,
                                                 street: str, city: str, note: str,
                                                 layout: str) -> None:
    data = letter(layout=layout, subject=subject, body=body, recipient__name=name,
                  recipient__organization=org, recipient__street=street,
                  recipient__city=city, recipient__notes=[note])
    try:
        result = render_letter(data, None)
    except UserError as exc:
        assert exc.line() and "\n" not in exc.line(), exc.line()
        return
    assert result.pdf.startswith(b"%PDF") and result.pages >= 1
