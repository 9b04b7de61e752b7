"""The Delivery estimate page: carrier, from and to, posted when or arrive by when; the answer
with the public holidays on the way, as ``letterpress estimate`` gives it (``delivery.ask``)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from flask import Blueprint, g, render_template
from msgspec.structs import replace

from ..errors import UserError, Where
from . import common, messages
from .messages import Message

bp = Blueprint("delivery", __name__)
SLOTS = (
    "carrier",
    "service",
    "from",
    "to",
    "from_postcode",
    "to_postcode",
    "posted",
    "arrive_by",
    "cutoff",
    "mode",
)
# estimate's options as the page's controls (their labels in ``g.t.delivery``)
BOXES = {
    "--from": "from",
    "--to": "to",
    "--from-postcode": "from_postcode",
    "--to-postcode": "to_postcode",
    "--carrier": "carrier",
    "--service": "service",
    "--posted": "posted",
    "--arrive-by": "arrive_by",
    "--cutoff": "cutoff",
}
_PLACE = re.compile(r"[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?")


def place(text: str) -> str:
    """A country as typed: a code (``DE``, ``DE-BY``) as it is, a name ("Deutschland") as
    its code; anything else as typed, for the estimator to refuse with its message."""
    from ..countries import country_code

    text = text.strip()
    if not text or _PLACE.fullmatch(text):
        return text.upper()
    return country_code(text) or text


def carriers() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Carrier id, name and its services (id, name), for the pickers."""
    from ..delivery.data import load_carriers

    return [
        (c.id, c.name, [(s.id, s.name) for s in c.services.values()])
        for c in load_carriers().values()
    ]


def empty(form: dict[str, str], reverse: bool) -> None:
    """A box the estimate needs left empty, as an error at that box (``estimate``'s own
    message names its options and no box: "--to is required")."""
    for key in ("from", "to"):
        if not form.get(key, "").strip():
            raise UserError(
                "no country given",
                where=Where(field=key),
                hint="write its code or its name, e.g. DE or Deutschland",
            )
    if reverse and not form.get("arrive_by", "").strip():
        raise UserError(
            "no day given",
            where=Where(field="arrive_by"),
            hint="choose the day the letter must arrive by",
        )


@bp.get("/delivery")
def show() -> Any:
    """The form, from the stored sender's country."""
    values, _ = common.stored_sender()
    return common.page(
        "delivery.html",
        values={"from": values.get("sender.country", ""), "mode": "posted"},
        said={},
        carriers=carriers(),
        slots=SLOTS,
    )


@bp.post("/delivery/estimate")
def estimate() -> Any:
    """The estimate, or the refused value's line at its field."""
    from ..delivery.ask import Question, answer
    from ..delivery.text import describe_answer

    form = common.form_dict()
    reverse = form.get("mode") == "arrive_by"
    question = Question(
        origin=place(form.get("from", "")),
        destination=place(form.get("to", "")),
        carrier=form.get("carrier") or None,
        service=form.get("service") or None,
        origin_postcode=form.get("from_postcode", "").strip() or None,
        destination_postcode=form.get("to_postcode", "").strip() or None,
        posted=None if reverse else form.get("posted", "").strip() or "now",
        arrive_by=form.get("arrive_by", "").strip() or None if reverse else None,
        cutoff=form.get("cutoff", "").strip() or None,
    )
    said: list[Message] = []
    t = g.t["delivery"]
    now = datetime.now()
    try:
        empty(form, reverse)
        result = answer(question, now)
        said += messages.from_notices(result.notices, SLOTS)
    except UserError as exc:
        labels = {key: t[key] for key in BOXES.values()}
        slot = messages.slot_for(exc.place, SLOTS)
        said.append(Message("error", messages.at_box(exc, labels).line(), slot))
        result = None
    boxes = {option: t[key] for option, key in BOXES.items()}
    shown = {"--carrier": {c_id: name for c_id, name, _ in carriers()}}
    listed = f"{messages.box_name(t['carrier'])} lists the carriers letterpress knows"
    said = [
        replace(
            m,
            text=messages.in_page_terms(m.text, boxes, shown).replace(
                f"see {messages.CARRIERS}", listed
            ),
        )
        for m in said
    ]
    sentence = describe_answer(result, year=now.year) if result is not None else ""
    return render_template(
        "delivery_answer.html",
        result=result,
        sentence=sentence,
        said=messages.by_slot(said),
        slots=SLOTS,
    )
