"""Clause classification into the taxonomy's behavioral-use categories.

``classify(text, context)`` labels one clause with the category ids it restricts (several
when it restricts several uses; none for grants, definitions, disclaimers, permissions and
statements of intent). It works in two steps, both deterministic:

1. :mod:`railkit.licensing.restriction` decides whether the clause restricts use at all and
   which parts of its text speak the restriction (exception phrases such as "except for
   medical purposes" are cut out);
2. the cue lexicon of :mod:`railkit.licensing.cues` (the project's phrases plus the category
   records' recognising phrases) is matched in those parts; a category fires when its cues
   reach weight 1. A cue may step back when a more specific category fires ("unlawful
   conduct in employment" is discrimination, not generic illegality).

When a restricting clause matches no cue at all, :mod:`railkit.licensing.reference` compares
it with each category's reference texts (standardized clause, summary, examples) and takes
the nearest category if it is clearly nearest.

Every label carries its :class:`Evidence`: the cue phrase that matched, with character
offsets into the clause text. ``start == end == -1`` marks evidence outside the clause: a cue
found in a short heading-like lead-in (``cue`` reads ``lead-in: <words>``), or a
nearest-reference label (``cue`` reads ``reference:<category>:<similarity>``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from railkit.licensing.cues import CategoryCues, Cue, Lexicon, lexicon, text_keys
from railkit.licensing.restriction import HEADING_WORDS, analyse

THRESHOLD = 1.0
"""Total cue weight at which a category fires."""

_NEGATED_PREFIX = re.compile(r"(?:\bnon|\banti|\bcounter)[\s-]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """Why a category was assigned: the cue phrase and where it matched in the clause."""

    category: str
    cue: str
    start: int
    end: int


@dataclass(frozen=True)
class Labels:
    """The categories a clause restricts, their evidence, and whether it restricts at all."""

    categories: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    restrictive: bool


EMPTY = Labels((), (), False)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


class _SpanSet:
    """Character spans answering "does any span cover / overlap [start, end)?" in log time, so
    a clause with thousands of sentences and cue matches stays linear-ish, not quadratic."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.max_end: list[int] = []
        top = -1
        for _s, e in ordered:
            top = max(top, e)
            self.max_end.append(top)
        self.ordered = ordered

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.max_end[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)  # spans starting at or before ``start``
        return i > 0 and self.max_end[i - 1] >= end and _inside(start, end, self._near(i))

    def _near(self, i: int) -> Sequence[tuple[int, int]]:
        return self.ordered[max(0, i - 8) : i]


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _matches(
    cats: CategoryCues,
    cues: Sequence[Cue],
    text: str,
    spans: Sequence[tuple[int, int]],
    exceptions: Sequence[tuple[int, int]],
) -> list[tuple[str, int, int]]:
    """(cue group, start, end) of the given cues of a category that count in ``text``."""
    found = []
    within, excepted = _SpanSet(spans), _SpanSet(exceptions)
    for cue in cues:
        for m in cue.pattern.finditer(text):
            start, end = m.start(), m.end()
            if not within.covers(start, end) or excepted.overlaps(start, end):
                continue
            if _NEGATED_PREFIX.search(text, max(0, start - 8), start):
                continue
            found.append((cue.group, start, end))
    if found:
        found.sort(key=lambda f: (f[1], int(f[0][1:])))
        curated = _SpanSet([(st, en) for g, st, en in found if cats.cues[g].curated])
        found = [f for f in found if cats.cues[f[0]].curated or not curated.overlaps(f[1], f[2])]
    if found and cats.blockers is not None:
        blocked = _SpanSet([(m.start(), m.end()) for m in cats.blockers.finditer(text)])
        found = [f for f in found if not blocked.overlaps(f[1], f[2])]
    return found


def _decide(
    lex: Lexicon, hits: dict[str, list[tuple[str, int, int]]]
) -> dict[str, list[tuple[str, int, int]]]:
    """Apply weights and ``unless`` rules; return the firing categories with their hits."""
    by_id = {c.category: c for c in lex.categories}

    def score(cat: str, keep: set[str] | None, strong_only: bool = False) -> float:
        cues = by_id[cat].cues
        seen: set[str] = set()
        counted: list[tuple[int, int]] = []
        total = 0.0
        for group, start, end in sorted(hits[cat], key=lambda h: -cues[h[0]].weight):
            cue = cues[group]
            if group in seen or (start >= 0 and _overlaps(start, end, counted)):
                continue
            if strong_only and cue.unless:
                continue
            if keep is not None and cue.unless:
                others = keep - {cat}
                if ("*" in cue.unless and others) or others & set(cue.unless):
                    continue
            seen.add(group)
            counted.append((start, end))
            total += cue.weight
        return total

    strong = {c for c in hits if score(c, None, strong_only=True) >= THRESHOLD}
    first = {c for c in hits if score(c, strong) >= THRESHOLD}
    fired = {c for c in hits if score(c, first) >= THRESHOLD}
    return {c: hits[c] for c in lex.ids if c in fired}


