"""The benchmark's figures as text, the targets of issue #13, and what machine ran them."""

from __future__ import annotations

import datetime
import os
import platform
import statistics
from importlib import metadata
from pathlib import Path

NAMES = {
    "letterpress": "letterpress",
    "typst": "Typst",
    "plain": "plain ReportLab",
    "parts": "plain, in parts",
}
RATIO_TARGETS = {1000: 2.5, 10000: 4.0}  # letterpress's letters/s over Typst's, at these rows
SINGLE_TARGET = 1.3  # one letter cold, over `python -c "import reportlab.platypus"`
PEAK_TARGET_MIB = 100.0
FLAT = 1.2  # "flat": the largest size's peak within 20 % of the smallest's
BYTES_TARGET = 2048  # per extra letter in the merged file


def machine() -> dict[str, str]:
    """Date, processor, cores, system and the versions that ran."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        models = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = models[0] if models else cpu
    versions = {}
    for package in ("letterpress", "typst", "reportlab", "Faker"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "?"
    return {
        "date": datetime.date.today().isoformat(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "system": platform.platform(),
        "python": platform.python_version(),
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def _ratio(numerators: list[float], denominators: list[float]) -> tuple[float, float, float]:
    """Best-run ratio, and the lowest and highest ratio of the alternating rounds."""
    rounds = [n / d for n, d in zip(numerators, denominators)]
    return min(numerators) / min(denominators), min(rounds), max(rounds)


def _median_ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median ratio of the alternating rounds: steadier under a shared machine's load than
    the ratio of the best runs (the target's measure), which one lucky run moves."""
    return statistics.median(n / d for n, d in zip(numerators, denominators))


def cold_line(single: dict) -> str:
    """The cold letter's ratio: of the best runs, the range over the rounds, their median."""
    best, lo, hi = _ratio(single["letterpress"], single["import"])
    median = _median_ratio(single["letterpress"], single["import"])
    return f"  ratio {best:.2f}x [{lo:.2f}..{hi:.2f} over the rounds, median {median:.2f}x]"


def speedups(merge: dict) -> dict[str, tuple[float, float, float]]:
    """letterpress's letters/s over Typst's, over the plain script's and over the split plain
    script's; and (``"parts/typst"``) the split plain script's over Typst's."""
    times = {name: merge["contenders"][name]["seconds"] for name in NAMES}
    found = {
        other: _ratio(times[other], times["letterpress"])
        for other in NAMES
        if other != "letterpress"
    }
    found["parts/typst"] = _ratio(times["typst"], times["parts"])
    return found


def bytes_per_letter(merges: list[dict], name: str) -> float | None:
    """Bytes one more letter adds to the merged file, from the smallest and largest size."""
    if len(merges) < 2:
        return None
    small, big = merges[0], merges[-1]
    grown = big["contenders"][name]["bytes"] - small["contenders"][name]["bytes"]
    return grown / (big["rows"] - small["rows"])


def _peak(merge: dict, name: str) -> float:
    """The highest peak of a contender's runs at one size."""
    return max(merge["contenders"][name]["peak_mib"])


def targets(figures: dict) -> list[dict]:
    """Each target of issue #13 with what was measured and whether it is met."""
    found = []
    for merge in figures["merges"]:
        goal = RATIO_TARGETS.get(merge["rows"])
        if goal is not None:
            best = speedups(merge)["typst"][0]
            found.append(
                {
                    "target": f"{merge['rows']:,} letters: letterpress >= {goal}x "
                    f"Typst's letters/s",
                    "measured": f"{best:.2f}x",
                    "pass": best >= goal,
                }
            )
    single = figures["single"]
    ratio = _ratio(single["letterpress"], single["import"])[0]
    found.append(
        {
            "target": f"one letter cold within {SINGLE_TARGET}x of `import reportlab.platypus`",
            "measured": f"{ratio:.2f}x",
            "pass": ratio <= SINGLE_TARGET,
        }
    )
    peaks = [_peak(merge, "letterpress") for merge in figures["merges"]]
    found.append(
        {
            "target": f"peak memory < {PEAK_TARGET_MIB:.0f} MiB (largest process)",
            "measured": f"{max(peaks):.0f} MiB",
            "pass": max(peaks) < PEAK_TARGET_MIB,
        }
    )
    if len(peaks) > 1:
        growth = peaks[-1] / peaks[0]
        found.append(
            {
                "target": f"peak memory flat ({figures['merges'][-1]['rows']:,} rows "
                f"within {FLAT - 1:.0%} of {figures['merges'][0]['rows']:,})",
                "measured": f"{peaks[0]:.0f} -> {peaks[-1]:.0f} MiB",
                "pass": growth <= FLAT,
            }
        )
    extra = bytes_per_letter(figures["merges"], "letterpress")
    if extra is not None:
        found.append(
            {
                "target": f"merged file < {BYTES_TARGET:,} bytes per extra letter",
                "measured": f"{extra:,.0f} bytes",
                "pass": extra < BYTES_TARGET,
            }
        )
    same = figures["determinism"]
    found.append(
        {
            "target": f"--jobs 1 and --jobs 2 byte-identical ({same['rows']:,} rows)",
            "measured": "identical" if same["identical"] else "differ",
            "pass": same["identical"],
        }
    )
    return found


