"""Research memos: the assessment of a situation written up in the standard office-memo form.

A memo has a heading (to, from, date, re), the question presented, a brief answer, the facts
(from the situation), a discussion of every applicable or possibly applicable mechanism (the
rule with its citations, the application to the facts from the assessment's reasons, counter-
arguments, open questions and practical steps, with related decisions), the closest parallels
outside AI, a conclusion and a table of authorities listing every cited source with the date it
was checked (decisions with court and status). Each statement that relies on a law or case
carries the citation labels of the sources it relies on.

:func:`build_memo` returns a :class:`Memo` (plain data); :mod:`railkit.rights.memo_render`
turns it into Markdown, HTML, PDF or DOCX. The memo date is a parameter so output is
reproducible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from railkit.kb.catalog import Catalog
from railkit.kb.fields import Citation
from railkit.kb.records.mechanism import Mechanism
from railkit.kb.records.source import DECISION_KINDS
from railkit.rights import regions
from railkit.rights.assess import Assessment, MechanismResult, assess, citation_label
from railkit.rights.memo_facts import facts, question_presented
from railkit.rights.situation import Situation

MemoKind = Literal["situation", "standing"]
AUTHOR = "railkit research memo (generated from the knowledge base)"
MAX_DECISIONS = 6
GROUPS: dict[str, str] = {
    "legal": "Legal mechanisms",
    "contractual": "Contractual and collective mechanisms",
    "collective": "Contractual and collective mechanisms",
    "evidence": "Technical and evidential mechanisms",
    "technical": "Technical and evidential mechanisms",
}
GROUP_ORDER = tuple(dict.fromkeys(GROUPS.values()))


@dataclass(frozen=True)
class Point:
    """One statement with the citation labels it relies on."""

    text: str
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Authority:
    """A row of the table of authorities."""

    label: str
    title: str
    kind: str
    checked: str
    url: str
    locators: tuple[str, ...] = ()
    court: str | None = None
    date: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Discussion:
    """The discussion of one mechanism."""

    id: str
    title: str
    status: str
    jurisdiction: str
    group: str
    rule: Point
    application: tuple[Point, ...]
    counter_arguments: tuple[str, ...]
    open_questions: tuple[str, ...]
    steps: tuple[str, ...]
    deadlines: tuple[str, ...]
    costs: str
    can_achieve: tuple[str, ...]
    cannot_achieve: tuple[str, ...]
    decisions: tuple[Point, ...]
    unknown_fields: tuple[str, ...]


@dataclass(frozen=True)
class ParallelNote:
    """A pre-AI parallel shown as context."""

    title: str
    decided: Point
    ai_question: str
    lessons: tuple[str, ...]
    limits: tuple[str, ...]
    applied_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Memo:
    """A research memo as data; render it with :mod:`railkit.rights.memo_render`."""

    kind: MemoKind
    title: str
    to: str
    author: str
    date: str
    re: str
    question_presented: str
    brief_answer: tuple[Point, ...]
    facts: tuple[str, ...]
    background: tuple[Point, ...]
    warnings: tuple[str, ...]
    discussion: tuple[Discussion, ...]
    not_applicable: tuple[Point, ...]
    parallels: tuple[ParallelNote, ...]
    conclusion: tuple[Point, ...]
    authorities: tuple[Authority, ...]
    law_as_of: str
    notice: str
    situation: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


class _Cites:
    """Citation labels and the sources behind them, collected while writing the memo."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.used: dict[str, set[str]] = {}

    def label(self, citation: Citation) -> str:
        label = citation_label(citation, self.catalog)
        locators = self.used.setdefault(citation.source, set())
        if citation.locator:
            locators.add(citation.locator)
        return label

    def labels(self, citations: tuple[Citation, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.label(c) for c in citations))

    def index(self, mechanism: Mechanism) -> dict[str, Citation]:
        """Label -> citation for every citation a mechanism's conditions may show."""
        out: dict[str, Citation] = {}
        for pre in mechanism.preconditions:
            for c in (*pre.citations, *(c for w in pre.ways for c in w.citations)):
                out.setdefault(citation_label(c, self.catalog), c)
        return out

    def authorities(self) -> tuple[Authority, ...]:
        rows = []
        for source_id, locators in self.used.items():
            source = self.catalog.sources.get(source_id)
            if source is None:  # a registry license id
                rows.append(Authority(source_id, source_id, "license", "", "", tuple(locators)))
                continue
            decision = source.kind in DECISION_KINDS
            rows.append(
                Authority(
                    label=source.short,
                    title=source.title,
                    kind=source.kind,
                    checked=source.checked.isoformat(),
                    url=str(source.url),
                    locators=tuple(sorted(locators)),
                    court=source.court if decision else None,
                    date=source.date.isoformat() if source.date else None,
                    status=source.status,
                )
            )
        order = {"legislation": 0, "regulation": 0, "treaty": 0}
        rows.sort(key=lambda a: (order.get(a.kind, 1 if a.kind in DECISION_KINDS else 2), a.label))
        return tuple(rows)


