"""An installed wheel (not the checkout) finds its layouts and fonts and renders the example."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("letterpress-*.whl")
    return built


def test_wheel_carries_layouts_fonts_and_carriers(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "letterpress/_data/layouts/din5008-b.toml" in names
    assert "letterpress/_data/fonts/NotoSerif-BoldItalic.ttf" in names
    assert "letterpress/_data/fonts/OFL.txt" in names
    assert "letterpress/_data/carriers/regions/de-subdivisions.toml" in names
    assert "letterpress/letter/wording/de.toml" in names
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "letterpress").rglob("*.toml")}
    assert data <= set(names), sorted(data - set(names))  # every wording and rules file
    assert "letterpress/callsheet/text/de.toml" in names
    assert "letterpress/_data/envelopes/sizes.toml" in names
    assert "letterpress/_data/envelopes/posts/usps.toml" in names
    assert "letterpress/_data/label-sheets/avery-a4.toml" in names
    # the web page ships everything it shows: no asset comes from the internet
    for part in (
        "static/htmx.min.js",
        "static/htmx-LICENSE.txt",
        "static/style.css",
        "static/page.js",
        "templates/base.html",
        "templates/letter.html",
        "wording/de.toml",
    ):
        assert f"letterpress/web/{part}" in names, part


def test_installed_wheel_renders_the_example_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # unpack the wheel into the fresh environment (what pip install does, minus dependencies)
    import zipfile

    zipfile.ZipFile(wheel).extractall(purelib)
    # dependencies come from this test environment; its .pth files (the editable checkout) are
    # not processed from a path listed in another .pth, so the checkout stays invisible
    Path(purelib, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "thank-you.toml", work / "thank-you.toml")
    where = subprocess.run(
        [str(python), "-c", "import letterpress;print(letterpress.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(env_dir)), where
    proc = subprocess.run(
        [str(python), "-m", "letterpress", "letter", "thank-you.toml"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (work / "thank-you.pdf").stat().st_size > 10_000
    estimate = subprocess.run(
        [
            str(python),
            "-m",
            "letterpress",
            "estimate",
            "--from",
            "DE",
            "--to",
            "DE",
            "--to-postcode",
            "04275",
            "--posted",
            "2026-11-17T12:00",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert estimate.returncode == 0, estimate.stderr
    assert "Holidays of DE-SN (from the postcode 04275) are counted." in estimate.stdout
    shutil.copy(ROOT / "examples" / "call.toml", work / "call.toml")
    call = subprocess.run(
        [str(python), "-m", "letterpress", "call", "call.toml", "-o", "c.pdf"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert call.returncode == 0, call.stderr
    assert (work / "c.pdf").is_file()
    listing = subprocess.run(
        [str(python), "-m", "letterpress", "layouts"], cwd=work, capture_output=True, text=True
    )
    assert "us-letter-10" in listing.stdout
    envelope = subprocess.run(
        [
            str(python),
            "-m",
            "letterpress",
            "envelope",
            "thank-you.toml",
            "--size",
            "C5",
            "--png",
            "--dpi",
            "30",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert envelope.returncode == 0, envelope.stderr
    assert (work / "thank-you-envelope.png").is_file()
    shutil.copy(ROOT / "examples" / "labels.csv", work / "labels.csv")
    labels = subprocess.run(
        [
            str(python),
            "-m",
            "letterpress",
            "labels",
            "labels.csv",
            "--sheet",
            "5160",
            "-o",
            "labels.pdf",
            "--from",
            "DE",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert labels.returncode == 0, labels.stderr
    web = subprocess.run(
        [
            str(python),
            "-c",
            "from letterpress.web.app import create_app\n"
            "c = create_app().test_client()\n"
            "print(c.get('/').status_code, c.get('/merge').status_code,"
            " c.get('/static/htmx.min.js').status_code,"
            " len(c.get('/static/style.css').data) > 1000)",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert web.stdout.split() == ["200", "200", "200", "True"], web.stderr