def _rate(rows: int, seconds: list[float]) -> str:
    """Letters/s of the best run, best seconds, and the letters/s of the slowest run."""
    return (
        f"{rows / min(seconds):>7,.0f}/s {min(seconds):6.2f} s "
        f"[{rows / max(seconds):,.0f}..{rows / min(seconds):,.0f}]"
    )


def _merge_lines(figures: dict) -> list[str]:
    """The speed, ratio, memory and size tables of the mail merge."""
    merges = figures["merges"]
    lines = [
        "Mail merge into one PDF: letters/s and seconds of the best run "
        "[letters/s of the slowest..fastest run]",
        f"(plain, in parts: the plain script split over {figures.get('parts', '?')} processes, "
        "one file each, not merged)",
        (f"{'rows':>7}  " + "".join(f"{NAMES[n]:<33}" for n in NAMES)).rstrip(),
    ]
    for merge in merges:
        lines.append(
            f"{merge['rows']:>7,}  "
            + "".join(
                f"{_rate(merge['rows'], merge['contenders'][n]['seconds']):<33}" for n in NAMES
            ).rstrip()
        )
    lines += [
        "",
        "Ratios of letters/s, best runs [lowest..highest of the alternating rounds]",
        f"{'rows':>7}  {'letterpress/Typst':<24}{'letterpress/plain':<24}"
        f"{'plain in parts/Typst':<24}target",
    ]
    for merge in merges:
        ratios = speedups(merge)
        cells = "".join(
            f"{f'{b:.2f}x [{lo:.2f}..{hi:.2f}]':<24}"
            for b, lo, hi in (ratios["typst"], ratios["plain"], ratios["parts/typst"])
        )
        goal = RATIO_TARGETS.get(merge["rows"])
        verdict = (
            f">= {goal}x Typst: {'PASS' if ratios['typst'][0] >= goal else 'FAIL'}" if goal else "-"
        )
        lines.append(f"{merge['rows']:>7,}  {cells}{verdict}")
    lines += [
        "",
        "Peak memory of the largest process (MiB, highest run) and file size (KiB; the plain "
        "script in parts: its files together)",
        f"{'rows':>7}  {'MiB: letterpress':>16}{'Typst':>8}{'plain':>8}{'parts':>8}"
        f"  {'KiB: letterpress':>16}{'Typst':>8}{'plain':>8}{'parts':>8}",
    ]
    for merge in merges:
        peaks = [_peak(merge, n) for n in NAMES]
        sizes = [merge["contenders"][n]["bytes"] / 1024 for n in NAMES]
        lines.append(
            f"{merge['rows']:>7,}  {peaks[0]:>16.1f}"
            + "".join(f"{peak:>8.1f}" for peak in peaks[1:])
            + f"  {sizes[0]:>16,.0f}"
            + "".join(f"{size:>8,.0f}" for size in sizes[1:])
        )
    extras = {n: bytes_per_letter(merges, n) for n in NAMES}
    if extras["letterpress"] is not None:
        lines.append(
            "Bytes per extra letter: " + ", ".join(f"{NAMES[n]} {extras[n]:,.0f}" for n in NAMES)
        )
    return lines


def _instruction_line(counted: dict[str, int] | None) -> str:
    """The cold letter's and the import's instructions (valgrind), which the load does not
    change, or why there are none."""
    if not counted:
        return "  instructions: not counted (valgrind not installed, or a --quick run)"
    ratio = counted["letterpress"] / counted["import"]
    return (
        f"  instructions (valgrind, whatever the load): {counted['letterpress'] / 1e9:.3f} G "
        f"and {counted['import'] / 1e9:.3f} G, {ratio:.2f}x"
    )


def text(figures: dict) -> str:
    """Everything the run found, as the lines to print."""
    m = figures["machine"]
    lines = [
        f"letterpress speed benchmark (issue #13), {m['date']}",
        f"Machine: {m['cores']} cores, {m['cpu']}, {m['system']}, Python {m['python']}",
        f"Versions: {m['versions']}",
        f"Each command: best of {figures['repeat']} runs, the commands taking turns, after "
        f"one untimed run; letterpress batch with "
        f"{'--jobs ' + str(figures['jobs']) if figures['jobs'] else 'all cores'}",
        "Data: "
        + "; ".join(
            f"{mg['rows']:,} rows: {mg['data']['cities']} cities, "
            f"{mg['data']['companies']} companies"
            for mg in figures["merges"]
        ),
        "",
    ]
    lines += _merge_lines(figures)
    single, same = figures["single"], figures["determinism"]
    lines += [
        "",
        "One letter, cold (a new process each run): seconds, best [slowest]",
        f"  letterpress letter examples/thank-you.toml  {min(single['letterpress']):.3f} "
        f"[{max(single['letterpress']):.3f}]",
        f'  python -c "import reportlab.platypus"       {min(single["import"]):.3f} '
        f"[{max(single['import']):.3f}]",
        cold_line(single),
        _instruction_line(single.get("instructions")),
        "",
        f"Determinism: --jobs 1 and --jobs 2 at {same['rows']:,} rows: "
        f"{'OK, byte-identical' if same['identical'] else 'FAIL, the merged PDFs differ'}",
        "",
        "Targets (issue #13)",
    ]
    for found in figures["targets"]:
        lines.append(
            f"  {found['target']:<58} {found['measured']:>16}  "
            f"{'PASS' if found['pass'] else 'FAIL'}"
        )
    return "\n".join(lines)