def _decision_point(source_id: str, cites: _Cites) -> Point | None:
    source = cites.catalog.sources.get(source_id)
    if source is None or source.kind not in DECISION_KINDS or not source.holding:
        return None
    label = cites.label(Citation(source=source_id))
    when = f", {source.date.isoformat()}" if source.date else ""
    return Point(f"{source.short}{when}: {source.holding} Status: {source.status}", (label,))


def _same_law(decision: str | None, mechanism: str) -> bool:
    """Whether a decision from ``decision`` speaks to a mechanism of ``mechanism``'s law."""
    if mechanism == "any" or decision is None:
        return True
    return regions.overlaps(decision, mechanism) or regions.within(decision, mechanism) is True


def _related_decisions(mechanism_id: str, catalog: Catalog, extra: list[str]) -> list[str]:
    """Decisions tied to a mechanism by its citations, the parallels and the profiles used.

    Decisions from another legal order are left out (a US fair-use ruling says nothing about
    an EU copyright claim); technical and contractual mechanisms (``any``) take all.
    """
    mech = catalog.mechanisms[mechanism_id]
    found = [c.source for c in mech.citations]
    for p in catalog.parallels.values():
        if mechanism_id in p.mechanisms:
            found += [c.source for c in (*p.ai_decisions, *p.citations)]
    found += extra
    out = []
    for source_id in dict.fromkeys(found):
        source = catalog.sources.get(source_id)
        if source is not None and _same_law(source.jurisdiction, mech.jurisdiction):
            out.append(source_id)
    return out


def _discussion(
    result: MechanismResult, catalog: Catalog, cites: _Cites, extra: list[str]
) -> Discussion:
    mech = catalog.mechanisms[result.id]
    index = cites.index(mech)
    application = []
    for cond in result.conditions:
        used = tuple(cites.label(index[lbl]) for lbl in cond.citations if lbl in index)
        application.append(Point(cond.reason, used))
    decisions = []
    for source_id in _related_decisions(result.id, catalog, extra):
        point = _decision_point(source_id, cites)
        if point is not None:
            decisions.append(point)
    return Discussion(
        id=mech.id,
        title=mech.title,
        status=result.status,
        jurisdiction=mech.jurisdiction,
        group=GROUPS[mech.kind],
        rule=Point(mech.summary, cites.labels(mech.citations)),
        application=tuple(application),
        counter_arguments=mech.counter_arguments,
        open_questions=mech.open_questions,
        steps=result.steps,
        deadlines=mech.deadlines,
        costs=mech.costs,
        can_achieve=mech.can_achieve,
        cannot_achieve=mech.cannot_achieve,
        decisions=tuple(decisions[:MAX_DECISIONS]),
        unknown_fields=result.unknown_fields,
    )


