"""The place helpers and the condition language: forms, three-valued logic, validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from railkit.rights import regions
from railkit.rights.conditions import Condition, evaluate, validate_condition
from railkit.rights.situation import situation_from_data


def cond(data: object) -> Condition:
    return Condition.model_validate(data)


@pytest.mark.parametrize(
    ("code", "region", "expected"),
    [
        ("DE", "EU", True),
        ("GB", "EU", False),
        ("NO", "EEA", True),
        ("NO", "EU", False),
        ("US-CA", "US", True),
        ("US-CA", "US-CA", True),
        ("US-TX", "US-CA", False),
        ("CA", "US-CA", False),
        ("US", "US-CA", None),
        ("EU", "DE", None),
        ("uk", "GB", True),
    ],
)
def test_within(code: str, region: str, expected: bool | None) -> None:
    assert regions.within(code, region) is expected


@pytest.mark.parametrize(
    ("code", "region", "expected"),
    [
        ("EU", "DE", True),
        ("DE", "EU", True),
        ("US", "US-CA", True),
        ("US-CA", "US", True),
        ("CA", "US-CA", False),
        ("JP", "EU", False),
        ("US-IL", "US-CA", False),
    ],
)
def test_overlaps(code: str, region: str, expected: bool) -> None:
    assert regions.overlaps(code, region) is expected


SITUATION = situation_from_data(
    {
        "person": {"role": "writer", "residence": "FR"},
        "works": [
            {"kind": "book", "published_online": False, "where": "publisher"},
            {"kind": "image", "published_online": True, "where": "personal-website"},
        ],
        "developer": {"establishments": ["US"], "offers_service_in": ["EU"]},
        "concerns": ["training-on-my-work"],
    }
)


@pytest.mark.parametrize(
    ("data", "truth"),
    [
        ({"field": "person.residence", "in_region": "EU"}, True),
        ({"field": "person.residence", "in_region": "US"}, False),
        ({"field": "developer.offers_service_in", "reaches": "FR"}, True),
        ({"field": "developer.establishments", "reaches": "EU"}, False),
        ({"field": "works[].kind", "any_of": ["image"]}, True),
        ({"field": "concerns", "includes": "future-scraping"}, False),
        ({"field": "person.role", "equals": "writer"}, True),
        ({"not": {"field": "person.role", "equals": "writer"}}, False),
        (
            {
                "some_work": {
                    "all": [
                        {"field": "kind", "equals": "book"},
                        {"field": "published_online", "equals": True},
                    ]
                }
            },
            False,
        ),
        (
            {
                "some_work": {
                    "all": [
                        {"field": "kind", "equals": "image"},
                        {"field": "where", "equals": "personal-website"},
                    ]
                }
            },
            True,
        ),
        (
            {
                "any": [
                    {"field": "goals", "includes": "compensation"},
                    {"field": "person.role", "equals": "writer"},
                ]
            },
            True,
        ),
        ({"field": "developer.name", "known": True}, False),
    ],
)
def test_evaluate(data: object, truth: bool) -> None:
    assert evaluate(cond(data), SITUATION).truth is truth


def test_unknown_fields_make_the_result_unknown() -> None:
    result = evaluate(cond({"field": "goals", "includes": "compensation"}), SITUATION)
    assert result.truth is None
    assert result.unknown_fields == {"goals"}
    both = cond(
        {
            "all": [
                {"field": "goals", "includes": "compensation"},
                {"field": "ai_use", "equals": "chatbot"},
            ]
        }
    )
    assert evaluate(both, SITUATION).unknown_fields == {"goals", "ai_use"}


def test_false_branch_decides_despite_unknowns() -> None:
    c = cond(
        {
            "all": [
                {"field": "goals", "includes": "compensation"},
                {"field": "person.role", "equals": "musician"},
            ]
        }
    )
    assert evaluate(c, SITUATION).truth is False
    c = cond(
        {
            "any": [
                {"field": "goals", "includes": "compensation"},
                {"field": "person.role", "equals": "writer"},
            ]
        }
    )
    assert evaluate(c, SITUATION).truth is True


def test_residence_given_only_as_country_is_unknown_for_a_state() -> None:
    s = situation_from_data({"person": {"residence": "US"}})
    result = evaluate(cond({"field": "person.residence", "in_region": "US-CA"}), s)
    assert result.truth is None
    assert result.unknown_fields == {"person.residence"}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"field": "person.age", "equals": "x"}, "unknown situation field"),
        ({"field": "concerns", "includes": "pirates"}, "is not a value of concerns"),
        ({"field": "works[].published_online", "equals": "yes"}, "true or false"),
        ({"field": "person.role", "in_region": "EU"}, "not a place field"),
        ({"some_work": {"field": "kind", "any_of": ["painting"]}}, "works[].kind"),
    ],
)
def test_validation_finds_typos(data: object, problem: str) -> None:
    problems = validate_condition(cond(data))
    assert problems and problem in problems[0]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"field": "person.role"},
        {"field": "person.role", "equals": "writer", "any_of": ["writer"]},
        {"all": [], "any": []},
        {"equals": "writer"},
        {"eval": "__import__('os')"},
    ],
)
def test_malformed_conditions_are_rejected(data: object) -> None:
    with pytest.raises(ValidationError):
        cond(data)


@pytest.mark.parametrize("code", ["XX", "WW", "EU-DE", "Germany", "U", "US-"])
def test_unknown_place_codes_are_rejected(code: str) -> None:
    assert not regions.is_valid(code)


@pytest.mark.parametrize("code", ["DE", "uk", "EL", "EU", "EEA", "US-CA", "CA-QC", "JP"])
def test_known_place_codes_are_accepted(code: str) -> None:
    assert regions.is_valid(code)
