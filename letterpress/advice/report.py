"""The advice as plain text for the terminal and as JSON for scripts."""

from __future__ import annotations

from typing import Any

from .decide import Advice
from .wording import wording


def as_json(advice: Advice) -> dict[str, Any]:
    """``recommended``, ``reasons``, ``today``, ``later``, ``letter_arrives``, ``call_on``,
    ``send_by`` and the email's ``to``/``cc`` (when an email is recommended)."""
    est = advice.letter
    call = advice.call
    return {
        "recommended": list(advice.recommended),
        "reasons": list(advice.reasons),
        "today": list(advice.today),
        "later": list(advice.later),
        "send_by": advice.send_by.isoformat(timespec="minutes"),
        "letter_arrives": est.expected.isoformat() if est is not None else None,
        "letter_latest": est.latest.isoformat() if est is not None else None,
        "call_on": None
        if call is None
        else {
            "date": call.slot.day.isoformat(),
            "from": f"{call.slot.start:%H:%M}",
            "until": f"{call.slot.end:%H:%M}",
            "name": call.name,
            "phone": call.phone,
        },
        "email": None
        if not advice.email_to
        else {"to": [p.email for p in advice.email_to], "cc": [p.email for p in advice.email_cc]},
    }


def as_text(advice: Advice, language: str) -> str:
    """A few short blocks: recommended channels, why, what to do today, and later."""
    w = wording(language, year=advice.now.year)
    channels = ", ".join(w("channels", c) for c in advice.recommended) or "-"
    lines = [f"{w('headings', 'recommended')}: {channels}", "", f"{w('headings', 'why')}:"]
    lines += [f"  - {reason}" for reason in advice.reasons]
    lines += ["", f"{w('headings', 'today', day=w.day(advice.now.date()))}:"]
    lines += [f"  - {item}" for item in advice.today] or [f"  {w('headings', 'nothing_today')}"]
    if advice.later:
        lines += ["", f"{w('headings', 'later')}:"] + [f"  - {item}" for item in advice.later]
    return "\n".join(lines)


def wrote_line(path: object, language: str) -> str:
    """The line that names a file ``--write`` wrote, in the advice's language."""
    return wording(language)("headings", "wrote", path=path)
