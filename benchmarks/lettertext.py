"""The words of the benchmark letter, for the contenders that are not letterpress.

They are the words ``benchmarks/dank.toml`` makes letterpress print, so that Typst and the
plain ReportLab script set the same text (``tests/test_benchmark.py`` compares them).
"""

from __future__ import annotations

SENDER = "Hanse-Hochschule Hamburg"
SENDER_LINES = ("Lindenallee 8 · 22587 Hamburg", "career@hanse-hochschule.example")
RETURN_LINE = "Hanse-Hochschule Hamburg · Lindenallee 8 · 22587 Hamburg"
DATE_LABEL = "Datum"
DATE = "26. November 2026"
SUBJECT = "Ihr Stand auf dem Karrieretag am 12. November 2026"
SHARED_PARAGRAPHS = (
    "Mehr als 1.200 Studierende und Absolventinnen und Absolventen haben in diesem Jahr den "
    "Karrieretag besucht, so viele wie nie zuvor. Im Anhang unserer E-Mail finden Sie die "
    "Auswertung der Rückmeldebögen und die Fotos von Ihrem Stand zur freien Verwendung.",
    "Der nächste Karrieretag findet am 11. November 2027 statt. Wir würden uns sehr freuen, Sie "
    "wieder begrüßen zu dürfen, und reservieren Ihnen gern schon jetzt einen Stand.",
)
CLOSING = "Mit freundlichen Grüßen"
SIGNATURE = "Dana Okafor, Career Service"


def first_paragraph(company: str) -> str:
    """The paragraph that names the row's company."""
    return (
        f"herzlichen Dank, dass Sie {company} auf unserem Karrieretag vertreten haben. Viele "
        f"unserer Studierenden haben uns erzählt, wie offen und genau Sie ihre Fragen zum "
        f"Einstieg bei {company} beantwortet haben."
    )


def opening(row: dict[str, str]) -> str:
    """The salutation: "Sehr geehrte Frau Dr. Beer,"."""
    dear = "Sehr geehrte" if row["anrede"] == "Frau" else "Sehr geehrter"
    return " ".join(filter(None, (dear, row["anrede"], row["titel"], row["last_name"]))) + ","


def address_lines(row: dict[str, str]) -> tuple[str, ...]:
    """The recipient's address as letterpress sets it within Germany (DIN 5008)."""
    name = " ".join(
        filter(None, (row["anrede"], row["titel"], row["first_name"], row["last_name"]))
    )
    return (name, row["company"], row["street"], f"{row['postcode']} {row['city']}")
