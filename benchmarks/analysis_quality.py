"""Quality of license analysis against the shared dev sets.

Measures (1) clause coverage: the share of labelled restriction items of
``clauses-dev.jsonl`` (records with categories) that come out of ``analyze`` as one clause
whose span covers the item, and how tight that clause is; (2) feature F1 against
``features-dev.json`` (feature ids per license), and how often the evidencing clause contains
the dev excerpt.

Run from the repository root:  .venv/bin/python benchmarks/analysis_quality.py [--shared DIR]
(``DIR`` defaults to ../shared, then /work/shared). ``--no-classify`` skips the classifier.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import textwrap
from pathlib import Path

from railkit.licensing.features import detect_features
from railkit.licensing.segment import Clause, segment


def _norm_map(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and, per character, its offset in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                chars.append(" ")
                where.append(i)
            space = True
        else:
            chars.append(ch)
            where.append(i)
            space = False
    return "".join(chars), where


def _norm(s: str) -> str:
    return " ".join(s.split())


def _shared(arg: str | None) -> Path:
    for cand in (arg, "../shared", "/work/shared"):
        if cand and Path(cand, "eval").is_dir():
            return Path(cand)
    sys.exit("shared folder not found (use --shared DIR)")


def rewrap(text: str, width: int) -> str:
    """Hard-wrap every long line at ``width`` columns, keeping its indentation."""
    out = []
    for line in text.splitlines():
        indent = line[: len(line) - len(line.lstrip())]
        if len(line) <= width:
            out.append(line)
            continue
        out.append(
            textwrap.fill(
                line.strip(),
                width,
                initial_indent=indent,
                subsequent_indent=indent + "   ",
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    return "\n".join(out) + "\n"


def as_html(text: str) -> str:
    """A plain HTML page: one escaped paragraph per line (markers stay as printed text)."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<!DOCTYPE html><html><head><title>x</title></head><body>\n{body}\n</body></html>"


def html_coverage(shared: Path) -> dict[str, float]:
    """Coverage when each license is given as HTML (judged on clause text)."""
    records = [json.loads(x) for x in (shared / "eval/clauses-dev.jsonl").open(encoding="utf-8")]
    items = [r for r in records if r["categories"]]
    texts: dict[str, list[str]] = {}
    covered = 0
    for rec in items:
        if rec["license"] not in texts:
            raw = (shared / "corpus/licenses" / f"{rec['license']}.txt").read_text("utf-8")
            texts[rec["license"]] = [c.text for c in segment(as_html(raw), "html")]
        item = _norm(rec["text"])
        covered += any(item in t for t in texts[rec["license"]])
    return {"items": len(items), "covered (clause text contains item)": covered / len(items)}


def coverage(shared: Path, verbose: bool, width: int = 0) -> dict[str, float]:
    records = [json.loads(x) for x in (shared / "eval/clauses-dev.jsonl").open(encoding="utf-8")]
    items = [r for r in records if r["categories"]]
    cache: dict[str, tuple[str, list[Clause]]] = {}
    covered = tight = missing_in_doc = 0
    ratios: list[float] = []
    for rec in items:
        if rec["license"] not in cache:
            text = (shared / "corpus/licenses" / f"{rec['license']}.txt").read_text("utf-8")
            if width:
                text = rewrap(text, width)
            cache[rec["license"]] = (text, segment(text))
        text, clauses = cache[rec["license"]]
        flat, where = _norm_map(text)
        item = _norm(rec["text"])
        at = flat.find(item)
        if at < 0:
            missing_in_doc += 1
            if verbose:
                print("  not in document:", rec["id"], item[:70])
            continue
        start, end = where[at], where[at + len(item) - 1] + 1
        hits = [c for c in clauses if c.start <= start and c.end >= end]
        if hits:
            best = min(hits, key=lambda c: c.end - c.start)
            covered += 1
            ratio = (best.end - best.start) / max(end - start, 1)
            ratios.append(ratio)
            tight += ratio <= 1.5
        elif verbose:
            print("  not covered:", rec["id"], rec["ref"], "|", item[:90])
    n = len(items)
    ratios.sort()
    return {
        "items": n,
        "covered": covered / n,
        "tight (clause <= 1.5x item)": tight / n,
        "median clause/item length": ratios[len(ratios) // 2] if ratios else 0.0,
        "items not found in corpus text": missing_in_doc,
    }


def features(shared: Path, verbose: bool) -> dict[str, float]:
    gold = json.loads((shared / "eval/features-dev.json").read_text("utf-8"))
    tp = fp = fn = 0
    contains = evidenced = 0
    for lic, expected in gold.items():
        text = (shared / "corpus/licenses" / f"{lic}.txt").read_text("utf-8")
        found = {f.id: f for f in detect_features(segment(text))}
        want = {e["id"]: e for e in expected}
        tp += len(found.keys() & want.keys())
        fp += len(found.keys() - want.keys())
        fn += len(want.keys() - found.keys())
        for fid in found.keys() & want.keys():
            evidenced += 1
            excerpt = _norm(want[fid]["excerpt"])
            clause = _norm(found[fid].text)
            contains += excerpt in clause or clause in excerpt
        if verbose:
            for fid in sorted(found.keys() - want.keys()):
                print(f"  FP {lic}: {fid} @ {found[fid].ref}: {found[fid].text[:90]}")
            for fid in sorted(want.keys() - found.keys()):
                print(f"  FN {lic}: {fid} @ {want[fid]['ref']}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": p,
        "recall": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "evidence clause contains excerpt (or vice versa)": contains / max(evidenced, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument(
        "--rewrap", type=int, nargs="*", default=[72], help="also measure on hard-wrapped text"
    )
    args = ap.parse_args()
    shared = _shared(args.shared)
    print("clause coverage:", json.dumps(coverage(shared, args.verbose), indent=1))
    print("clause coverage, licenses as HTML:", json.dumps(html_coverage(shared), indent=1))
    for width in args.rewrap:
        result = coverage(shared, args.verbose, width)
        print(f"clause coverage, text re-wrapped at {width} columns:", json.dumps(result, indent=1))
    print("features:", json.dumps(features(shared, args.verbose), indent=1))


if __name__ == "__main__":
    main()
