"""ReportLab's line breaking of a paragraph of one fragment, with the words' widths remembered.

``Paragraph.breakLines`` measures every word of a paragraph each time it is set, through three
Python calls per word; a batch sets the same words in letter after letter. This is the same
loop over the same words (its branches for soft hyphens, bidirectional text and shaping left
to ReportLab: such a paragraph is not broken here), taking each word's width from a table of
the run; a line's last word is hyphenated as ReportLab does it, from the word's split points
measured once per run (:mod:`.hyphenate`), and long words are cut by ReportLab's own function.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    _handleBulletWidth,
    _processed_frags,
    _shy,
    _SHYStr,
    _SplitWord,
    _splitWord,
    _SplitWordH,
    hyphenationMinWordLength,
    split,
    strip,
)

from .hyphenate import Splits, hyphenate_word

_LIMIT = 50_000  # words per font and size before a table starts again


class WordWidths:
    """The widths of the words a run has set, per font and size (bounded), and of the split
    points of the words it hyphenated (``splits``, see :mod:`.hyphenate`)."""

    def __init__(self) -> None:
        self._tables: dict[tuple[str, float, str], dict[str, float]] = {}
        self.splits: Splits = {}

    def table(self, font_name: str, size: float, encoding: str) -> dict[str, float]:
        """The widths of words in ``font_name`` at ``size``, by word."""
        key = (font_name, size, encoding)
        table = self._tables.get(key)
        if table is None or len(table) > _LIMIT:
            table = self._tables[key] = {}
        return table


def _plain(para: Any) -> bool:
    """Whether ``para`` is broken here: one fragment of text (or of the words a split across
    pages left it), no soft hyphen, no bidirectional text or shaping, no dots, and a hyphenator
    that is a callable (or none)."""
    style = para.style
    frags = para.frags
    if len(frags) != 1 or style.wordWrap or style.shaping or style.endDots:
        return False
    frag = frags[0]
    if hasattr(frag, "cbDefn") or hasattr(frag, "backColor"):
        return False
    if hasattr(frag, "text"):
        if _processed_frags(frags) or _shy in frag.text or not strip(frag.text):
            return False
    elif not _plain_words(getattr(frag, "words", None)):
        return False
    hyphenator = getattr(style, "hyphenationLang", "")
    return not hyphenator or callable(hyphenator)


def _plain_words(words: Any) -> bool:
    """Whether ``words``, the words of a paragraph split across pages, are broken here as
    ReportLab breaks them: not all blank, none with a soft hyphen, no bidirectional text."""
    if type(words) is not list or not any(strip(w) for w in words):
        return False
    return not any(isinstance(w, _SHYStr) or _shy in w for w in words)


def break_plain(para: Any, width: Any, widths: WordWidths | None) -> Any:
    """The lines ``Paragraph.breakLines`` gives ``para`` (kind 0), or None when ``para`` is
    not a plain paragraph of one fragment (see :func:`_plain`)."""
    if not _plain(para):
        return None
    style = para.style
    para._width_max = 0
    maxWidths = width if isinstance(width, (tuple, list)) else [width]
    lines: list[tuple[float, list[str]]] = []
    para.height = lineno = 0
    maxlineno = len(maxWidths) - 1
    hyphenator = getattr(style, "hyphenationLang", "") or None
    uriWasteReduce = style.uriWasteReduce
    embeddedHyphenation = style.embeddedHyphenation
    hyphenation2 = embeddedHyphenation > 1
    splitLongWords = style.splitLongWords
    attemptHyphenation = hyphenator or uriWasteReduce or embeddedHyphenation
    hymwl = getattr(style, "hyphenationMinWordLength", hyphenationMinWordLength)
    para._splitLongWordCount = para._hyphenations = 0
    _handleBulletWidth(para.bulletText, style, maxWidths)
    maxWidth = maxWidths[0]
    f = para.frags[0]
    fontSize = f.fontSize
    fontName = f.fontName
    encoding = para.encoding
    ascent, descent = getAscentDescent(fontName, fontSize)
    text = getattr(f, "text", None)
    words: list[Any] = split(strip(text)) if text is not None else f.words[:]
    known = widths.table(fontName, fontSize, encoding) if widths is not None else {}
    splits: Splits = widths.splits if widths is not None else {}
    spaceWidth = stringWidth(" ", fontName, fontSize, encoding)
    dSpaceShrink = style.spaceShrinkage * spaceWidth
    cLine: list[Any] = []
    currentWidth = -spaceWidth
    forcedSplit = 0
    while words:
        word = words.pop(0)
        if not word and isinstance(word, _SplitWord):
            forcedSplit = 1
        wordWidth = known.get(word)
        if wordWidth is None:
            wordWidth = known[word] = stringWidth(word, fontName, fontSize, encoding)
        newWidth = currentWidth + spaceWidth + wordWidth
        limWidth = maxWidth + dSpaceShrink * len(cLine)
        if newWidth > limWidth and not (isinstance(word, _SplitWordH) or forcedSplit):
            if attemptHyphenation:
                hyOk = not getattr(f, "nobr", False)
                hsw = hyphenate_word(
                    splits,
                    hyphenator if hyOk else None,
                    fontName,
                    fontSize,
                    word,
                    wordWidth,
                    newWidth,
                    limWidth,
                    uriWasteReduce if hyOk else False,
                    embeddedHyphenation and hyOk,
                    hymwl,
                )
                if hsw:
                    words[0:0] = hsw
                    para._hyphenations += 1
                    forcedSplit = 1
                    continue
                elif hyphenation2 and len(cLine):
                    hsw = hyphenate_word(
                        splits,
                        hyphenator if hyOk else None,
                        fontName,
                        fontSize,
                        word,
                        wordWidth,
                        wordWidth,
                        maxWidth,
                        uriWasteReduce if hyOk else False,
                        embeddedHyphenation and hyOk,
                        hymwl,
                    )
                    if hsw:
                        words[0:0] = [word]
                        forcedSplit = 1
                        newWidth = currentWidth
                        word = None
            if splitLongWords and not (isinstance(word, _SplitWord) or forcedSplit):
                nmw = min(lineno, maxlineno)
                if wordWidth > max(maxWidths[nmw : nmw + 1]):
                    words[0:0] = _splitWord(
                        word,
                        currentWidth + spaceWidth,
                        maxWidths,
                        lineno,
                        fontName,
                        fontSize,
                        encoding,
                    )
                    para._splitLongWordCount += 1
                    forcedSplit = 1
                    continue
        if newWidth <= limWidth or not len(cLine) or forcedSplit:
            if word:
                cLine.append(word)
            if forcedSplit:
                forcedSplit = 0
                if newWidth > para._width_max:
                    para._width_max = newWidth
                lines.append((maxWidth - newWidth, cLine))
                cLine = []
                currentWidth = -spaceWidth
                lineno += 1
                maxWidth = maxWidths[min(maxlineno, lineno)]
            else:
                currentWidth = newWidth
        else:
            if currentWidth > para._width_max:
                para._width_max = currentWidth
            lines.append((maxWidth - currentWidth, cLine))
            cLine = [word]
            currentWidth = wordWidth
            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]
    if cLine != []:
        if currentWidth > para._width_max:
            para._width_max = currentWidth
        lines.append((maxWidth - currentWidth, cLine))
    return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=fontSize)
