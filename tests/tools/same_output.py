"""Render a fixed set of documents with two versions of letterpress and compare their bytes.

For refactors that must not change output:

    python tests/tools/same_output.py            # this checkout against HEAD
    python tests/tools/same_output.py --ref main~3

The set: the bundled examples (letter, follow-up, call sheet), the thank-you letter on every
bundled layout, a letter long enough for three pages, and the bundled mail merge as one merged
PDF (with one and two jobs, and a 300-row version of it) and as one file per row. Each version runs
in its own interpreter with its own source tree first on the import path. Exit 0 when every file
is byte-identical, 1 otherwise (the differing files are listed).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = ("ch-left", "ch-right", "din5008-a", "din5008-b", "fr-right", "uk-dl", "us-letter-10")


def _inputs(folder: Path) -> list[tuple[str, list[str]]]:
    """The commands to run (output name, CLI arguments), inputs written into ``folder``."""
    ex = ROOT / "examples"
    letter = tomllib.loads((ex / "thank-you.toml").read_text(encoding="utf-8"))
    long_body = "\n\n".join([letter["body"]] * 6)
    text = (ex / "thank-you.toml").read_text(encoding="utf-8")
    start = text.index('body = """')
    end = text.index('"""', start + 10) + 3
    (folder / "long.toml").write_text(
        text[:start] + 'body = """\n' + long_body + '\n"""' + text[end:], encoding="utf-8"
    )
    rows = list(csv.reader((ex / "batch" / "workshop.csv").open(encoding="utf-8")))
    with (folder / "many.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0])
        for i in range(300):
            row = list(rows[1 + i % (len(rows) - 1)])
            row[0] = f"{row[0]}{i}"
            writer.writerow(row)
    runs = [
        ("thank-you.pdf", ["letter", str(ex / "thank-you.toml")]),
        ("follow-up.pdf", ["letter", str(ex / "follow-up.toml")]),
        ("call.pdf", ["call", str(ex / "call.toml")]),
        ("long.pdf", ["letter", str(folder / "long.toml")]),
    ]
    runs += [
        (f"thank-you-{name}.pdf", ["letter", str(ex / "thank-you.toml"), "--layout", name])
        for name in LAYOUTS
    ]
    tpl, data = str(ex / "batch" / "workshop.toml"), str(ex / "batch" / "workshop.csv")
    runs += [
        ("batch-j1.pdf", ["batch", tpl, data, "--jobs", "1"]),
        ("batch-j2.pdf", ["batch", tpl, data, "--jobs", "2"]),
        ("many-j1.pdf", ["batch", tpl, str(folder / "many.csv"), "--jobs", "1"]),
        ("many-j2.pdf", ["batch", tpl, str(folder / "many.csv"), "--jobs", "2"]),
        ("batch-dir", ["batch", tpl, data, "--jobs", "1"]),
    ]
    return runs


def _render(tree: Path, folder: Path, out: Path) -> dict[str, str]:
    """Run every command with the letterpress of ``tree``; file name -> SHA-256."""
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tree), "LETTERPRESS_CACHE_DIR": str(folder / "cache")}
    hashes = {}
    for name, args in _inputs(folder):
        target = out / name
        where = ["--out-dir", str(target)] if name.endswith("-dir") else ["-o", str(target)]
        done = subprocess.run(
            [sys.executable, "-m", "letterpress", *args, *where],
            env=env,
            capture_output=True,
            text=True,
            cwd=folder,
        )
        if done.returncode not in (0, 1):
            hashes[name] = f"failed: {done.stderr.strip().splitlines()[-1:]}"
            continue
        files = sorted(target.rglob("*.pdf")) if target.is_dir() else [target]
        for path in files:
            hashes[str(path.relative_to(out))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="HEAD", help="the git revision to compare against")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        old_tree = work / "old"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(old_tree), args.ref],
            check=True,
        )
        try:
            inputs = work / "inputs"
            inputs.mkdir()
            old = _render(old_tree, inputs, work / "out-old")
            new = _render(ROOT, inputs, work / "out-new")
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=True
            )
    differ = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differ:
        before, after = old.get(name, "missing")[:16], new.get(name, "missing")[:16]
        print(f"differs: {name}: {before} -> {after}")
    print(
        f"{len(old.keys() | new.keys()) - len(differ)} of {len(old.keys() | new.keys())} "
        "files byte-identical"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
