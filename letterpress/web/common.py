"""What the pages share: the stored sender, the layouts to pick from, reading an uploaded
letter file, and rendering a page or the part of it a form updates."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Response, g, render_template, request
from msgspec import Struct
from werkzeug.datastructures import FileStorage

from ..errors import UserError, Where
from . import messages
from .formdata import PARTY
from .messages import Message
from .uploads import plain_name, private_folder, safe_stem, save, uploaded

# Letter languages offered (BCP 47); any other can be typed into the imported file.
LETTER_LANGUAGES = ("en", "en-GB", "en-US", "de", "de-AT", "de-CH", "fr", "fr-CH")
PROFILE = "me"  # the stored sender's table in the user's settings (letterpress.config)
# A hidden field: the opened file's name without its suffix, which the page's downloads take
# (thank-you.toml opened: thank-you.pdf, as `letterpress letter thank-you.toml` writes).
FILE_NAME = "file_name"
# A hidden field: the layout the opened file names when the page has no such layout (a
# layout file's path, a name misspelt); offered as a choice so that it can be kept.
LAYOUT_NAMED = "layout_named"


class LayoutChoice(Struct, frozen=True):
    """A bundled layout for the picker: its name and title, its envelope and window (mm)."""

    name: str
    title: str
    envelope: str
    width: float
    height: float
    window: tuple[float, float, float, float]  # x, y from the envelope's top-left, w, h


def layout_choices() -> list[LayoutChoice]:
    """Every bundled layout with the envelope it fits."""
    from ..letter.layout import available_layouts, load_layout

    out = []
    for name in available_layouts():
        layout = load_layout(name)
        env = layout.envelope
        top = env.height - env.window_bottom - env.window_height
        out.append(
            LayoutChoice(
                name,
                layout.title,
                env.name,
                env.width,
                env.height,
                (env.window_left, top, env.window_width, env.window_height),
            )
        )
    return out


def opened_layout(values: dict[str, str]) -> list[Message]:
    """A layout the page does not have (a layout file's path, a name misspelt), as an opened
    file or the stored settings name it in ``values``: the closest bundled one chosen
    instead (else the one the command line uses when none is named), the named one kept in
    ``LAYOUT_NAMED`` as a choice, and the warning that says so (``layout_said``)."""
    from ..letter.layout import DEFAULT_LAYOUT, available_layouts, is_layout_file

    named = values.get("layout", "")
    if not named or named in available_layouts():
        return []
    stem = Path(named.replace("\\", "/")).stem if is_layout_file(named) else named
    close = difflib.get_close_matches(stem.lower(), list(available_layouts()), n=1)
    values["layout"] = close[0] if close else DEFAULT_LAYOUT
    values[LAYOUT_NAMED] = named
    return layout_said(values)


def layout_said(form: Mapping[str, str]) -> list[Message]:
    """The warning, at the layout choice, that the layout named (``LAYOUT_NAMED``) is not the
    one the page uses, while another is chosen (chosen, the page says why it cannot use it)."""
    named, chosen = form.get(LAYOUT_NAMED, ""), form.get("layout", "")
    if not named or chosen == named:
        return []
    exc = UserError(
        f"layout {named!r} is not one the page can show",
        hint=f"the page uses the one chosen here ({chosen}); choose “{own_label(named)}” to "
        "keep it in the saved file",
    )
    return [Message("warning", exc.line(), "layout")]


def own_label(named: str) -> str:
    """The choice of the layout named (kept as it is), as the page shows it."""
    return str(g.t["letter"]["layout_own"]).replace("{name}", named)


def layout_list(values: Mapping[str, str]) -> list[tuple[str, str]]:
    """The layouts to choose from in a list: the bundled ones, and the opened file's own."""
    out = [(c.name, c.name) for c in layout_choices()]
    named = values.get(LAYOUT_NAMED, "")
    return out + [(named, own_label(named))] if named else out


def stored_sender() -> tuple[dict[str, str], Message | None]:
    """The stored profile as ``sender.*`` form values (and its language and layout), or an
    empty one with the reason when the settings cannot be read; no profile is no problem."""
    from ..config import load_table

    try:
        table = load_table(PROFILE)
    except UserError as exc:
        return {}, Message("warning", exc.line(), "sender.name")
    nested = table.get("sender")
    sender: dict[str, Any] = nested if isinstance(nested, dict) else table
    values = {f"sender.{k}": v for k, v in sender.items() if k in PARTY and isinstance(v, str)}
    for key in ("language", "layout"):
        if isinstance(table.get(key), str):
            values[key] = table[key]
    return values, None


def store_sender(form: Mapping[str, str]) -> Path:
    """Save the form's sender into the stored profile, keeping what else it holds, once it is
    checked and tidied as ``letterpress init --me`` checks it (a problem is a UserError at
    its field, and nothing is saved)."""
    from ..config import load_table, save_table
    from ..profile import checked

    given = {key: form.get(f"sender.{key}", "").strip() for key in PARTY}
    places = {key: Where(field=f"sender.{key}") for key in PARTY}
    sender = checked(
        {**given, "language": form.get("language", "").strip()},
        {**places, "language": Where(field="language")},
    )
    table = dict(load_table(PROFILE))
    nested = isinstance(table.get("sender"), dict)
    target = dict(table["sender"]) if nested else table
    for key in PARTY:
        value = sender.get(key)
        if value:
            target[key] = value
        else:
            target.pop(key, None)
    if nested:
        table["sender"] = target
    return save_table(PROFILE, table)


def read_letter_file(files: Mapping[str, FileStorage], field: str) -> dict[str, Any]:
    """An uploaded letter file (TOML or JSON) as the CLI reads it; errors at ``field``."""
    from ..source import load_source

    item = uploaded(files, field)
    if item is None:
        raise UserError(
            "no file chosen", where=Where(field=field), hint="choose the .toml file to import"
        )
    with private_folder() as folder:
        path = save(item, field, folder, "letter", (".toml", ".json"))
        try:
            return load_source(path).data
        except UserError as exc:
            name = Path(item.filename or "").name
            raise UserError(exc.what, where=Where(file=name, field=field), hint=exc.hint) from None


def more_box() -> str:
    """The label of the box of the file's other settings (TOML), in the page's language."""
    return str(g.t["letter"]["more"])


def not_opened(exc: UserError) -> Message:
    """A letter file that cannot be opened: its line under the file box, which it names as
    the page labels it (“the “Open a letter file” box”), not by the form's field name."""
    labels = {"import": g.t["letter"]["import_label"]}
    return Message("error", messages.at_box(exc, labels).line(), "import")


def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    """A whole page."""
    return render_template(template, **context), status


def opened_name(files: Mapping[str, FileStorage], values: dict[str, str]) -> None:
    """Keep the opened file's name (``FILE_NAME``) in ``values``, for the downloads."""
    item = uploaded(files, "import")
    if item is not None:
        values[FILE_NAME] = safe_stem(item, "")


def download_stem(form: Mapping[str, str], kind: str, who: tuple[str, ...]) -> str:
    """What a download is named, without its suffix: the opened file's name, else ``kind``
    and the first of the form's fields ``who`` filled in (``letter-Mei-Lee``), else
    ``kind``: letters to several people are not all ``letter.pdf``."""
    if form.get(FILE_NAME):
        return plain_name(form[FILE_NAME], kind)
    person = next((form[key] for key in who if form.get(key, "").strip()), "")
    named = plain_name(person, "")
    return f"{kind}-{named}" if named else kind


def download(body: bytes, name: str, mimetype: str) -> Response:
    """A file to save, named ``name`` (any alphabet: ``letter-Jörg-Weiß.pdf``, with a plain
    ASCII name for browsers that take no other, as Flask's ``send_file`` names them)."""
    from urllib.parse import quote

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    header = f'attachment; filename="{plain}"'
    if plain != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": header})


def untouched(form: dict[str, str], prefixes: tuple[str, ...]) -> bool:
    """Nothing typed yet in the boxes whose names start with ``prefixes`` (a page just opened,
    with only the stored sender filled in): its preview waits instead of marking the empty
    boxes as mistakes."""
    return not any(v.strip() for k, v in form.items() if k.startswith(prefixes))


def form_dict() -> dict[str, str]:
    """The posted form as plain texts (a checkbox left unticked is absent)."""
    return {key: request.form.get(key, "") for key in request.form}
