"""Nearest reference clause: the taxonomy's own texts as a fallback for unseen phrasings.

When a clause restricts use but no cue of the lexicon matched, the classifier compares it
with each category's reference text from the category records (title, summary, standardized
clause in full and short form, examples it includes, recognising phrases) and takes the
nearest category when the similarity is high enough. Similarity is the cosine of TF-IDF
vectors over crude word stems (the first eight letters of words that are not function words);
nothing is learned from any labelled set, and the records are read once, lazily.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

MIN_SCORE = 0.26
"""Lowest cosine similarity accepted. Lower thresholds (0.18) recovered a third of drafted
paraphrases but fired wrongly on dozens of real clauses of other licenses; see
benchmarks/README.md."""
MIN_MARGIN = 0.05
"""The nearest category must lead the runner-up by this much."""
MIN_WORDS = 6
"""Shorter texts (headings, fragments of boilerplate) are not compared."""
GENERIC = frozenset({"ip-infringement", "illegal-activity"})
"""Categories whose reference texts share too much vocabulary with any license's boilerplate
(copyright, rights, law) to be recognised by similarity alone."""

_STEM = 8
_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "any",
        "with",
        "that",
        "this",
        "from",
        "such",
        "into",
        "other",
        "others",
        "their",
        "them",
        "they",
        "its",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "not",
        "nor",
        "but",
        "shall",
        "will",
        "may",
        "must",
        "can",
        "could",
        "would",
        "should",
        "you",
        "your",
        "yours",
        "our",
        "ours",
        "use",
        "used",
        "uses",
        "using",
        "model",
        "models",
        "derivatives",
        "derivative",
        "output",
        "outputs",
        "licensee",
        "licensor",
        "licence",
        "license",
        "agreement",
        "directly",
        "indirectly",
        "including",
        "include",
        "includes",
        "without",
        "within",
        "whether",
        "where",
        "which",
        "who",
        "whom",
        "when",
        "what",
        "all",
        "each",
        "every",
        "some",
        "more",
        "most",
        "than",
        "then",
        "also",
        "only",
        "own",
        "same",
        "very",
        "via",
        "per",
        "upon",
        "about",
        "over",
        "under",
        "between",
        "through",
        "against",
        "onto",
        "person",
        "persons",
        "people",
        "individual",
        "individuals",
        "any",
        "one",
        "anyone",
        "someone",
        "something",
        "thing",
        "things",
        "way",
        "ways",
        "manner",
        "purpose",
        "purposes",
        "make",
        "makes",
        "making",
        "made",
    ]
)


@dataclass(frozen=True)
class Reference:
    """The nearest category and its similarity."""

    category: str
    score: float


def stems(text: str) -> list[str]:
    """Crude stems of the content words of ``text``."""
    words = _WORD.findall(text.lower())
    return [w[:_STEM] for w in words if w not in _STOP]


def _record_text(data: dict[str, Any]) -> str:
    parts: list[str] = [str(data.get("title") or ""), str(data.get("summary") or "")]
    clause = data.get("clause") or {}
    if isinstance(clause, dict):
        parts += [str(clause.get("full") or ""), str(clause.get("short") or "")]
    for key in ("includes", "recognition"):
        parts += [str(x) for x in data.get(key) or [] if isinstance(x, str)]
    return "\n".join(parts)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """IDF weights and the unit TF-IDF vector of every category's reference text."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    folder = resources.files("railkit") / "data" / "categories"
    docs: dict[str, Counter[str]] = {}
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".yaml"):
                continue
            try:
                data = yaml.load(entry.read_text(encoding="utf-8"), Loader=loader)
            except Exception:  # a record being written elsewhere: leave it out
                continue
            if isinstance(data, dict) and data.get("id"):
                docs[str(data["id"])] = Counter(stems(_record_text(data)))
    n = len(docs) or 1
    df: Counter[str] = Counter()
    for counts in docs.values():
        df.update(counts.keys())
    idf = {t: math.log((1 + n) / (1 + d)) for t, d in df.items()}
    vectors = {cat: _unit(counts, idf) for cat, counts in docs.items()}
    return idf, vectors


def _unit(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items() if v}


def nearest(text: str) -> Reference | None:
    """The category whose reference text is nearest to ``text``, if near enough."""
    idf, vectors = _index()
    words = stems(text)
    if len(words) < MIN_WORDS or not vectors:
        return None
    query = _unit(Counter(words), idf)
    scores = sorted(
        ((sum(w * vec.get(t, 0.0) for t, w in query.items()), cat) for cat, vec in vectors.items()),
        reverse=True,
    )
    score, best = scores[0]
    if best in GENERIC:
        return None
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if score < MIN_SCORE or score - runner_up < MIN_MARGIN:
        return None
    return Reference(best, round(score, 3))
