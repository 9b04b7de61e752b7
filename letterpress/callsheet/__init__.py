"""One-page phone-call cheat sheets from a letter file's ``[call]`` table (``letterpress call``).

The ``[call]`` table (everything optional except ``phone``)::

    [call]
    phone = "+49 89 1234567"     # required; national numbers use the recipient's country
    contact = "Ms Mei Lee"        # default: recipient.name (else recipient.organization)
    role = "Head of HR"           # default: recipient.department
    organization = "Nordlicht"    # default: recipient.organization
    timezone = "Europe/Berlin"    # the contact's IANA zone; default: guessed from the number
    caller_timezone = "Europe/Berlin"  # yours; default: $LETTERPRESS_TZ, your stored profile's,
                                       # your phone's or country's, else this computer's
    best_time = "09:00-11:00"     # the contact's local window (24-hour clock); also "9-11",
                                  # "mornings", "after 2pm", "2-4pm ET" (see besttime.py)
    call_on = 2026-11-26          # default: today
    interview_on = 2026-11-24     # default: [interview].date; used by the default texts
    position = "Data Analyst"     # the job; used by the default texts
    clarified = "how the role splits reporting and project work"  # used by the default points
    purpose = "..."               # one line
    opening = "..."               # what you say first, with the contact's name
    points = ["...", "..."]       # talking points, printed with tick boxes
    questions = ["...", "..."]    # questions to ask, printed with tick boxes
    feedback = "..."              # brief feedback on the interview process
    voicemail = "..."             # spoken length estimated at 150 words/minute; > 30 s warns
    closing = "..."
    [call.if_asked]               # or: if_asked = [{ question = "...", answer = "..." }]
    "What are your salary expectations?" = "..."

An absent text gets a default in the file's language (en, de, fr; others: English);
an empty text or list (``feedback = ""``, ``points = []``) leaves that part out.
"""

from __future__ import annotations

from .render import CallSheetResult, render_call_sheet

__all__ = ["CallSheetResult", "render_call_sheet"]