def classify(text: str, context: str | None = None) -> Labels:
    """Label one clause with the categories of use it restricts, with evidence."""
    if not text or not text.strip():
        return EMPTY
    restriction = analyse(text, context)
    if not restriction.restrictive:
        return EMPTY
    lex = lexicon()
    by_id = {c.category: c for c in lex.categories}
    hits: dict[str, list[tuple[str, int, int]]] = {}
    for cat, cues in lex.candidates(text_keys(text)).items():
        found = _matches(by_id[cat], cues, text, restriction.spans, restriction.exceptions)
        if found:
            hits[cat] = found
    heading = context is not None and len(context.split()) <= HEADING_WORDS
    in_context: dict[str, str] = {}
    if heading and context:
        whole = ((0, len(context)),)
        for cat, cues in lex.candidates(text_keys(context)).items():
            for group, s, e in _matches(by_id[cat], cues, context, whole, ()):
                hits.setdefault(cat, []).append((group, -1, -1))
                in_context.setdefault(group, context[s:e])
    fired = _without_example_only(text, _decide(lex, hits))
    if not fired:
        if any(c.blockers is not None and c.blockers.search(text) for c in lex.categories):
            # A blocker spoke ("click tracking", "time bomb"): the clause names something that
            # only looks like a harm, so similarity to a category's texts would mislead.
            return Labels((), (), restriction.explicit)
        return _by_reference(text, restriction.spans, restriction.explicit)
    evidence = []
    for cat, found in fired.items():
        seen = set()
        for group, start, end in found:
            key = (group, start)
            if key in seen:
                continue
            seen.add(key)
            phrase = text[start:end] if start >= 0 else f"lead-in: {in_context[group]}"
            evidence.append(Evidence(cat, phrase, start, end))
    categories = tuple(fired)
    return Labels(
        categories=categories,
        evidence=tuple(evidence),
        restrictive=bool(categories) or restriction.explicit,
    )


_EXAMPLES = re.compile(
    r"\((?:e\.\s?g\.?|i\.\s?e\.?|for\s+(?:example|instance)|such\s+as)[^()]{0,400}\)", re.I
)


def _without_example_only(
    text: str, fired: dict[str, list[tuple[str, int, int]]]
) -> dict[str, list[tuple[str, int, int]]]:
    """Drop categories named only inside an example list ("(e.g., law enforcement, ...)") of
    a clause that restricts something else: the examples are domains, not restrictions."""
    examples = [(m.start(), m.end()) for m in _EXAMPLES.finditer(text)]
    if not examples or len(fired) < 2:
        return fired
    inside = {
        cat for cat, found in fired.items() if all(_inside(s, e, examples) for _g, s, e in found)
    }
    if not inside or inside == set(fired):
        return fired
    return {cat: found for cat, found in fired.items() if cat not in inside}


_DUTY_ITEM = re.compile(
    r"^\W*(?:\(?[0-9a-z]{1,4}[.)]\s*)?(?:retain|release|delete|destroy|return|terminate|provide|"
    r"include|give|cause|keep|maintain|notify|cease|pay|comply|access|download|install|submit|"
    r"report\w*|attribute|display|state|mark|add|accompany|publish|license|distribute)\b",
    re.IGNORECASE,
)
"""A list item that states a duty or a remedy ("Retain all notices"): nothing to compare."""
_LIMITATION_ONLY = re.compile(r"\b(?:only|solely|exclusively)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\bnot\b|n't\b|\bnever\b|\bprohibit|\bforbid", re.IGNORECASE)


def _by_reference(text: str, spans: Sequence[tuple[int, int]], explicit: bool) -> Labels:
    """Fallback when no cue matched: the nearest category reference text, if near enough.

    Only for a prohibition or a list item that is not a duty ("Retain all notices") and not
    a mere limitation ("use solely for research"), which name no harm to compare.
    """
    from railkit.licensing.reference import nearest

    body = " ".join(text[s:e] for s, e in spans)
    if _DUTY_ITEM.match(body) or (_LIMITATION_ONLY.search(body) and not _NEGATION.search(body)):
        return Labels((), (), explicit)
    ref = nearest(body)
    if ref is None:
        return Labels((), (), explicit)
    cue = f"reference:{ref.category}:{ref.score:.2f}"
    return Labels((ref.category,), (Evidence(ref.category, cue, -1, -1),), True)


def classify_many(items: Sequence[tuple[str, str | None]]) -> list[Labels]:
    """Classify many ``(text, context)`` pairs, in order."""
    return [classify(text, context) for text, context in items]
