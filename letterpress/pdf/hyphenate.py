"""ReportLab's hyphenation of a line's last word, each word's split points measured once per run.

``_hyphenateWord`` (ReportLab's ``platypus.paragraph``) takes a word that does not fit the
line, asks the hyphenator where it may be split, measures each first part and keeps the longest
that fits. What it finds and measures depends on the word alone; only the test against the room
left depends on the line. A batch sets the same words at the ends of lines of letter after
letter, so :func:`hyphenate_word` keeps each word's measured split points (``Splits``) and makes
only that test: the same split as ReportLab's, in the same order, with the same arithmetic.
Web addresses and bidirectional text are left to ReportLab.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    _hy_letters_pat,
    _hy_pfx_pat,
    _hy_sfx_pat,
    _hy_shy_letters_pat,
    _hy_shy_pat,
    _hyphenateWord,
    _SplitWordEnd,
    _SplitWordH,
    _SplitWordHY,
    _SplitWordLL,
    _uri_split_pairs,
    isBidiStr,
)

# A word's split points: (joiner, joiner's width, first part's width, first part, rest), in
# the order ReportLab tries them; ``None`` for a word ReportLab must look at itself.
Split = tuple[str, float, float, str, str]
Splits = dict[tuple[Any, ...], tuple[Split, ...] | None]

_LIMIT = 20_000  # words per run before the table starts again


def hyphenate_word(
    splits: Splits,
    hyphenator: Any,
    fontName: str,
    fontSize: float,
    w: str,
    ww: float,
    newWidth: float,
    maxWidth: float,
    uriWasteReduce: Any,
    embeddedHyphenation: Any,
    hymwl: int,
) -> list[Any] | None:
    """What ``_hyphenateWord`` returns for these arguments (the word split in two; an empty
    list for a word without width, None when no split fits), from the word's split points
    kept in ``splits``."""
    if ww == 0:
        return []
    key = (w, type(w), hyphenator, fontName, fontSize, uriWasteReduce, embeddedHyphenation, hymwl)
    if key in splits:
        found = splits[key]
    else:
        if len(splits) > _LIMIT:
            splits.clear()
        found = splits[key] = _measure(
            hyphenator, w, fontName, fontSize, embeddedHyphenation, hymwl
        )
    if found is None:
        return _hyphenateWord(
            hyphenator,
            fontName,
            fontSize,
            w,
            ww,
            newWidth,
            maxWidth,
            uriWasteReduce,
            embeddedHyphenation,
            hymwl,
        )
    w0 = newWidth - ww
    for jc, jclen, hw, h, t in found:
        if hw + w0 + jclen <= maxWidth:
            return [(_SplitWordHY if jc else _SplitWordH)(h + jc), _SplitWordEnd(t)]
    return None


def _measure(
    hyphenator: Any, s: str, fontName: str, fontSize: float, embeddedHyphenation: Any, hymwl: int
) -> tuple[Split, ...] | None:
    """The split points ``_hyGenPair`` tries for the word ``s``, measured, in its order; None
    for a word it treats as a web address (whether to split one depends on the line)."""
    if isBidiStr(s):
        return None
    # as _hyGenPair: a prefix or suffix match slices the word (a plain str from then on)
    m = _hy_pfx_pat.match(s)
    pfx = ""
    if m:
        pfx = m.group(0)
        s = s[len(pfx) :]
    if isinstance(s, _SplitWordLL) and s[-1] == "-":
        sfx, s = "-", s[:-1]
    else:
        m = _hy_sfx_pat.search(s)
        sfx = ""
        if m:
            sfx = m.group(0)
            s = s[: -len(sfx)]
    if len(s) < hymwl:
        return ()
    if _uri_split_pairs(s) is not None:
        return None
    found: list[Split] = []
    H = _hy_shy_pat.split(s)
    if hyphenator and (_hy_letters_pat.match(s) or (_hy_shy_letters_pat.match(s) and "" not in H)):
        hylen = stringWidth("-", fontName, fontSize)
        for h, t in hyphenator(s):
            h = pfx + h
            jc, jclen = ("-", hylen) if not _hy_shy_pat.match(h[-1]) else ("", 0)
            found.append((jc, jclen, stringWidth(h, fontName, fontSize), h, t + sfx))
    n = len(H)
    if n >= 3 and embeddedHyphenation and "" not in H and _hy_shy_letters_pat.match(s):
        for i in reversed(range(2, n, 2)):
            h = pfx + "".join(H[:i])
            found.append(("", 0, stringWidth(h, fontName, fontSize), h, "".join(H[i:]) + sfx))
    return tuple(found)
