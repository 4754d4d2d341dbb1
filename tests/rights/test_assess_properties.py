"""Property tests: any well-formed situation is assessed without error, consistently."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from railkit.kb import load_catalog
from railkit.rights.assess import assess
from railkit.rights.situation import VOCABULARIES, situation_from_data

PLACES = [
    "DE",
    "FR",
    "IE",
    "NO",
    "GB",
    "US",
    "US-CA",
    "US-IL",
    "US-TX",
    "CA",
    "JP",
    "BR",
    "EU",
    "AU",
]


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


works = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(VOCABULARIES["works[].kind"]),
        "where": st.sampled_from(VOCABULARIES["works[].where"]),
        "published_online": st.booleans(),
        "us_copyright_registered": st.booleans(),
        "machine_readable_optout": st.booleans(),
        "personal_data": st.booleans(),
    },
)
situations = st.fixed_dictionaries(
    {},
    optional={
        "person": st.fixed_dictionaries(
            {},
            optional={
                "role": st.sampled_from(VOCABULARIES["person.role"]),
                "residence": st.sampled_from(PLACES),
            },
        ),
        "works": st.lists(works, max_size=3),
        "ai_use": st.sampled_from(VOCABULARIES["ai_use"]),
        "developer": st.fixed_dictionaries(
            {},
            optional={
                "name": st.just("Dev"),
                "establishments": st.lists(st.sampled_from(PLACES), max_size=3),
                "offers_service_in": st.lists(st.sampled_from(PLACES), max_size=3),
            },
        ),
        "concerns": st.lists(st.sampled_from(VOCABULARIES["concerns"]), max_size=4, unique=True),
        "goals": st.lists(st.sampled_from(VOCABULARIES["goals"]), max_size=4, unique=True),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(situations)
def test_any_situation_is_assessed(data: dict[str, Any]) -> None:
    catalog = load_catalog()
    result = assess(situation_from_data(data), catalog)
    assert len(result.mechanisms) == len(catalog.mechanisms)
    for m in result.mechanisms:
        assert m.reasons
        if m.status == "not-applicable":
            assert not m.steps
        else:
            assert m.steps


@settings(max_examples=60, deadline=None)
@given(situations)
def test_description_is_ignored(data: dict[str, Any]) -> None:
    """The free-text description never changes a status."""
    catalog = load_catalog()
    with_text = {**data, "description": "free text the rules must ignore: GDPR BIPA Illinois"}
    a = assess(situation_from_data(data), catalog)
    b = assess(situation_from_data(with_text), catalog)
    assert [(m.id, m.status) for m in a.mechanisms] == [(m.id, m.status) for m in b.mechanisms]


@settings(max_examples=80, deadline=None)
@given(situations, situations)
def test_answering_more_never_revives_an_excluded_mechanism(
    data: dict[str, Any], more: dict[str, Any]
) -> None:
    """Three-valued logic is monotone: adding answers to unanswered top-level fields can settle
    'possibly' either way, but never turns a definite 'not applicable' into an offer."""
    catalog = load_catalog()
    refined = {**more, **data}  # only fills keys that ``data`` left unanswered
    before = assess(situation_from_data(data), catalog)
    after = assess(situation_from_data(refined), catalog)
    for m in before.by_status("not-applicable"):
        assert after.get(m.id).status == "not-applicable", m.id
