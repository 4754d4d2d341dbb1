"""The assessment: from a situation to the status of every data-rights mechanism.

For each mechanism in the catalog the engine evaluates its preconditions (see
:mod:`railkit.rights.conditions`) against the situation:

* every precondition holds: **applicable**;
* a precondition marked ``if_not_met: not-applicable`` fails: **not-applicable**;
* otherwise, when a precondition marked ``possibly-applicable`` fails, or any precondition
  cannot be decided because the situation does not say: **possibly-applicable**.

Reasons are the precondition texts that decided the outcome, citations are rendered as
labels ("GDPR Art. 21(1)"), and next steps come from the mechanism record. The engine is
deterministic and offline: no network, no language model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from railkit.kb.catalog import Catalog
from railkit.kb.fields import Citation
from railkit.kb.records.mechanism import Mechanism, Precondition
from railkit.notice import law_as_of, notice_line
from railkit.rights.conditions import evaluate
from railkit.rights.consistency import contradictions
from railkit.rights.situation import Situation

Status = Literal["applicable", "possibly-applicable", "not-applicable"]
Outcome = Literal["held", "failed", "unknown"]
STATUS_ORDER: dict[str, int] = {"applicable": 0, "possibly-applicable": 1, "not-applicable": 2}


@dataclass(frozen=True)
class ConditionResult:
    """How one precondition came out."""

    name: str
    outcome: Outcome
    if_not_met: str
    reason: str
    citations: tuple[str, ...]
    unknown_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class MechanismResult:
    """The status of one mechanism for the situation, with reasons, citations and steps."""

    id: str
    title: str
    kind: str
    jurisdiction: str
    status: Status
    reasons: tuple[str, ...]
    citations: tuple[str, ...]
    steps: tuple[str, ...]
    conditions: tuple[ConditionResult, ...]
    unknown_fields: tuple[str, ...] = ()

    @property
    def offered(self) -> bool:
        """Whether the mechanism is worth considering (applicable or possibly applicable)."""
        return self.status != "not-applicable"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``spec/interfaces.md`` section 4, plus detail fields."""
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "jurisdiction": self.jurisdiction,
            "status": self.status,
            "reasons": list(self.reasons),
            "citations": list(self.citations),
            "steps": list(self.steps),
            "unknown_fields": list(self.unknown_fields),
            "conditions": [
                {
                    "name": c.name,
                    "outcome": c.outcome,
                    "if_not_met": c.if_not_met,
                    "reason": c.reason,
                    "citations": list(c.citations),
                    "unknown_fields": list(c.unknown_fields),
                }
                for c in self.conditions
            ],
        }


@dataclass(frozen=True)
class Assessment:
    """The result for a whole situation."""

    situation: Situation
    mechanisms: tuple[MechanismResult, ...]
    warnings: tuple[str, ...]
    law_as_of: dt.date
    notice: str
    unknown_fields: tuple[str, ...] = field(default=())

    def by_status(self, status: Status) -> tuple[MechanismResult, ...]:
        """The mechanisms with ``status``."""
        return tuple(m for m in self.mechanisms if m.status == status)

    def get(self, mechanism_id: str) -> MechanismResult:
        """The result for one mechanism id (``KeyError`` when unknown)."""
        for m in self.mechanisms:
            if m.id == mechanism_id:
                return m
        raise KeyError(mechanism_id)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``mechanisms`` as in the interface, plus warnings and notice."""
        return {
            "mechanisms": [m.as_dict() for m in self.mechanisms],
            "warnings": list(self.warnings),
            "unknown_fields": list(self.unknown_fields),
            "law_as_of": self.law_as_of.isoformat(),
            "notice": self.notice,
        }


def citation_label(citation: Citation, catalog: Catalog) -> str:
    """A citation as a short label, e.g. ``GDPR Art. 21(1)``."""
    source = catalog.sources.get(citation.source)
    short = source.short if source is not None else citation.source
    return citation.label(short)


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _judge(pre: Precondition, situation: Situation, catalog: Catalog) -> ConditionResult:
    labels = tuple(citation_label(c, catalog) for c in pre.citations)
    if pre.is_open:
        return ConditionResult(pre.name, "unknown", pre.if_not_met, pre.fails, labels)
    if pre.when is not None:
        ev = evaluate(pre.when, situation)
        if ev.truth is True:
            return ConditionResult(pre.name, "held", pre.if_not_met, pre.holds or "", labels)
        unknown = ev.unknown_fields if ev.truth is None else set()
    else:
        unknown = set()
        for way in pre.ways:
            ev = evaluate(way.when, situation)
            if ev.truth is True:
                way_labels = tuple(citation_label(c, catalog) for c in way.citations)
                return ConditionResult(
                    pre.name, "held", pre.if_not_met, way.holds, _unique([*way_labels, *labels])
                )
            if ev.truth is None:
                unknown |= ev.unknown_fields
    if pre.ways:
        all_ways = [citation_label(c, catalog) for w in pre.ways for c in w.citations]
        labels = _unique([*all_ways, *labels])
    if not unknown:
        return ConditionResult(pre.name, "failed", pre.if_not_met, pre.fails, labels)
    fields = tuple(sorted(unknown))
    reason = f"Not yet known whether {pre.name} (answer: {', '.join(fields)})."
    return ConditionResult(pre.name, "unknown", pre.if_not_met, reason, labels, fields)


def assess_mechanism(
    mechanism: Mechanism, situation: Situation, catalog: Catalog
) -> MechanismResult:
    """Assess one mechanism."""
    results = tuple(_judge(p, situation, catalog) for p in mechanism.preconditions)
    blocking = [r for r in results if r.outcome == "failed" and r.if_not_met == "not-applicable"]
    doubtful = [r for r in results if r.outcome != "held" and r not in blocking]
    status: Status
    if blocking:
        status = "not-applicable"
        decisive = blocking
    elif doubtful:
        status = "possibly-applicable"
        decisive = list(results)
    else:
        status = "applicable"
        decisive = list(results)
    own = [citation_label(c, catalog) for c in mechanism.citations]
    cites = [label for r in decisive for label in r.citations]
    unknown = sorted({f for r in results for f in r.unknown_fields})
    return MechanismResult(
        id=mechanism.id,
        title=mechanism.title,
        kind=mechanism.kind,
        jurisdiction=mechanism.jurisdiction,
        status=status,
        reasons=_unique([r.reason for r in decisive]),
        citations=_unique(cites + ([] if blocking else own)),
        steps=() if blocking else mechanism.steps,
        conditions=results,
        unknown_fields=tuple(unknown),
    )


def assess(situation: Situation, catalog: Catalog) -> Assessment:
    """Assess every mechanism in ``catalog`` for ``situation``.

    Mechanisms are ordered applicable first, then possibly applicable, then not applicable,
    and by id within each group, so the result is the same on every run.
    """
    results = [assess_mechanism(m, situation, catalog) for m in catalog.mechanisms.values()]
    results.sort(key=lambda r: (STATUS_ORDER[r.status], r.id))
    unknown = sorted({f for r in results if r.status != "not-applicable" for f in r.unknown_fields})
    return Assessment(
        situation=situation,
        mechanisms=tuple(results),
        warnings=tuple(contradictions(situation)),
        law_as_of=law_as_of(catalog),
        notice=notice_line(catalog),
        unknown_fields=tuple(unknown),
    )
