"""Envelope sizes from ``envelopes/sizes.toml``, found by name or alias whatever the case."""

from __future__ import annotations

from functools import cache

from msgspec import Struct

from ..errors import UserError, Where, choice_hint
from ..mailpiece.data import number, read_toml, sources, table, text
from ..resources import data_dir


class EnvelopeSize(Struct, frozen=True):
    """One envelope size, long side across (mm)."""

    name: str
    width: float
    height: float
    title: str
    aliases: tuple[str, ...] = ()


@cache
def bundled_sizes() -> tuple[EnvelopeSize, ...]:
    """Every bundled size, in the file's order, read once per process."""
    path = data_dir("envelopes") / "sizes.toml"
    data = read_toml(path)
    sources(data, Where(file=str(path)))
    out = []
    for name, spec in table(data, "sizes", Where(file=str(path))).items():
        where = Where(file=str(path), field=f"sizes.{name}")
        aliases = spec.get("aliases", [])
        out.append(
            EnvelopeSize(
                name,
                number(spec, "width", where),
                number(spec, "height", where),
                text(spec, "title", where),
                tuple(map(str, aliases)),
            )
        )
    return tuple(out)


def _key(name: str) -> str:
    return name.replace(" ", "").lower()


# Words people put before a size's name ("DIN C5", "US #10"), and after it ("#10 envelope").
_BEFORE = ("din", "iso", "us")
_AFTER = ("envelope", "envelopes", "kuvert", "umschlag", "enveloppe")


def find_size(name: str, where: Where = Where(option="--size")) -> EnvelopeSize:
    """The size called ``name`` (or one of its aliases, with "DIN", "US" or "envelope" around
    it if you like: ``DIN C5``, ``#10 envelope``); unknown names are an error with a
    suggestion."""
    sizes = bundled_sizes()
    by_key = {_key(alias): size for size in sizes for alias in (size.name, *size.aliases)}
    key = _key(name)
    bare = next((key[len(w) :] for w in _BEFORE if key.startswith(w) and key != w), key)
    bare = next((bare[: -len(w)] for w in _AFTER if bare.endswith(w) and bare != w), bare)
    found = by_key.get(key) or by_key.get(bare)
    if found is not None:
        return found
    raise UserError(
        f"unknown envelope size {name!r}",
        where=where,
        hint=choice_hint(name, [size.name for size in sizes], cutoff=0.5),
    )
