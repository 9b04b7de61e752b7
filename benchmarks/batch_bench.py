"""Benchmark of ``letterpress batch`` against a plain ReportLab script (no layout logic).

Generates 1,000- and 10,000-row CSVs (``--quick``: 100 and 200 rows), then times, in the same
run and on the same data:
  * ``letterpress batch TEMPLATE DATA -o merged.pdf`` (all cores unless --jobs), and
  * ``plain``: one canvas, the same Noto fonts and texts drawn at fixed positions with
    ``simpleSplit`` line breaking, no checks, no address logic, one process.
Prints letters/second, the ratio, peak memory (largest process, from getrusage of the
children) and bytes per extra letter in the merged file.

Each command runs ``--repeat`` times (default 5), alternating, and the fastest run counts:
on a shared machine the slower runs measure the neighbours. Before timing, one untimed run
lets Python write its bytecode caches and letterpress its hyphenation cache, as after a
user's first run (PYTHONDONTWRITEBYTECODE is removed from the children's environment).

    python benchmarks/batch_bench.py            # 1,000 and 10,000 rows
    python benchmarks/batch_bench.py --quick    # a smoke run
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "examples" / "batch" / "workshop.toml"
FIRST = ["Anna", "Jörg", "Chloé", "Liam", "Mei", "Noah", "Zoë", "Emil", "Sofia", "Ben"]
LAST = ["Schmidt", "Weiß", "Durand", "Byrne", "Lee", "Becker", "Brandt", "Okafor", "Novak"]
CITIES = [("01067", "Dresden"), ("40212", "Düsseldorf"), ("04109", "Leipzig"),
          ("20457", "Hamburg"), ("80331", "München"), ("50667", "Köln")]

# The plain script: the same letters drawn with bare ReportLab calls.
PLAIN = r'''
import csv, sys
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import simpleSplit
from letterpress.resources import data_dir
fonts = data_dir("fonts")
pdfmetrics.registerFont(TTFont("R", str(fonts / "NotoSans-Regular.ttf")))
pdfmetrics.registerFont(TTFont("B", str(fonts / "NotoSans-Bold.ttf")))
mm = 72 / 25.4
c = Canvas(sys.argv[2], pagesize=(210 * mm, 297 * mm), invariant=1)
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f, delimiter=";"):
        c.setFont("B", 13)
        c.drawRightString(190 * mm, 280 * mm, "Careers Service, Hanse University")
        c.setFont("R", 8.5); c.drawRightString(190 * mm, 275 * mm, "Lindenallee 8 · 22587 Hamburg")
        c.drawRightString(190 * mm, 271 * mm, "careers@example.org")
        c.setFont("R", 7)
        c.drawString(25 * mm, 245 * mm,
                     "Careers Service, Hanse University · Lindenallee 8 · 22587 Hamburg")
        c.setFont("R", 10)
        y = 235 * mm
        for line in (row["first_name"] + " " + row["last_name"], row["street"],
                     row["postcode"] + " " + row["city"].upper()):
            c.drawString(25 * mm, y, line); y -= 12
        c.drawString(125 * mm, 240 * mm, "Hamburg, 26 November 2026")
        c.setFont("B", 11)
        c.drawString(25 * mm, 190 * mm, "Your place at the CV workshop on " + row["workshop"])
        text = ["Dear " + row["first_name"] + ",",
                "Thank you for signing up for our CV workshop. Your place is confirmed for "
                + row["workshop"] + " at " + row["time"] + " in room " + row["room"] + ".",
                "Please bring a printed copy of your current CV and, if you have one, a job advert "
                "you would like to apply for. We will work on both together.",
                "If you cannot come after all, a short email is enough, so that someone else can "
                "take your place.", "Kind regards,", "", "Dana Okafor, Careers Service"]
        y = 180 * mm
        for para in text:
            for line in simpleSplit(para, "R", 11, 165 * mm):
                c.setFont("R", 11); c.drawString(25 * mm, y, line); y -= 14.5
            y -= 8
        for fold in (105, 210):
            c.line(3 * mm, (297 - fold) * mm, 8 * mm, (297 - fold) * mm)
        c.showPage()
c.save()
'''

MEASURE = r'''
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(f"{took} {peak} {done.returncode}")
if done.returncode:
    print(done.stderr[-2000:], file=sys.stderr)
'''


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["first_name", "last_name", "street", "postcode", "city", "country",
                      "workshop", "time", "room", "note"])
        for i in range(rows):
            code, city = rng.choice(CITIES)
            out.writerow([rng.choice(FIRST), rng.choice(LAST), f"Hauptstraße {i % 200 + 1}",
                          code, city, "", f"2026-12-{rng.randint(1, 18):02d}",
                          rng.choice(["10:00", "14:00"]), rng.choice(["B 204", "C 011"]), ""])


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the largest process of ``argv``."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True,
                          text=True, cwd=ROOT, env=ENV)
    took, peak, code = done.stdout.split()
    if int(code):
        raise SystemExit(f"failed: {' '.join(argv)}\n{done.stderr}")
    return float(took), int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 200 rows, a smoke run")
    parser.add_argument("--jobs", type=int, default=None, help="passed to letterpress batch")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command; best counts")
    args = parser.parse_args()
    sizes = [100, 200] if args.quick else [1000, 10000]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rows in sizes:
            data = folder / f"rows-{rows}.csv"
            make_csv(data, rows)
            merged, plain = folder / f"merged-{rows}.pdf", folder / f"plain-{rows}.pdf"
            batch = [sys.executable, "-m", "letterpress", "batch", str(TEMPLATE), str(data),
                     "-o", str(merged)]
            if args.jobs:
                batch += ["--jobs", str(args.jobs)]
            plain_cmd = [sys.executable, "-c", PLAIN, str(data), str(plain)]
            if rows == sizes[0]:  # untimed: bytecode and hyphenation caches, as for a user
                measure(batch)
                measure(plain_cmd)
            runs_batch, runs_plain = [], []
            for _ in range(max(1, args.repeat)):
                runs_batch.append(measure(batch))
                runs_plain.append(measure(plain_cmd))
            t_batch, m_batch = min(runs_batch)
            t_plain, m_plain = min(runs_plain)
            results.append({"rows": rows, "batch_s": t_batch, "plain_s": t_plain,
                            "batch_per_s": rows / t_batch, "plain_per_s": rows / t_plain,
                            "batch_peak_mib": m_batch, "plain_peak_mib": m_plain,
                            "batch_bytes": merged.stat().st_size,
                            "plain_bytes": plain.stat().st_size})
    print(f"letterpress batch vs plain ReportLab, {os.cpu_count()} cores, "
          f"jobs={args.jobs or 'all'}, best of {max(1, args.repeat)}")
    print(f"{'rows':>6} {'batch/s':>9} {'plain/s':>9} {'ratio':>6} {'batch MiB':>10} "
          f"{'plain MiB':>10} {'batch KiB':>10} {'plain KiB':>10}")
    for r in results:
        print(f"{r['rows']:>6} {r['batch_per_s']:>9.0f} {r['plain_per_s']:>9.0f} "
              f"{r['batch_per_s'] / r['plain_per_s']:>6.2f} {r['batch_peak_mib']:>10.1f} "
              f"{r['plain_peak_mib']:>10.1f} {r['batch_bytes'] / 1024:>10.0f} "
              f"{r['plain_bytes'] / 1024:>10.0f}")
    small, big = results[0], results[-1]
    extra = (big["batch_bytes"] - small["batch_bytes"]) / (big["rows"] - small["rows"])
    extra_plain = (big["plain_bytes"] - small["plain_bytes"]) / (big["rows"] - small["rows"])
    print(f"bytes per extra letter: batch {extra:.0f}, plain {extra_plain:.0f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "bytes_per_extra_letter":
                                               extra}, indent=1))


if __name__ == "__main__":
    main()
