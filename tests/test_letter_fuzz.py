"""Any text a user may type either renders or stops with a one-line UserError: never a
traceback; drawable text always renders and comes back out of the PDF."""

from __future__ import annotations

import io
import re

from conftest import letter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from letterpress.errors import UserError
from letterpress.letter import render_letter

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

# Anything, including control characters, emoji and unassigned code points.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x24F),
        st.characters(min_codepoint=0x370, max_codepoint=0x45F),
        st.sampled_from(list("<>&*-\n\t\"'/;=\u00a0\u2013\u2014\u1ec7\U0001f600")),
    ),
    max_size=120,
)

# Text a person really types in the scripts the bundled fonts cover, markup-like characters too.
DRAWABLE = "".join(
    [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        ".,;:!?'\"()<>&/=+-",
        "ÀÉÎÕÜßàçèéêëîïñöøüÿ",
        "ĀăĄćČďĐēĘěğĦīİıĶĹľŁńŇőŒřŚşŠţŦūŮűŲŸźŻž",
        "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
        "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяёЁіїєґ",
        "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐơƯư",
    ]
)
WORDS = st.text(alphabet=DRAWABLE, min_size=1, max_size=12)


def _phrase(max_words: int) -> st.SearchStrategy[str]:
    return st.lists(WORDS, min_size=1, max_size=max_words).map(" ".join)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("-", "")


@SETTINGS
@given(
    subject=HOSTILE,
    body=HOSTILE,
    name=HOSTILE,
    org=HOSTILE,
    street=HOSTILE,
    city=HOSTILE,
    note=HOSTILE,
    layout=st.sampled_from(["din5008-a", "uk-dl", "fr-right", "ch-left"]),
)
def test_arbitrary_text_renders_or_fails_cleanly(
    subject: str, body: str, name: str, org: str, street: str, city: str, note: str, layout: str
) -> None:
    data = letter(
        layout=layout,
        subject=subject,
        body=body,
        recipient__name=name,
        recipient__organization=org,
        recipient__street=street,
        recipient__city=city,
        recipient__notes=[note],
    )
    try:
        result = render_letter(data, None)
    except UserError as exc:
        assert exc.line() and "\n" not in exc.line(), exc.line()
        return
    assert result.pdf.startswith(b"%PDF") and result.pages >= 1


@SETTINGS
@given(
    subject=_phrase(8), paragraphs=st.lists(_phrase(60), min_size=1, max_size=6), name=_phrase(3)
)
def test_drawable_text_always_renders_and_round_trips(
    subject: str, paragraphs: list[str], name: str
) -> None:
    body = "\n\n".join(paragraphs)
    result = render_letter(
        letter(subject=subject, body=body, recipient__name=name, typography="as-typed"), None
    )  # quotes as typed
    text = _squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(result.pdf)).pages))
    assert _squash(subject) in text
    assert _squash(name) in text
    for paragraph in paragraphs:
        # emphasis markers are markup; everything else comes back as typed
        plain = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"\1", paragraph)
        assert _squash(plain)[:40] in text
