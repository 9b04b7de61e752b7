"""How long a voicemail script takes to say, at an even speaking pace."""

from __future__ import annotations

import math
import re

WORDS_PER_MINUTE = 150
LIMIT_SECONDS = 30
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def word_count(text: str) -> int:
    """Spoken words: runs of letters or digits (a phone number's groups count as words)."""
    return len(_WORD.findall(text))


def spoken_seconds(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Estimated speaking time in whole seconds, rounded up."""
    return math.ceil(word_count(text) * 60 / words_per_minute)


def too_long(seconds: int, limit: int = LIMIT_SECONDS) -> bool:
    """Whether a voicemail of ``seconds`` runs past the limit."""
    return seconds > limit
