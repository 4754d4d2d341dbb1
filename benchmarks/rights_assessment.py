"""Quality and speed of the data-rights assessment on situations with expected mechanisms.

Runs the library directly (no subprocess, no PATH needed) over a scenarios file in the format
of ``shared/eval/scenarios-dev.json`` and prints recall of expected mechanisms, wrong offers
and the time per situation. Usage, from the repository root:

    .venv/bin/python benchmarks/rights_assessment.py [--scenarios ../shared/eval/scenarios-dev.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from railkit.kb import load_catalog
from railkit.rights.assess import assess
from railkit.rights.situation import situation_from_data

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "scenarios-dev.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.scenarios.is_file():
        print(f"no scenarios file at {args.scenarios}", file=sys.stderr)
        return 2
    cases = json.loads(args.scenarios.read_text(encoding="utf-8"))
    catalog = load_catalog()
    hit = total = wrong = 0
    started = time.perf_counter()
    for case in cases:
        result = assess(situation_from_data(case["situation"]), catalog)
        offered = {m.id for m in result.mechanisms if m.offered}
        missed = [m for m in case["expect_applicable"] if m not in offered]
        bad = [m for m in case["expect_not_applicable"] if m in offered]
        hit += len(case["expect_applicable"]) - len(missed)
        total += len(case["expect_applicable"])
        wrong += len(bad)
        if missed or bad:
            print(f"{case['id']}: missed {missed} wrongly offered {bad}")
    elapsed = time.perf_counter() - started
    recall = hit / total if total else 0.0
    per = 1000 * elapsed / max(len(cases), 1)
    print(
        f"recall {recall:.3f} wrong-offers {wrong} situations {len(cases)} ms/situation {per:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
