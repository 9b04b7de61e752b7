"""Speed benchmark (issue #13): letterpress against Typst and a plain ReportLab floor.

In one run, on the same realistic German data (``letterdata``: Faker de_DE, seeded; the
template is ``benchmarks/dank.toml``), alternating, best of ``--repeat`` runs after one untimed
run each (bytecode and hyphenation caches filled, as after a user's first run):

* ``letterpress batch dank.toml DATA.csv -o merged.pdf`` (all cores unless ``--jobs``), run as
  a user runs it: the installed ``letterpress`` command;
* Typst compiling the same letters as one document (``typst_letters``: same A4 page, the same
  bundled Noto fonts, sizes, words and positions), through the ``typst`` package in a new
  Python process, so that its start-up counts as letterpress's does (writing the .typ file,
  which holds the data, is not timed);
* the plain ReportLab floor (``plain_letters``): the same words at the same positions with
  bare canvas calls in one process;
* the same plain script split over as many processes as letterpress uses, each writing its
  part to its own file, not merged: what a ReportLab program on every core could reach;
* one letter, cold: ``letterpress letter examples/thank-you.toml`` against
  ``python -c "import reportlab.platypus"``.

It prints letters per second with the spread (fastest..slowest run), the ratios, peak memory
of the largest process, bytes per extra letter, whether ``--jobs 1`` and ``--jobs 2`` give
the same merged PDF, and each target of issue #13 with PASS or FAIL. Exit 0 when every
command ran, whatever the targets say.

    pip install -e '.[bench]'
    python benchmarks/speed.py                 # 1,000 and 10,000 rows, best of 5
    python benchmarks/speed.py --quick         # a smoke run: 100 and 300 rows, best of 2
    python benchmarks/speed.py --rows 2000 --repeat 3 --json figures.json --keep out/
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import letterdata
import plain_letters
import report
import timing
import typst_letters

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "dank.toml"
SINGLE = ROOT / "examples" / "thank-you.toml"
CONTENDERS = ("letterpress", "typst", "plain", "parts")


def letterpress_command() -> list[str]:
    """The installed ``letterpress`` command beside this Python, else ``python -m letterpress``."""
    script = Path(sys.executable).with_name("letterpress")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "letterpress"]


def fonts_dir() -> Path:
    """letterpress's bundled fonts, which Typst and the plain script use too."""
    from letterpress.resources import data_dir

    return data_dir("fonts")


def processes(jobs: int | None) -> int:
    """How many worker processes letterpress batch starts (one per core, or ``--jobs``;
    fewer only when the rows make fewer chunks, as in a ``--quick`` run): the split plain
    script uses as many."""
    return jobs or os.cpu_count() or 1


def merge_commands(
    data: Path, typ: Path, folder: Path, rows: int, jobs: int | None
) -> tuple[dict[str, list[str]], dict[str, list[Path]]]:
    """The contenders' commands for one data size, and the PDFs each writes."""
    outs = {name: [folder / f"{name}-{rows}.pdf"] for name in CONTENDERS}
    parts, split = processes(jobs), outs["parts"][0]  # the split script names its files after it
    outs["parts"] = [plain_letters.part_path(split, k) for k in range(parts)]
    batch = [
        *letterpress_command(),
        "batch",
        str(TEMPLATE),
        str(data),
        "-o",
        str(outs["letterpress"][0]),
    ]
    fonts = str(fonts_dir())
    plain = [sys.executable, str(HERE / "plain_letters.py")]
    commands = {
        "letterpress": batch + (["--jobs", str(jobs)] if jobs else []),
        "typst": [
            sys.executable,
            str(HERE / "typst_compile.py"),
            str(typ),
            str(outs["typst"][0]),
            fonts,
        ],
        "plain": [*plain, str(data), str(outs["plain"][0]), fonts],
        "parts": [*plain, str(data), str(split), fonts, str(parts)],
    }
    return commands, outs


def time_merges(sizes: list[int], folder: Path, repeat: int, jobs: int | None) -> list[dict]:
    """Every contender at every size: runs, peak memory, file sizes, data variety."""
    everyone = letterdata.letter_rows(max(sizes))
    results = []
    for rows in sizes:
        data, typ = folder / f"rows-{rows}.csv", folder / f"letters-{rows}.typ"
        letterdata.write_csv(data, everyone[:rows])
        typst_letters.write_typst(typ, everyone[:rows])
        commands, outs = merge_commands(data, typ, folder, rows, jobs)
        runs = timing.alternate(commands, repeat, ROOT, warm_up=rows == sizes[0])
        results.append(
            {
                "rows": rows,
                "data": letterdata.variety(everyone[:rows]),
                "contenders": {
                    name: {
                        "seconds": [r.seconds for r in runs[name]],
                        "peak_mib": [r.peak_mib for r in runs[name]],
                        "bytes": sum(out.stat().st_size for out in outs[name]),
                    }
                    for name in CONTENDERS
                },
            }
        )
    return results


def time_single(folder: Path, repeat: int, count: bool) -> dict:
    """One letter, a new process each time, against the import of ReportLab's platypus: four
    rounds per ``repeat`` (a run takes a fifth of a second, which a shared machine's load
    shifts by half), and with ``count`` each one's instructions (valgrind, when installed)."""
    commands = {
        "letterpress": [
            *letterpress_command(),
            "letter",
            str(SINGLE),
            "-o",
            str(folder / "single.pdf"),
        ],
        "import": [sys.executable, "-c", "import reportlab.platypus"],
    }
    runs = timing.alternate(commands, 4 * repeat, ROOT, warm_up=True)
    found: dict = {name: [r.seconds for r in runs[name]] for name in commands}
    found["instructions"] = None
    if count:
        counted = {name: timing.instructions(argv, ROOT) for name, argv in commands.items()}
        found["instructions"] = None if None in counted.values() else counted
    return found


def check_determinism(rows: int, folder: Path) -> dict:
    """Whether ``--jobs 1`` and ``--jobs 2`` write byte-identical merged PDFs."""
    outs = {jobs: folder / f"jobs{jobs}-{rows}.pdf" for jobs in (1, 2)}
    for jobs, out in outs.items():
        timing.measure(
            [
                *letterpress_command(),
                "batch",
                str(TEMPLATE),
                str(folder / f"rows-{rows}.csv"),
                "-o",
                str(out),
                "--jobs",
                str(jobs),
            ],
            ROOT,
        )
    return {"rows": rows, "identical": outs[1].read_bytes() == outs[2].read_bytes()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: 100 and 300 rows, best of 2"
    )
    parser.add_argument(
        "--rows", type=int, nargs="+", metavar="N", help="data sizes (default 1000 10000)"
    )
    parser.add_argument("--repeat", type=int, help="timed runs per command (default 5)")
    parser.add_argument("--jobs", type=int, help="passed to letterpress batch (default: all cores)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep the data, Typst source and PDFs in DIR"
    )
    args = parser.parse_args(argv)
    sizes = sorted(set(args.rows or ([100, 300] if args.quick else [1000, 10000])))
    repeat = max(1, args.repeat or (2 if args.quick else 5))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        figures = {
            "machine": report.machine(),
            "repeat": repeat,
            "jobs": args.jobs,
            "parts": processes(args.jobs),
            "merges": time_merges(sizes, folder, repeat, args.jobs),
            "single": time_single(folder, repeat, count=not args.quick),
            "determinism": check_determinism(sizes[-1], folder),
        }
    figures["targets"] = report.targets(figures)
    print(report.text(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
