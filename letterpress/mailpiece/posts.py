"""Each post's rules for a plain envelope and for address labels, from
``envelopes/posts/*.toml``: where the address may go (the read area), what must stay clear,
where the return address goes, and the type sizes."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from msgspec import Struct

from ..errors import LayoutError, Where
from ..letter.layout import Rect
from ..resources import data_dir
from .data import edges_rect, number, read_toml, sources, table, text

FALLBACK = "generic"  # the file used for every country no post file names


class TypeSpec(Struct, frozen=True):
    """A block of lines: its preferred and smallest size and its leading (points, factor)."""

    size: float
    min_size: float
    leading: float


class Zones(Struct, frozen=True):
    """A post's zones as distances from the envelope's edges (kept raw: their rectangles
    depend on the envelope's size)."""

    read_area: dict[str, Any]
    clear: tuple[tuple[str, dict[str, Any]], ...]  # (name, edges)
    return_area: dict[str, Any]


class Post(Struct, frozen=True):
    """One post's envelope and label rules, read from its data file."""

    key: str
    name: str
    countries: tuple[str, ...]
    default_size: str
    uppercase: bool
    sources: tuple[str, ...]
    address: TypeSpec
    prefer_left: float  # the block's preferred left edge and top, fractions of width/height
    prefer_top: float
    zones: Zones
    return_side: str  # "front" or "back"
    return_type: TypeSpec
    return_gap: float  # mm kept between return address and delivery address
    label: TypeSpec
    label_clearance: float  # mm between the address and a label's edges
    path: Path

    def _at(self, field: str) -> Where:
        return Where(file=str(self.path), field=field)

    def read_area(self, width: float, height: float) -> Rect:
        """The rectangle the whole address must lie in, on a ``width`` x ``height`` piece."""
        return edges_rect(self.zones.read_area, self._at("read_area"), width, height)

    def clear_zones(self, width: float, height: float) -> list[tuple[str, Rect]]:
        """The named rectangles nothing may print in."""
        return [
            (name, edges_rect(edges, self._at("clear_zones"), width, height))
            for name, edges in self.zones.clear
        ]

    def return_area(self, width: float, height: float) -> Rect:
        """Where the return address goes (on the side ``return_side`` says)."""
        return edges_rect(self.zones.return_area, self._at("return_address"), width, height)


def _type(data: dict[str, Any], where: Where) -> TypeSpec:
    spec = TypeSpec(
        number(data, "size", where),
        number(data, "min_size", where),
        number(data, "leading", where, 1.2),
    )
    if spec.min_size > spec.size or spec.min_size <= 0:
        raise LayoutError("min_size must be positive and at most size", where=where)
    return spec


def parse_post(data: dict[str, Any], path: Path) -> Post:
    """A post's data file as a Post, every field checked."""
    where = Where(file=str(path))
    address = table(data, "address", where)
    back = table(data, "return_address", where)
    label = table(data, "label", where)
    clear = data.get("clear_zones", [])
    if not isinstance(clear, list) or not all(isinstance(z, dict) for z in clear):
        raise LayoutError("clear_zones must be a list of tables", where=where)
    side = text(back, "side", where.at("return_address"))
    if side not in ("front", "back"):
        raise LayoutError(
            f"side must be front or back, not {side!r}", where=where.at("return_address")
        )
    countries = data.get("countries", [])
    if not isinstance(countries, list):
        raise LayoutError("countries must be a list of ISO codes", where=where)
    return Post(
        key=path.stem,
        name=text(data, "name", where),
        countries=tuple(map(str, countries)),
        default_size=text(data, "default_size", where),
        uppercase=bool(data.get("uppercase", False)),
        sources=sources(data, where),
        address=_type(address, where.at("address")),
        prefer_left=number(address, "left", where.at("address")),
        prefer_top=number(address, "top", where.at("address")),
        zones=Zones(
            read_area=table(data, "read_area", where),
            clear=tuple((text(z, "name", where.at("clear_zones")), z) for z in clear),
            return_area=back,
        ),
        return_side=side,
        return_type=_type(back, where.at("return_address")),
        return_gap=number(back, "gap", where.at("return_address"), 0.0),
        label=_type(label, where.at("label")),
        label_clearance=number(label, "clearance", where.at("label")),
        path=path,
    )


@cache
def bundled_posts() -> tuple[Post, ...]:
    """Every bundled post, read once per process (the files ship with the package)."""
    folder = data_dir("envelopes") / "posts"
    return tuple(parse_post(read_toml(p), p) for p in sorted(folder.glob("*.toml")))


def post_for(country: str) -> Post:
    """The post that takes mail posted in ``country`` (the sender's), else the fallback."""
    posts = bundled_posts()
    for post in posts:
        if country.upper() in post.countries:
            return post
    return next(p for p in posts if p.key == FALLBACK)
