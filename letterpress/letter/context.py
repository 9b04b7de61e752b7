"""What a run of letters may remember between letters, owned by whoever renders them.

A batch renders thousands of letters that share their sender, layout, wording and most of
their paragraphs; one ``RenderContext`` per run (per chunk of rows, in the batch) lets them share
the work. Every cache is bounded and keyed by value, and lives exactly as long as its owner: a
single ``letterpress letter`` makes a fresh one, so nothing leaks from one run into the next.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import Generic, TypeVar

from ..language import Language
from ..language.dates import kept_long_date
from ..language.hyphenation import Hyphenator, hyphenator
from ..pdf.linebreak import WordWidths
from .address import AddressRules
from .model import Party

V = TypeVar("V")
_MISSING = object()  # what a Memo holds for a key it has not made


class Memo(Generic[V]):
    """A bounded map from keys to values made on first use; the oldest entry goes first."""

    def __init__(self, limit: int) -> None:
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._limit = limit

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value for ``key``, made by ``make`` the first time."""
        value = self._items.get(key, _MISSING)  # no exception raised for a miss
        if value is _MISSING:
            value = self._items[key] = make()
            if len(self._items) > self._limit:
                self._items.popitem(last=False)
        return value  # type: ignore[return-value]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items


class RenderContext:
    """The caches of one run of letters (a single letter, or a chunk of a batch's rows)."""

    def __init__(self) -> None:
        self.address_rules = AddressRules()
        self.parties: Memo[Party] = Memo(16)  # the senders' tables, parsed
        self.senders: Memo[object] = Memo(16)  # the sender's side of a letter, resolved
        self.styles: Memo[object] = Memo(64)
        self.furniture: Memo[object] = Memo(256)  # letterheads and information blocks
        self.paragraphs: Memo[object] = Memo(4096)
        self.layouts: Memo[object] = Memo(16)  # by the name or path the letter gives
        self.word_widths = WordWidths()  # for breaking paragraphs into lines
        self._hyphenators: Memo[Hyphenator] = Memo(16)

    def long_date(self, language: Language, day: date) -> str:
        """The date written out in the language, once per run, taken from the dates kept in
        the cache folder (Babel's locale data is loaded only for a date not kept yet)."""
        text = self.furniture.get(
            ("long date", language.tag, day),
            lambda: kept_long_date(day, language.locale),
        )
        assert isinstance(text, str)
        return text

    def hyphenator(self, language: Language) -> Hyphenator | None:
        """The word splitter for the language's hyphenation dictionary, or None without one."""
        name = language.hyphenation
        if not name:
            return None
        return self._hyphenators.get(name, lambda: hyphenator(name))
