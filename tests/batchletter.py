"""The mail-merge template the batch tests fill in: a letter from a careers service to the
person of each row, in Hamburg, as TOML text."""

from __future__ import annotations


def batch_letter(
    body: str,
    *,
    subject: str,
    language: str = "en-GB",
    opening: str = "Hello,",
    name: str = "{{ row.name }}",
    postal_code: str = "20457",
    country: str = "DE",
    typography: str | None = None,
) -> str:
    """The template: ``body`` is the body's TOML value, quotes and all (``'"..."'``);
    ``name`` the recipient's (a row's by default); ``typography`` the line's value, if any."""
    typography_line = f'typography = "{typography}"\n' if typography else ""
    return f"""layout = "din5008-b"
language = "{language}"
{typography_line}date = 2026-11-26
subject = "{subject}"
opening = "{opening}"
body = {body}
closing = "Kind regards,"
[sender]
name = "Careers Service"
street = "Lindenallee 8"
postal_code = "22587"
city = "Hamburg"
country = "DE"
[recipient]
name = "{name}"
street = "Ring 2"
postal_code = "{postal_code}"
city = "Hamburg"
country = "{country}"
"""
