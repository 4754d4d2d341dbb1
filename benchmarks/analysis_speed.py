"""Speed of license analysis (segmentation + classification + features).

Reports, on one CPU core:
- warm ``analyze()`` of a ~15 KB license (median of 30 runs) and its parts;
- scaling: the same text repeated 1x, 10x and 100x (time should grow linearly);
- a cold ``railkit license analyze FILE --format json`` process (median of 5);
- hostile inputs built to make regular expressions backtrack (each must finish quickly).

The license text is read from the installed ScanCode data (bigscience-open-rail-m), so the
benchmark needs no network and no shared folder.
Run from the repository root:  .venv/bin/python benchmarks/analysis_speed.py
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from railkit.licensing.analyze import analyze
from railkit.licensing.features import detect_features
from railkit.licensing.segment import segment


def _license_text(key: str = "bigscience-open-rail-m") -> str:
    spec = importlib.util.find_spec("licensedcode")
    assert spec is not None and spec.submodule_search_locations is not None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "licenses"
    raw = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
    return raw.split("\n---\n", 1)[1] if raw.startswith("---") else raw


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    text = _license_text()
    analyze(text)  # warm: imports, lexicon, caches
    print(f"license: bigscience-open-rail-m, {len(text.encode()) / 1024:.1f} KB")
    clauses = segment(text)
    print(f"  clauses: {len(clauses)}")
    print(f"  warm analyze, median of 30: {_median(lambda: analyze(text), 30) * 1000:.1f} ms")
    print(f"    segment:  {_median(lambda: segment(text), 30) * 1000:.1f} ms")
    print(f"    features: {_median(lambda: detect_features(clauses), 30) * 1000:.1f} ms")
    from railkit.licensing.classify import classify_many

    pairs = [(c.text, c.context) for c in clauses]
    print(f"    classify: {_median(lambda: classify_many(pairs), 30) * 1000:.1f} ms")

    print("scaling (text repeated):")
    base = None
    for factor in (1, 10, 100):
        big = "\n\n".join([text] * factor)
        seconds = _median(lambda big=big: analyze(big), 3 if factor < 100 else 1)
        base = base or seconds
        print(
            f"  {factor:>3}x ({len(big) / 1024:7.0f} KB): {seconds * 1000:8.1f} ms"
            f"  ({seconds / base:5.1f}x the 1x time)"
        )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "license.txt")
        path.write_text(text, encoding="utf-8")
        exe = Path(sys.executable).with_name("railkit")
        cmd = [str(exe), "license", "analyze", str(path), "--format", "json"]
        subprocess.run(cmd, check=True, capture_output=True)
        cold = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            cold.append(time.perf_counter() - start)
        print(
            f"cold 'railkit license analyze --format json', median of 5: "
            f"{statistics.median(cold):.2f} s"
        )

    hostile = {
        "100k '(a'": "(a" * 100_000,
        "500k spaces then dots": "x" + " " * 500_000 + "." * 500_000,
        "200k '1.' on one line": "1." * 200_000,
        "50k '(a) x;' inline": "(a) x; " * 50_000,
        "100k 'a. ' markers": "a. " * 100_000,
        "50k lines 'i.'": "\n".join(["i."] * 50_000),
        "cue words repeated": "restrict remotely output monthly active users " * 50_000,
        "nested html": "<ol><li>" * 20_000,
        "markdown brackets": "[" * 100_000 + "](" * 50_000,
    }
    print("hostile inputs (one run each):")
    for name, data in hostile.items():
        start = time.perf_counter()
        result = analyze(data)
        print(f"  {name:28} {time.perf_counter() - start:6.2f} s, {len(result.clauses)} clauses")


if __name__ == "__main__":
    main()
