"""Follow-up advice (``letterpress advise``): email, letter or call, why, and what to do today.

Stages: ``followup`` loads the file (``interview`` validates its ``[interview]`` table),
``decide`` runs the rules (``calls`` finds the call day, ``calltable`` reads what the file's
``[call]`` table fixes of the call), ``report`` prints the result and ``artefacts`` prepares
the letter as ``letter`` does (the rules weigh no letter it refuses) and the call sheet as
``call`` does (no sheet it refuses is advised), and writes the letter, call sheet and ``.eml``
draft (``emaildraft``).
"""

from __future__ import annotations

from datetime import datetime

from .decide import CHANNELS, Advice, advise
from .followup import FollowUp, load_followup
from .interview import Contact, Interview, parse_interview

__all__ = [
    "CHANNELS",
    "Advice",
    "Contact",
    "FollowUp",
    "Interview",
    "advise",
    "advise_file",
    "load_followup",
    "parse_interview",
]


def advise_file(
    follow: FollowUp, now: datetime, language: str | None = None, *, envelope: str | None = None
) -> Advice:
    """The advice for a loaded follow-up file at ``now`` (naive local time), worded in
    ``language`` (default: the letter's); a letter is weighed only if ``letterpress letter``
    would print it (fitted to ``envelope``, one of its layout's envelopes)."""
    from .artefacts import prepare_followup_call, prepare_followup_letter

    return advise(
        follow.letter,
        follow.interview,
        now=now,
        where=follow.source.where,
        country=follow.country,
        mailing=follow.mailing,
        language=language,
        prepare=lambda: prepare_followup_letter(follow, now.date(), envelope),
        prepare_call=lambda call: prepare_followup_call(follow, call, now),
        call_table=follow.source.data.get("call"),
    )
