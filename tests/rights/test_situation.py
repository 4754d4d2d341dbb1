"""The situation validator: closed vocabularies, one-line errors naming the field, warnings."""

from __future__ import annotations

import pytest

from railkit.errors import InputError
from railkit.rights.consistency import contradictions
from railkit.rights.situation import parse_situation, situation_from_data


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"person": {"role": "artist"}}, "person.role"),
        ({"person": {"age": 40}}, "person.age"),
        ({"works": [{"kind": "image"}, {"kind": "painting"}]}, "works[1].kind"),
        ({"works": [{"where": "mastodon"}]}, "works[0].where"),
        ({"works": [{"colour": "red"}]}, "works[0].colour"),
        ({"concerns": ["training-on-my-work", "aliens"]}, "concerns[1]"),
        ({"goals": ["revenge"]}, "goals[0]"),
        ({"ai_use": "search"}, "ai_use"),
        ({"developer": {"offers_service_in": ["Europe"]}}, "developer.offers_service_in[0]"),
        ({"person": {"residence": "California"}}, "person.residence"),
        ({"country": "DE"}, "country"),
        ({"works": [{"published_online": "sometimes"}]}, "works[0].published_online"),
    ],
)
def test_bad_key_or_value_names_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        situation_from_data(data)
    message = str(info.value)
    assert field in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("{not json", "not valid JSON"), ("[1, 2]", "JSON object"), ('"text"', "JSON object")],
)
def test_malformed_json(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_situation(text)


def test_place_codes_are_normalised() -> None:
    s = situation_from_data(
        {"person": {"residence": "us-ca"}, "developer": {"establishments": ["uk"]}}
    )
    assert s.person is not None and s.person.residence == "US-CA"
    assert s.developer is not None and s.developer.establishments == ("GB",)


def test_every_field_is_optional() -> None:
    assert situation_from_data({}).works is None


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"works": [{"published_online": False, "where": "social-media"}]}, "online place"),
        ({"works": [{"published_online": True, "where": "offline"}]}, "'offline'"),
        (
            {"concerns": ["outputs-false-about-me"], "goals": ["remove-from-model"]},
            "no concern says",
        ),
        ({"concerns": ["training-on-my-work"], "goals": ["correct-outputs"]}, "correct-outputs"),
        ({"concerns": ["training-on-my-work"], "goals": ["takedown-outputs"]}, "takedown-outputs"),
        (
            {
                "works": [{"kind": "image", "personal_data": False}],
                "concerns": ["personal-data-in-training"],
            },
            "personal_data false",
        ),
        ({"works": [{"kind": "personal-data", "personal_data": False}]}, "kind is 'personal-data'"),
        (
            {"works": [{"published_online": False}], "concerns": ["future-scraping"]},
            "no work is published online",
        ),
        (
            {"works": [{"kind": "personal-data"}], "concerns": ["outputs-reproduce-my-work"]},
            "every work is of kind 'personal-data'",
        ),
    ],
)
def test_contradictions_are_flagged(data: dict[str, object], fragment: str) -> None:
    warnings = contradictions(situation_from_data(data))
    assert any(fragment in w for w in warnings), warnings


def test_consistent_situation_has_no_warnings() -> None:
    data = {
        "works": [{"kind": "image", "published_online": True, "where": "personal-website"}],
        "concerns": ["training-on-my-work"],
        "goals": ["remove-from-dataset", "stop-future-use"],
    }
    assert contradictions(situation_from_data(data)) == []


def test_hostile_json_is_a_one_line_error() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        parse_situation("[" * 100000 + "]" * 100000)
    with pytest.raises(InputError, match="works"):
        situation_from_data({"works": [{"kind": "image"}] * 1000})
