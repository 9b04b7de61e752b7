"""Hyphenation patterns are parsed once and read back from the cache folder, with the same
breaks as pyphen's own parse; a broken or unwritable cache never stops a letter."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pyphen
import pytest

from letterpress import cachefiles

WORDS = ["Informationsveranstaltung", "Bewerbungsgespräch", "opportunity", "hyphenation"]


def fresh(dictionary: str, folder: Path) -> list[list[tuple[str, str]]]:
    """Hyphenate WORDS in a new process whose cache folder is ``folder``."""
    code = (
        "import sys; from letterpress.language import hyphenation as h; "
        "s = h.hyphenator(sys.argv[1]); print([list(s(w)) for w in sys.argv[2:]]); "
        "import pyphen; assert not pyphen.hdcache"
    )  # pyphen's own module state untouched
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", code, dictionary, *WORDS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return eval(done.stdout)  # our own repr of lists of tuples of str


@pytest.mark.parametrize("dictionary", ["de_DE", "en_GB"])
def test_cached_patterns_break_words_as_pyphen_does(tmp_path: Path, dictionary: str) -> None:
    expected = [list(pyphen.Pyphen(lang=dictionary, left=3, right=3).iterate(w)) for w in WORDS]
    assert fresh(dictionary, tmp_path) == expected  # parsed, then written
    files = list(tmp_path.glob("hyphenation-*"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    assert fresh(dictionary, tmp_path) == expected  # read back


def test_a_stale_or_broken_cache_file_is_rebuilt(tmp_path: Path) -> None:
    expected = fresh("en_GB", tmp_path)
    (cache,) = tmp_path.glob("hyphenation-*")
    cache.write_bytes(b"not marshal data")
    assert fresh("en_GB", tmp_path) == expected
    assert cache.stat().st_size > 10_000  # rewritten


def test_an_unwritable_cache_folder_is_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would go")
    expected = [list(pyphen.Pyphen(lang="en_GB", left=3, right=3).iterate(w)) for w in WORDS]
    assert fresh("en_GB", blocker / "sub") == expected


def test_cache_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LETTERPRESS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cachefiles.cache_dir() == tmp_path / "letterpress"
    monkeypatch.setenv("LETTERPRESS_CACHE_DIR", str(tmp_path / "x"))
    assert cachefiles.cache_dir() == tmp_path / "x"


def test_patterns_read_in_groups_break_every_word_as_pyphen_does(tmp_path: Path) -> None:
    """A process that reads the kept patterns decodes only the groups its words need: each
    word, the first to need its groups or not, breaks as pyphen's own parse breaks it."""
    words = [
        *WORDS,
        "Bewerbung",
        "a",
        "Ärger",
        "straße",
        "UNTERNEHMENSBERATUNG",
        "Datenanalyse",
        "Vorstellungsgespräch",
        "x-y",
    ]
    expected = [list(pyphen.Pyphen(lang="de_DE", left=3, right=3).iterate(w)) for w in words]
    fresh("de_DE", tmp_path)  # parsed and kept
    code = (
        "import sys; from letterpress.language import hyphenation as h; "
        "s = h.hyphenator('de_DE'); out = [list(s(w)) for w in sys.argv[1:]]; "
        "print(out); print(len(h.patterns('de_DE').hyph.patterns))"
    )  # read back: only some of de_DE's patterns decoded
    env = {**os.environ, "LETTERPRESS_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code, *words], env=env, capture_output=True, text=True, check=True
    )
    broken, decoded = done.stdout.splitlines()
    assert eval(broken) == expected  # our own repr of lists of tuples of str
    assert 0 < int(decoded) < len(pyphen.HyphDict(pyphen.LANGUAGES["de_DE"]).patterns) / 2


def test_equal_pattern_values_are_kept_once_per_group(tmp_path: Path) -> None:
    """The German patterns' 66,441 values are 2,465 different ones: each group keeps
    one object per value (what marshal reads back as one), and the same patterns as
    pyphen's own parse."""
    fresh("de_DE", tmp_path)
    (cache,) = tmp_path.glob("hyphenation-*")
    _stamp, (_longest, (_width, groups)) = marshal.loads(cache.read_bytes())
    decoded = [marshal.loads(group) for group in groups.values()]
    values = [v for group in decoded for v in group.values()]
    shared = sum(len({id(v) for v in group.values()}) for group in decoded)
    assert len(values) > 60_000 and shared < len(values) / 3  # 15,431 objects
    parsed = pyphen.HyphDict(pyphen.LANGUAGES["de_DE"]).patterns
    assert {k: v for group in decoded for k, v in group.items()} == {
        k: (start, bytes(vs)) for k, (start, vs) in parsed.items()
    }