def _brief_answer(result: Assessment, sections: tuple[Discussion, ...]) -> tuple[Point, ...]:
    applicable = [d for d in sections if d.status == "applicable"]
    possible = [d for d in sections if d.status == "possibly-applicable"]
    legal = [d for d in applicable if d.group == GROUP_ORDER[0]]
    out: list[Point] = []
    if legal:
        out.append(
            Point(
                "Probably yes. On these facts the following legal mechanisms appear applicable: "
                + "; ".join(d.title for d in legal)
                + ".",
                tuple(dict.fromkeys(c for d in legal for c in d.rule.cites[:1])),
            )
        )
    elif applicable:
        out.append(
            Point(
                "Partly. No legal mechanism is clearly applicable on these facts, but practical "
                "mechanisms are available."
            )
        )
    elif possible:
        out.append(Point("Possibly. No mechanism is clearly applicable on the facts given yet."))
    else:
        out.append(Point("Probably not, on the facts given: no mechanism applies."))
    practical = [d for d in applicable if d.group != GROUP_ORDER[0]]
    if practical:
        out.append(
            Point(
                "Contractual, collective, technical or evidential steps are also open: "
                + "; ".join(d.title for d in practical)
                + "."
            )
        )
    if possible:
        out.append(
            Point(
                f"{len(possible)} further mechanism(s) may apply, depending on facts still open "
                "or on questions the law has not settled."
            )
        )
    if result.unknown_fields:
        out.append(Point("Facts still needed: " + ", ".join(result.unknown_fields) + "."))
    return tuple(out)


def _conclusion(sections: tuple[Discussion, ...]) -> tuple[Point, ...]:
    out = []
    for d in sections:
        certainty = "likely available" if d.status == "applicable" else "possibly available"
        first = d.steps[0] if d.steps else "see the discussion above"
        out.append(Point(f"{d.title} is {certainty}. First step: {first}", d.rule.cites[:2]))
    if not out:
        out.append(Point("No mechanism is available on the facts given."))
    return tuple(out)


def _parallels(sections: tuple[Discussion, ...], catalog: Catalog, cites: _Cites) -> list[Any]:
    ids = {d.id for d in sections}
    notes = []
    for p in catalog.parallels.values():
        if not ids & set(p.mechanisms):
            continue
        notes.append(
            ParallelNote(
                title=p.title,
                decided=Point(p.decided, cites.labels(p.citations)),
                ai_question=p.ai_question,
                lessons=p.lessons,
                limits=p.limits,
                applied_in=cites.labels(p.ai_decisions),
            )
        )
    return notes


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def build_memo(
    situation: Situation,
    catalog: Catalog,
    *,
    date: dt.date,
    kind: MemoKind = "situation",
    title: str | None = None,
    to: str = "File",
    background: tuple[Point, ...] = (),
    background_sources: tuple[Citation, ...] = (),
    extra_decisions: Mapping[str, tuple[str, ...]] | None = None,
) -> Memo:
    """Assess ``situation`` and write the memo dated ``date``."""
    result = assess(situation, catalog)
    cites = _Cites(catalog)
    for c in background_sources:
        cites.label(c)
    offered = tuple(m for m in result.mechanisms if m.offered)
    extra = extra_decisions or {}
    sections = tuple(
        sorted(
            (_discussion(m, catalog, cites, list(extra.get(m.id, ()))) for m in offered),
            key=lambda d: GROUP_ORDER.index(d.group),
        )
    )
    excluded = tuple(
        Point(f"{m.title}: {m.reasons[0] if m.reasons else 'not applicable'}", m.citations[:2])
        for m in result.mechanisms
        if not m.offered
    )
    for m in result.mechanisms:
        if not m.offered:
            index = cites.index(catalog.mechanisms[m.id])
            for lbl in m.citations[:2]:
                if lbl in index:
                    cites.label(index[lbl])
    question = question_presented(situation)
    heading = title or "Research memo: data-rights mechanisms"
    return Memo(
        kind=kind,
        title=heading,
        to=to,
        author=AUTHOR,
        date=date.isoformat(),
        re=_sentence_case(question.removeprefix("Whether ").rstrip(".")),
        question_presented=question,
        brief_answer=_brief_answer(result, sections),
        facts=tuple(facts(situation)),
        background=background,
        warnings=result.warnings,
        discussion=sections,
        not_applicable=excluded,
        parallels=tuple(_parallels(sections, catalog, cites)),
        conclusion=_conclusion(sections),
        authorities=cites.authorities(),
        law_as_of=result.law_as_of.isoformat(),
        notice=result.notice,
        situation=situation.model_dump(mode="json", exclude_none=True),
    )
