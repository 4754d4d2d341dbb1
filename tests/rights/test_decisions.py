"""Decisions, stakeholder profiles, AI uses and parallels in the knowledge base."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from railkit.kb import Catalog
from railkit.kb.check import check_catalog
from railkit.kb.records.source import DECISION_KINDS
from railkit.rights.situation import AiUse, Role

REQUIRED_DECISIONS = (
    "case-bartz-v-anthropic",
    "case-kadrey-v-meta",
    "case-thomson-reuters-v-ross",
    "case-nyt-v-microsoft-openai",
    "case-authors-guild-v-openai",
    "case-andersen-v-stability-ai",
    "case-getty-v-stability-ai-uk",
    "case-getty-v-stability-ai-us",
    "case-doe-v-github",
    "case-kneschke-v-laion-lg-hamburg",
    "case-kneschke-v-laion-olg-hamburg",
    "case-gema-v-openai",
    "case-concord-v-anthropic",
    "case-authors-guild-v-google",
    "decision-opc-openai",
    "decision-anpd-meta-ai-training",
    "decision-garante-openai",
)
CHECKED = dt.date(2026, 11, 27)


@pytest.mark.parametrize("source_id", REQUIRED_DECISIONS)
def test_required_decision_is_complete_and_dated(catalog: Catalog, source_id: str) -> None:
    source = catalog.sources[source_id]
    assert source.kind in DECISION_KINDS
    assert source.court and source.holding and source.date and source.status
    assert source.checked == CHECKED
    assert "as of 2026-11-27" in source.status.lower(), "the status must say when it held"
    assert source.date <= CHECKED


def test_opinion_28_2024_is_reused_not_duplicated(catalog: Catalog) -> None:
    ids = [s for s in catalog.sources if "28-2024" in s]
    assert ids == ["guidance-edpb-opinion-28-2024"]


def test_kb_check_has_no_problems_in_new_collections() -> None:
    mine = ("stakeholders/", "ai-uses/", "parallels/", "sources/case-", "sources/decision-")
    problems = [p for p in check_catalog() if p.path.startswith(mine)]
    assert problems == []


def test_every_role_and_ai_use_has_a_profile(catalog: Catalog) -> None:
    roles = {r for r in typing.get_args(Role) if r != "other"}
    uses = {u for u in typing.get_args(AiUse) if u != "other"}
    assert {s.role for s in catalog.stakeholders.values()} == roles
    assert {u.ai_use for u in catalog.ai_uses.values()} == uses
    for record in (*catalog.stakeholders.values(), *catalog.ai_uses.values()):
        assert record.id in (getattr(record, "role", None), getattr(record, "ai_use", None))


def test_parallels_rest_on_decisions(catalog: Catalog) -> None:
    assert len(catalog.parallels) >= 5
    for parallel in catalog.parallels.values():
        kinds = {catalog.sources[c.source].kind for c in parallel.citations}
        assert kinds & DECISION_KINDS, f"{parallel.id} cites no decision"
        assert parallel.lessons and parallel.limits


def test_profiles_point_at_relevant_mechanisms(catalog: Catalog) -> None:
    for group in catalog.stakeholders.values():
        assert len(group.mechanisms) >= 3
        for work in group.typical_works:
            assert work.where
    for use in catalog.ai_uses.values():
        assert use.data_gathering and use.typical_risks
        for stakeholder in use.stakeholders:
            assert stakeholder in catalog.stakeholders
