"""Limits on the work one input may ask for: far above any real letter, data file or template,
so that a broken or hostile input is refused in seconds with one line instead of hanging,
exhausting memory or crashing. The README lists them (section "Limits")."""

from __future__ import annotations

KIB, MIB = 1 << 10, 1 << 20

# Files read from the user (letter, call or follow-up file; settings; a mail merge's CSV).
MAX_INPUT_BYTES = 1 * MIB  # a letter file is a few kilobytes
MAX_DATA_BYTES = 256 * MIB  # a CSV of a million addresses is about 100 MiB
MAX_NESTING = 32  # tables and lists inside each other (a letter needs 3)

# The letter's text: laid out in about a second per 30 pages; one paragraph is one block of
# text that breaks across pages as a whole.
MAX_BODY_CHARS = 100_000  # about 30 pages
MAX_PARAGRAPH_CHARS = 10_000  # about 3 pages of text without a blank line

# Mail-merge templates and --name patterns, per row (every field together).
TEMPLATE_OUTPUT_CHARS = 200_000  # what one row's templates may write
TEMPLATE_CPU_SECONDS = 1.0  # processor time one row's templates may take (a real
# template takes under a millisecond)
TEMPLATE_LOOP_STEPS = 100_000  # steps of loops, calls and look-ups per row
TEMPLATE_MAX_VALUE = 200_000  # length of a text or list made by *, or a filter's width
TEMPLATE_FORMAT_CHARS = 100  # a date filter's format

# A number in a layout file (millimetres or points): A0 paper is 1,189 mm long, so any larger
# number (or nan, inf) is a typing error that would send the layout arithmetic off the page.
MAX_LAYOUT_NUMBER = 10_000

# Dates: wide enough for any letter, narrow enough that no date arithmetic overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def size_text(limit: int) -> str:
    """A byte limit as people read it: ``1 MiB``, ``256 MiB``, ``64 KiB``."""
    if limit >= MIB and limit % MIB == 0:
        return f"{limit // MIB} MiB"
    if limit >= KIB and limit % KIB == 0:
        return f"{limit // KIB} KiB"
    return f"{limit} bytes"
