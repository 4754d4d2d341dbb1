"""Regression guard on the shared corpus (skipped when ../shared is absent).

The labelled restriction items of the dev set must come out as clauses whose spans cover
them; benchmarks/analysis_quality.py reports the full numbers.
"""

from __future__ import annotations

import json
from pathlib import Path

from railkit.licensing.segment import segment


def _covered(text: str, item: str) -> bool:
    flat_chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if flat_chars and flat_chars[-1] != " ":
                flat_chars.append(" ")
                where.append(i)
        else:
            flat_chars.append(ch)
            where.append(i)
    flat = "".join(flat_chars)
    at = flat.find(" ".join(item.split()))
    if at < 0:
        return False
    start, end = where[at], where[at + len(" ".join(item.split())) - 1] + 1
    return any(c.start <= start and c.end >= end for c in segment(text))


def test_dev_restriction_items_are_covered(shared: Path) -> None:
    lines = (shared / "eval" / "clauses-dev.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(x) for x in lines if x.strip()]
    items = [r for r in items if r["categories"]]
    texts: dict[str, str] = {}
    missed = []
    for rec in items:
        name = rec["license"]
        if name not in texts:
            texts[name] = (shared / "corpus" / "licenses" / f"{name}.txt").read_text("utf-8")
        if not _covered(texts[name], rec["text"]):
            missed.append(rec["id"])
    assert len(missed) <= 0.05 * len(items), missed
