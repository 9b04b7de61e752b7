"""Bundled TOML tables kept parsed in the cache folder: the same tables as tomllib reads,
read back from the cache while the file is unchanged, parsed again when it changes."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from letterpress import cachefiles
from letterpress.check.lists import _folder


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(folder))
    return folder


def test_a_bundled_table_reads_as_tomllib_reads_it_and_is_kept(cache: Path) -> None:
    path = Path(str(_folder() / "de.toml"))
    expected = tomllib.loads(path.read_text(encoding="utf-8"))
    assert cachefiles.toml(path) == expected  # parsed, then written
    (kept,) = cache.glob("toml-de-*.marshal")
    assert kept.stat().st_size > 1000
    assert cachefiles.toml(path) == expected  # read back


def test_a_changed_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text('greeting = "Hallo"\n', encoding="utf-8")
    assert cachefiles.toml(path) == {"greeting": "Hallo"}
    path.write_text('greeting = "Guten Tag"\n', encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a new size and time, as an edit gives
    assert cachefiles.toml(path) == {"greeting": "Guten Tag"}


def test_a_table_marshal_cannot_keep_is_parsed_every_time(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "dated.toml"
    path.write_text("day = 2026-12-01T10:00:00\n", encoding="utf-8")
    first = cachefiles.toml(path)
    assert cachefiles.toml(path) == first == tomllib.loads(path.read_text(encoding="utf-8"))
    assert not list(cache.glob("toml-dated-*"))


TABLE = {"apple": 1, "apricot": [2, 3], "banana": "b", "cherry": (4,), "a": 5, "": 6}


def test_a_grouped_table_kept_and_read_back_decodes_only_the_groups_looked_in(
    cache: Path,
) -> None:
    """A table kept in groups by first letters (as the country names and the hyphenation
    patterns are) gives every value back, decoding only the groups its lookups need; read
    whole it is the same table."""
    stamp = ["test", 1]
    cachefiles.write("grouped.marshal", stamp, cachefiles.grouped(TABLE, 2))
    table = cachefiles.Groups.kept(cachefiles.read("grouped.marshal", stamp))
    assert table is not None
    assert sorted(table.encoded) == ["", "a", "ap", "ba", "ch"]
    assert table.get("apple") == 1
    assert table.get("apricot") == [2, 3]  # the same group, decoded once
    assert table.get("apfel") is None  # in that group's range, not in the table
    assert table.get("zebra") is None  # no such group
    assert table.decoded == {"apple": 1, "apricot": [2, 3]}
    assert sorted(table.encoded) == ["", "a", "ba", "ch"]
    assert table.everything() == TABLE
    assert not table.encoded
    assert table.get("") == 6


@pytest.mark.parametrize("data", [None, [], [2, {}], ["2", {"a": b""}], [2, {"a": b""}, None]])
def test_what_is_not_a_grouped_table_is_not_read_as_one(data: object) -> None:
    assert cachefiles.Groups.kept(data) is None


def test_an_entry_is_made_once_kept_and_only_the_newest_stay(cache: Path) -> None:
    """A table of entries (the kept dates, the plural rules) makes a missing entry once,
    reads it back on the next look, drops the oldest beyond ``newest``, and makes again an
    entry of the wrong type or one kept under another stamp."""
    made: list[str] = []

    def make(key: str) -> str:
        made.append(key)
        return key.upper()

    stamp = ["test", 1]
    for key in ("a", "b", "c", "a", "b", "c"):
        assert (
            cachefiles.entry("entries.marshal", stamp, key, str, lambda k=key: make(k))
            == key.upper()
        )
    assert made == ["a", "b", "c"]
    for key in ("d", "e"):
        cachefiles.entry("entries.marshal", stamp, key, str, lambda k=key: make(k), newest=3)
    assert cachefiles.read("entries.marshal", stamp) == {"c": "C", "d": "D", "e": "E"}
    assert cachefiles.entry("entries.marshal", stamp, "e", int, lambda: 5) == 5  # wrong type
    assert cachefiles.entry("entries.marshal", ["test", 2], "c", str, lambda: make("c")) == "C"
    assert made == ["a", "b", "c", "d", "e", "c"]
