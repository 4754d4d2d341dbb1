"""Quality of the clause classifier on a labelled JSON Lines set (default: the shared dev set).

Usage: .venv/bin/python benchmarks/classify_quality.py [LABELS.jsonl] [--show N] [--by-license]
       [--speed]

Held-out sets of real clauses (benchmarks/data/heldout-real*.jsonl) store no license text: each
row names a ScanCode license key and character offsets, and the text is read from the installed
scancode-toolkit-mini package at run time.

Prints per-category precision/recall/F1, mistakes, and the scorer's summary line
(micro-F1, macro-F1, empty-accuracy), computed the same way as shared/eval/score_clauses.py.
With --by-license it also prints a leave-one-license-out table: the classifier has no
parameters fitted to the set, so each held-out fold scores exactly as in-sample; the table
shows how the score varies across licenses. With --speed it times warm classification
(median of 5 passes over the set, after one warm-up pass) and a cold process that imports
the classifier and labels one clause.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from railkit.licensing.classify import classify

LICENSES = "data/licenses"

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "clauses-dev.jsonl"


def score(
    gold: list[dict[str, object]], pred: dict[str, set[str]]
) -> tuple[float, float, float, dict[str, tuple[float, float, float, int]]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    empty_ok = 0
    for g in gold:
        gs, ps = set(g["categories"]), pred[str(g["id"])]  # type: ignore[arg-type]
        for c in gs & ps:
            tp[c] += 1
        for c in ps - gs:
            fp[c] += 1
        for c in gs - ps:
            fn[c] += 1
        empty_ok += (not gs) == (not ps)
    table = {}
    f1s = []
    for c in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if tp[c] + fn[c]:
            f1s.append(f)
        table[c] = (p, r, f, tp[c] + fn[c])
    t, fpn, fnn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = 2 * t / (2 * t + fpn + fnn) if t else 0.0
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    return micro, macro, empty_ok / len(gold), table


def with_text(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Fill in ``text`` for rows that reference a ScanCode license text by offsets.

    Such rows carry ``scancode`` (a license key), ``start``/``end`` (character offsets into
    the installed ``<key>.LICENSE`` file) and ``sha1`` (first 12 hex digits of the span with
    whitespace normalised), so no license text is stored in this repository.
    """
    if not any("scancode" in r for r in rows):
        return rows
    import hashlib
    import importlib.util

    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("scancode-toolkit-mini is not installed: no license texts")
    folder = Path(next(iter(spec.submodule_search_locations))) / LICENSES
    texts: dict[str, str] = {}
    out = []
    for r in rows:
        if "scancode" not in r:
            out.append(r)
            continue
        key = str(r["scancode"])
        if key not in texts:
            texts[key] = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
        span = " ".join(texts[key][int(r["start"]) : int(r["end"])].split())  # type: ignore[call-overload]
        if hashlib.sha1(span.encode()).hexdigest()[:12] != r.get("sha1"):
            raise LookupError(
                f"{r['id']}: the installed license text differs from the labelled one"
            )
        out.append({**r, "text": span, "license": key})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--by-license", action="store_true")
    ap.add_argument("--speed", action="store_true")
    a = ap.parse_args()
    path = Path(a.labels)
    if not path.exists():
        print(f"no labelled set at {path}", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    try:
        gold = with_text(gold)
    except LookupError as exc:
        print(exc, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    labels = {g["id"]: classify(g["text"]) for g in gold}
    dt = time.perf_counter() - t0
    pred = {k: set(v.categories) for k, v in labels.items()}
    micro, macro, empty, table = score(gold, pred)
    print(f"{'category':28} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for c, (p, r, f, n) in table.items():
        print(f"{c:28} {p:5.2f} {r:5.2f} {f:5.2f} {n:4d}")
    shown = 0
    for g in gold:
        gs, ps = set(g["categories"]), pred[g["id"]]
        if gs != ps and shown < a.show:
            shown += 1
            ev = "; ".join(f"{e.category}<-{e.cue!r}" for e in labels[g["id"]].evidence)
            print(
                "MISS",
                g["id"],
                "gold",
                sorted(gs),
                "got",
                sorted(ps),
                "|",
                g["text"][:140],
                "|",
                ev,
            )
    if a.by_license:
        groups: dict[str, list[dict[str, object]]] = defaultdict(list)
        for g in gold:
            groups[str(g["license"])].append(g)
        print("held-out fold (license)          n  micro  empty")
        for lic, rows in sorted(groups.items()):
            m, _ma, e, _t = score(rows, pred)
            labelled = any(g["categories"] for g in rows) or any(pred[str(g["id"])] for g in rows)
            shown_micro = f"{m:5.3f}" if labelled else "  n/a"
            print(f"{lic:32} {len(rows):3d}  {shown_micro}  {e:5.3f}")
    if a.speed:
        texts = [str(g["text"]) for g in gold]
        rates = []
        for _ in range(5):
            t1 = time.perf_counter()
            for text in texts:
                classify(text)
            rates.append(len(texts) / (time.perf_counter() - t1))
        first = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from railkit.licensing.classify import classify; classify('To write malware')",
            ],
            check=False,
        )
        print(
            f"warm clauses/s median {statistics.median(rates):.0f} (min {min(rates):.0f}); "
            f"cold process incl. first clause {1000 * (time.perf_counter() - first):.0f} ms"
        )
    print(
        f"micro-F1 {micro:.3f} macro-F1 {macro:.3f} empty-accuracy {empty:.3f} "
        f"n {len(gold)} clauses/s {len(gold) / dt:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
