"""License analysis: every clause with its categories and evidence, and the structural features.

:func:`analyze` segments a license (plain text, Markdown or HTML), classifies every clause
into the taxonomy (the lead-in of a list item is passed as context) and finds the structural
features, each with the clause that evidences it. The result is a plain data object;
:meth:`Analysis.to_dict` gives the JSON shape of ``railkit license analyze --format json``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from railkit.licensing.features import FeatureFinding, detect_features
from railkit.licensing.segment import Clause, segment
from railkit.licensing.text import detect_format

if TYPE_CHECKING:
    from railkit.licensing.classify import Labels

SCHEMA_VERSION = 1
MAX_CLASSIFIED = 4000
"""Characters of a clause given to the classifier: real provisions are far shorter, and a
giant run-on "clause" (hostile or broken input) must not make classification slow."""

Classifier = Callable[[Sequence[tuple[str, str | None]]], "list[Labels]"]


@dataclass(frozen=True)
class ClauseAnalysis:
    """One clause, the categories it restricts and why."""

    clause: Clause
    categories: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]  # (category, cue phrase)
    restrictive: bool

    def to_dict(self) -> dict[str, Any]:
        c = self.clause
        return {
            "ref": c.ref,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "categories": list(self.categories),
            "restrictive": self.restrictive,
            "context": c.context,
            "evidence": [{"category": cat, "cue": cue} for cat, cue in self.evidence],
        }


@dataclass(frozen=True)
class Analysis:
    """The analysis of one license document."""

    clauses: tuple[ClauseAnalysis, ...]
    features: tuple[FeatureFinding, ...]
    format: str

    @property
    def categories(self) -> dict[str, tuple[str, ...]]:
        """Each restricted category with the refs of the clauses that restrict it (doc order)."""
        out: dict[str, list[str]] = {}
        for item in self.clauses:
            for cat in item.categories:
                refs = out.setdefault(cat, [])
                if item.clause.ref not in refs:
                    refs.append(item.clause.ref)
        return {cat: tuple(refs) for cat, refs in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "format": self.format,
            "clauses": [c.to_dict() for c in self.clauses],
            "features": [
                {
                    "id": f.id,
                    "clause": f.clause,
                    "ref": f.ref,
                    "text": f.text,
                    "start": f.start,
                    "end": f.end,
                    "cue": f.cue,
                    "strength": f.strength,
                }
                for f in self.features
            ],
        }


def _default_classifier() -> Classifier:
    from railkit.licensing.classify import classify_many

    return classify_many


def analyze(text: str, *, fmt: str = "auto", classifier: Classifier | None = None) -> Analysis:
    """Analyse a license text (``fmt``: auto, text, markdown or html).

    ``classifier`` labels ``(clause text, lead-in)`` pairs; it defaults to
    :func:`railkit.licensing.classify.classify_many`.
    """
    if fmt == "auto":
        fmt = detect_format(text)
    clauses = segment(text, fmt)
    if not clauses:
        return Analysis((), (), fmt)
    labels = (classifier or _default_classifier())(
        [(c.text[:MAX_CLASSIFIED], c.context) for c in clauses]
    )
    results = tuple(
        ClauseAnalysis(
            clause,
            tuple(lab.categories),
            tuple((ev.category, ev.cue) for ev in lab.evidence),
            bool(lab.restrictive),
        )
        for clause, lab in zip(clauses, labels, strict=True)
    )
    return Analysis(results, tuple(detect_features(clauses)), fmt)
