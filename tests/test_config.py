"""The settings file: one table per feature, kept between runs, errors as one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from letterpress import config
from letterpress.errors import UserError


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LETTERPRESS_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def test_tables_are_kept_apart(folder: Path) -> None:
    assert config.load_config() == {}
    config.save_table("me", {"name": "Kim Berger", "language": "de"})
    config.save_table("printers", {"office": {"dx": 1.5, "dy": -0.8}})
    assert config.load_table("me") == {"name": "Kim Berger", "language": "de"}
    assert config.load_table("printers")["office"] == {"dx": 1.5, "dy": -0.8}
    assert (folder / "config.toml").is_file()


def test_a_broken_settings_file_is_one_clear_error(folder: Path) -> None:
    folder.mkdir()
    (folder / "config.toml").write_text("me = [", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        config.load_table("me")
    assert caught.value.line().startswith(f"{folder / 'config.toml'}: invalid TOML")
    assert caught.value.line().endswith("; fix or delete it")
