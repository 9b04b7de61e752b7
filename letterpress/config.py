"""The user's own settings, kept between runs in the user's config folder.

One TOML file, ``config.toml``, in ``$LETTERPRESS_CONFIG_DIR`` if set, else the platform's
config folder for letterpress (platformdirs: ``~/.config/letterpress`` on Linux,
``~/Library/Application Support/letterpress`` on macOS, ``%LOCALAPPDATA%\\letterpress`` on
Windows). Each feature owns one table of it (``[me]``: the stored sender; ``[printers]``:
calibration offsets); a feature reads and replaces only its own table.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import UserError, Where
from .source import parse_toml, read_text

FILE_NAME = "config.toml"


def config_path() -> Path:
    """Where the settings live (the file need not exist)."""
    explicit = os.environ.get("LETTERPRESS_CONFIG_DIR")
    if explicit:
        return Path(explicit) / FILE_NAME
    import platformdirs  # loaded only when the platform's folder is asked for

    folder = platformdirs.user_config_path("letterpress")
    return folder / FILE_NAME


def load_config() -> dict[str, Any]:
    """Every table of the settings file; empty when there is none yet."""
    path = config_path()
    if not path.exists():
        return {}
    text = read_text(path, what="settings file", hint="fix or delete it")
    return parse_toml(
        text,
        Where(file=str(path)),
        hint="fix or delete it",
        label="invalid TOML in the settings file",
    )


def load_table(name: str) -> dict[str, Any]:
    """One table of the settings (``me``, ``printers``...), empty when absent."""
    table = load_config().get(name, {})
    return table if isinstance(table, dict) else {}


def save_table(name: str, values: dict[str, Any]) -> Path:
    """Replace one table of the settings, keeping the others; written atomically."""
    import tomli_w  # only when storing: every run reads the settings, few write them

    from .output import write_bytes_atomic

    data = load_config()
    data[name] = values
    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"cannot create the settings folder ({exc.strerror})",
            where=Where(file=str(path.parent)),
        ) from None
    return write_bytes_atomic(path, tomli_w.dumps(data).encode("utf-8"))
