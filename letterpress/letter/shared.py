"""Many letters in one document: the batch's way of drawing the same plans.

Each letter is planned by :mod:`.pages` as on its own, with paragraphs that recur across the
run's letters reused (laid out once); the plans are then painted by :mod:`.draw` onto one
shared canvas, where what several letters show (page 1's furniture, recurring paragraphs) is a
form XObject drawn once.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Hashable, Sequence

from msgspec.structs import replace
from reportlab.platypus import Flowable

from ..pdf.frame import Placed
from ..pdf.merge import Drawn, LoosePage
from ..pdf.pages import SharedPages
from ..pdf.paragraph import SettledParagraph
from .context import RenderContext
from .draw import draw_pdf, draw_shared
from .pages import plan_letter
from .plan import LetterPlan, PagePlan
from .resolve import Prepared
from .story import Styles


class _Reuse:
    """The paragraph maker of a run: a paragraph seen before in the run's context comes back
    as a copy that shares its broken lines, and is recorded so that it can become a form."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx
        # id of a reused copy -> the copy and what it shows; the copy is held for the run, as
        # one split across pages is dropped by its plan and its id given to the next object made
        self._copies: dict[int, tuple[Flowable, Hashable]] = {}

    def __call__(self, text: str, st: Styles, role: str, bullet: str | None) -> Flowable:
        key = (text, st.key, role, bullet)
        made: list[Flowable] = []

        def make() -> Flowable:
            made.append(
                SettledParagraph(
                    text, getattr(st, role), bulletText=bullet, widths=self.ctx.word_widths
                )
            )
            return made[0]

        original = self.ctx.paragraphs.get(key, make)  # one lookup: the key is long to hash
        if made:
            return original
        reused = copy.copy(original)
        self._copies[id(reused)] = (reused, key)
        return reused

    def key(self, flowable: Flowable) -> Hashable | None:
        """What ``flowable`` shows when it is a reused copy, else None."""
        found = self._copies.get(id(flowable))
        return found[1] if found is not None else None


def draw_letters(letters: Sequence[Prepared], ctx: RenderContext) -> Drawn:
    """Plan every letter, then draw them all on one canvas."""
    reuse = _Reuse(ctx)
    drawn = Drawn()
    plans: dict[int, LetterPlan] = {}
    for index, prep in enumerate(letters):  # all planned first: the counts decide the forms
        try:
            plans[index] = plan_letter(prep, reuse)
        except Exception as exc:  # noqa: BLE001 - reported for this letter, the others go on
            drawn.failed[index] = exc
    uses = Counter(
        key
        for plan in plans.values()
        for page in plan.pages
        for item in page.text
        if (key := reuse.key(item.flowable)) is not None
    )
    shared = {i: _with_forms(plan, reuse, uses) for i, plan in plans.items()}
    while shared:
        try:
            drawn.pdf, drawn.loose = _draw_together(shared)
            drawn.pages.update((i, len(plan.pages)) for i, plan in shared.items())
            break
        except _Failed as failed:  # the canvas is spoilt: start over without that letter
            drawn.failed[failed.index] = failed.error
            del shared[failed.index]
    return drawn


class _Failed(Exception):
    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


def _draw_together(plans: dict[int, LetterPlan]) -> tuple[bytes | None, list[LoosePage]]:
    first = next(iter(plans.values()))
    pages = SharedPages(first.day)
    for index, plan in plans.items():
        try:
            draw_shared(pages, plan)
        except Exception as exc:
            raise _Failed(index, exc) from exc
    try:
        return pages.finish()
    except Exception as exc:
        for index, plan in plans.items():
            try:
                draw_pdf(plan)
            except Exception as alone:
                raise _Failed(index, alone) from alone
        raise _Failed(first_index(plans), exc) from exc


def first_index(plans: dict[int, LetterPlan]) -> int:
    return next(iter(plans))


def _with_forms(plan: LetterPlan, reuse: _Reuse, uses: Counter[Hashable]) -> LetterPlan:
    """The plan with each reused paragraph that the run shows more than once marked to be
    drawn as a form."""

    def marked(page: PagePlan) -> PagePlan:
        text = []
        for item in page.text:
            key = reuse.key(item.flowable)
            if key is not None and uses[key] > 1:
                item = Placed(item.flowable, item.x, item.y, item.spare, key)
            text.append(item)
        return replace(page, text=tuple(text))

    return replace(plan, pages=tuple(marked(page) for page in plan.pages))
