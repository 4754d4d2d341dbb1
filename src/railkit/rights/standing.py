"""Standing memos: the research published per stakeholder group x AI use x jurisdiction.

A standing memo is the ordinary memo (:func:`railkit.rights.memo.build_memo`) written for a
*representative situation* built from a stakeholder record, an AI-use record and a
jurisdiction: the person lives in the jurisdiction, their typical works (those the AI use
learns from) are published where the group usually publishes them, their concerns and goals
are the group's usual ones, and the developer is assumed to be established in the US and to
offer its service in the jurisdiction and the US, as the large providers do. Facts that vary
from person to person (US registration, opt-outs already set) are left open, so the memo says
what they turn on. The assumptions are listed in the memo's background.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from railkit.errors import InputError, UnknownIdError
from railkit.kb.catalog import Catalog, suggest
from railkit.kb.fields import Citation
from railkit.kb.records.stakeholder import AiUseProfile, Stakeholder
from railkit.rights import regions
from railkit.rights.assess import citation_label
from railkit.rights.memo import Memo, Point, build_memo
from railkit.rights.memo_facts import place_name
from railkit.rights.situation import Situation, situation_from_data

DEVELOPER_HOME = "US"
DATA_PROTECTION = frozenset(
    {"gdpr", "uk-gdpr", "uk-dpa-2018", "pipeda", "lgpd", "ccpa", "ccpa-regulations", "bipa"}
)


def _is_data_protection(catalog: Catalog, mechanism_id: str) -> bool:
    """Whether a mechanism rests on data-protection law (so DPA decisions speak to it)."""
    mech = catalog.mechanisms.get(mechanism_id)
    return mech is not None and any(c.source in DATA_PROTECTION for c in mech.citations)


def _is_authority_decision(catalog: Catalog, source_id: str) -> bool:
    source = catalog.sources.get(source_id)
    return source is not None and source.kind == "authority-decision"


def _title(group: Stakeholder, profile: AiUseProfile, place: str) -> str:
    use = _lower_first(profile.title)
    return f"Standing memo: {group.title} and {use} in {place_name(place)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _lookup(catalog: Catalog, stakeholder: str, use: str) -> tuple[Stakeholder, AiUseProfile]:
    group = catalog.stakeholders.get(stakeholder)
    if group is None:
        raise UnknownIdError("stakeholder", stakeholder, suggest(stakeholder, catalog.stakeholders))
    profile = catalog.ai_uses.get(use)
    if profile is None:
        raise UnknownIdError("AI use", use, suggest(use, catalog.ai_uses))
    return group, profile


def jurisdiction_code(value: str) -> str:
    """A validated place code for ``--jurisdiction`` (``UK`` becomes ``GB``)."""
    code = regions.normalise(value)
    if not regions.is_valid(code):
        raise InputError(
            f"jurisdiction: {value!r} is not a place code; use EU, GB, US, a US state like "
            "US-CA, or a country code like CA or BR"
        )
    return code


def representative_situation(group: Stakeholder, profile: AiUseProfile, place: str) -> Situation:
    """The situation a standing memo assumes (see the module docstring)."""
    works = [w for w in group.typical_works if w.kind in profile.typical_works]
    works = works or list(group.typical_works[:1])
    offered = list(dict.fromkeys([place, DEVELOPER_HOME]))
    data: dict[str, Any] = {
        "person": {"role": group.role, "residence": place},
        "works": [
            {
                "kind": w.kind,
                "where": w.where[0],
                "published_online": w.where[0] != "offline",
                "personal_data": w.personal_data,
            }
            for w in works
        ],
        "ai_use": profile.ai_use,
        "developer": {"establishments": [DEVELOPER_HOME], "offers_service_in": offered},
        "concerns": list(group.concerns),
        "goals": list(group.goals),
    }
    return situation_from_data(data)


def _background(
    group: Stakeholder, profile: AiUseProfile, place: str, catalog: Catalog
) -> tuple[Point, ...]:
    group_cites = tuple(dict.fromkeys(citation_label(c, catalog) for c in group.citations))
    use_cites = tuple(dict.fromkeys(citation_label(c, catalog) for c in profile.citations))
    # A profile's citations back its notes as a whole, so they are given once, after the
    # notes, rather than repeated on every line.
    points = [
        Point(f"{group.title}: {group.summary}"),
        *(Point(note) for note in group.concern_notes),
        *(Point(f"Practical note: {n}") for n in group.practical_notes),
        *(
            [Point(f"Sources for these notes on {_lower_first(group.title)}", group_cites)]
            if group_cites
            else []
        ),
        Point(f"{profile.title}: {profile.summary}"),
        *(Point(f"How training data is gathered: {g}") for g in profile.data_gathering),
        *(Point(f"Typical risk: {r}") for r in profile.typical_risks),
        *(
            [Point(f"Sources for these notes on {_lower_first(profile.title)}", use_cites)]
            if use_cites
            else []
        ),
        Point(
            "Assumed for this standing memo: the person lives in "
            f"{place_name(place)}; the developer is established in the US and offers its "
            f"service in {place_name(place)} and the US; whether works are registered in the "
            "US or carry a machine-readable opt-out is left open."
        ),
    ]
    return tuple(points)


def build_standing_memo(
    catalog: Catalog, *, stakeholder: str, use: str, jurisdiction: str, date: dt.date
) -> Memo:
    """The standing memo for one stakeholder group, AI use and jurisdiction."""
    group, profile = _lookup(catalog, stakeholder, use)
    place = jurisdiction_code(jurisdiction)
    situation = representative_situation(group, profile, place)
    sources: tuple[Citation, ...] = (*group.citations, *profile.citations)
    decisions: dict[str, tuple[str, ...]] = {}
    for record in (group, profile):
        for mechanism in record.mechanisms:
            privacy = _is_data_protection(catalog, mechanism)
            cited = tuple(
                c.source
                for c in record.citations
                if _is_authority_decision(catalog, c.source) == privacy
            )
            decisions[mechanism] = (*decisions.get(mechanism, ()), *cited)
    return build_memo(
        situation,
        catalog,
        date=date,
        kind="standing",
        title=_title(group, profile, place),
        to=f"{group.title} and those who advise them",
        background=_background(group, profile, place, catalog),
        background_sources=sources,
        extra_decisions=decisions,
    )


def standing_pairs(catalog: Catalog) -> list[tuple[str, str]]:
    """The (stakeholder, AI use) pairs worth a standing memo: uses that name the group."""
    return [
        (group, use.id)
        for use in catalog.ai_uses.values()
        for group in use.stakeholders
        if group in catalog.stakeholders
    ]


def standing_memos(
    catalog: Catalog, jurisdictions: tuple[str, ...], *, date: dt.date
) -> list[tuple[str, Memo]]:
    """Every standing memo for ``jurisdictions``, with a file stem for each."""
    out = []
    for place in jurisdictions:
        code = jurisdiction_code(place)
        for group, use in sorted(standing_pairs(catalog)):
            memo = build_standing_memo(
                catalog, stakeholder=group, use=use, jurisdiction=code, date=date
            )
            out.append((f"{group}--{use}--{code.lower()}", memo))
    return out
