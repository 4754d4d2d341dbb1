"""The assessment rules: territorial reach and each family of preconditions, from the law."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from railkit.kb import Catalog
from railkit.rights.assess import Assessment, assess
from railkit.rights.situation import situation_from_data

BASE: dict[str, Any] = {
    "person": {"role": "visual-artist", "residence": "DE"},
    "works": [
        {
            "kind": "image",
            "published_online": True,
            "where": "personal-website",
            "us_copyright_registered": False,
            "machine_readable_optout": False,
            "personal_data": False,
        }
    ],
    "ai_use": "image-generation",
    "developer": {"name": "X", "establishments": ["US"], "offers_service_in": ["US"]},
    "concerns": ["training-on-my-work"],
    "goals": ["stop-future-use"],
}


def run(catalog: Catalog, **changes: Any) -> Assessment:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if "__" in key:
            outer, inner = key.split("__")
            data[outer][inner] = value
        else:
            data[key] = value
    return assess(situation_from_data(data), catalog)


def status(result: Assessment, mechanism: str) -> str:
    return result.get(mechanism).status


def offered(result: Assessment, mechanism: str) -> bool:
    return result.get(mechanism).offered


def work(**fields: Any) -> dict[str, Any]:
    w = dict(BASE["works"][0])
    w.update(fields)
    return w


PERSONAL = [work(kind="personal-data", where="other", personal_data=True)]


def test_every_mechanism_is_assessed_with_reasons(catalog: Catalog) -> None:
    result = run(catalog)
    assert {m.id for m in result.mechanisms} == set(catalog.mechanisms)
    for m in result.mechanisms:
        assert m.reasons, m.id
        assert m.status in {"applicable", "possibly-applicable", "not-applicable"}
        if m.status == "not-applicable":
            assert not m.steps
        else:
            assert m.steps, m.id


def test_deterministic(catalog: Catalog) -> None:
    assert run(catalog).as_dict() == run(catalog).as_dict()


# --- territorial reach -------------------------------------------------------------------


def test_gdpr_art_3_2_offering_to_eu_resident(catalog: Catalog) -> None:
    r = run(
        catalog,
        works=PERSONAL,
        developer__offers_service_in=["EU"],
        concerns=["personal-data-in-training"],
    )
    assert status(r, "gdpr-access") == "applicable"
    assert any("Art. 3(2)(a)" in c for c in r.get("gdpr-access").citations)


def test_gdpr_not_reached_without_establishment_or_offer(catalog: Catalog) -> None:
    r = run(catalog, works=PERSONAL, concerns=["personal-data-in-training"])
    for m in ("gdpr-access", "gdpr-objection", "gdpr-erasure", "gdpr-complaint"):
        assert status(r, m) == "not-applicable"


def test_gdpr_art_3_1_establishment_reaches_non_eu_resident_only_possibly(catalog: Catalog) -> None:
    r = run(
        catalog,
        works=PERSONAL,
        person__residence="US-TX",
        developer__establishments=["US", "IE"],
        concerns=["personal-data-in-training"],
    )
    assert status(r, "gdpr-access") == "possibly-applicable"
    r = run(
        catalog,
        works=PERSONAL,
        person__residence="US-TX",
        developer__offers_service_in=["EU"],
        concerns=["personal-data-in-training"],
    )
    assert status(r, "gdpr-access") == "not-applicable"


def test_ai_act_reaches_non_eu_provider_offering_in_eu(catalog: Catalog) -> None:
    r = run(catalog, developer__offers_service_in=["US", "EU"])
    m = r.get("eu-ai-act-transparency")
    assert m.status == "applicable"
    assert any("Art. 2(1)(a)" in c for c in m.citations)
    assert status(run(catalog), "eu-ai-act-transparency") == "not-applicable"


def test_uk_gdpr_needs_uk_link(catalog: Catalog) -> None:
    gb = run(
        catalog,
        works=PERSONAL,
        person__residence="GB",
        developer__offers_service_in=["GB"],
        concerns=["personal-data-in-training"],
    )
    assert offered(gb, "uk-data-rights")
    ie = run(
        catalog,
        works=PERSONAL,
        person__residence="IE",
        developer__offers_service_in=["GB", "EU"],
        concerns=["personal-data-in-training"],
    )
    assert not offered(ie, "uk-data-rights")


def test_lgpd_and_pipeda_follow_their_territories(catalog: Catalog) -> None:
    br = run(
        catalog,
        works=PERSONAL,
        person__residence="BR",
        developer__offers_service_in=["BR"],
        concerns=["personal-data-in-training"],
    )
    assert status(br, "br-lgpd-rights") == "applicable"
    assert not offered(br, "ca-privacy-complaint")
    ca = run(
        catalog,
        works=PERSONAL,
        person__residence="CA",
        developer__offers_service_in=["CA"],
        concerns=["personal-data-in-training"],
    )
    assert status(ca, "ca-privacy-complaint") == "applicable"
    assert not offered(ca, "ccpa-rights"), "CA is Canada, not California"


def test_ccpa_needs_a_california_resident(catalog: Catalog) -> None:
    cal = run(
        catalog, works=PERSONAL, person__residence="US-CA", concerns=["personal-data-in-training"]
    )
    assert offered(cal, "ccpa-rights")
    tx = run(
        catalog, works=PERSONAL, person__residence="US-TX", concerns=["personal-data-in-training"]
    )
    assert not offered(tx, "ccpa-rights")
    no_pd = run(catalog, person__residence="US-CA")
    assert not offered(no_pd, "ccpa-rights")


def test_bipa_needs_illinois_and_biometrics(catalog: Catalog) -> None:
    selfie = [work(where="social-media", personal_data=True)]
    il = run(
        catalog, works=selfie, person__residence="US-IL", concerns=["personal-data-in-training"]
    )
    assert status(il, "bipa") == "applicable"
    assert offered(il, "us-class-action")
    ny = run(
        catalog, works=selfie, person__residence="US-NY", concerns=["personal-data-in-training"]
    )
    assert not offered(ny, "bipa")
    text = [work(kind="text", personal_data=False)]
    assert not offered(run(catalog, works=text, person__residence="US-IL"), "bipa")


def test_japan_needs_a_japanese_nexus(catalog: Catalog) -> None:
    jp = run(
        catalog,
        person__residence="JP",
        developer__establishments=["JP"],
        developer__offers_service_in=["JP"],
    )
    assert offered(jp, "jp-copyright")
    served_only = run(catalog, person__residence="US-CA", developer__offers_service_in=["US", "JP"])
    assert not offered(served_only, "jp-copyright")
    outputs = run(
        catalog,
        person__residence="US-CA",
        developer__offers_service_in=["JP"],
        concerns=["outputs-reproduce-my-work"],
    )
    assert status(outputs, "jp-copyright") == "applicable"


# --- copyright families --------------------------------------------------------------------


def test_us_registration_and_claim(catalog: Catalog) -> None:
    r = run(catalog, person__residence="US-TX")
    assert status(r, "us-copyright-registration") == "applicable"
    assert status(r, "us-copyright-claim") == "possibly-applicable"  # 411(a) first
    outputs = ["outputs-reproduce-my-work"]
    registered = run(
        catalog,
        person__residence="US-TX",
        works=[work(us_copyright_registered=True)],
        concerns=outputs,
    )
    assert status(registered, "us-copyright-claim") == "applicable"
    training_only = run(
        catalog, person__residence="US-TX", works=[work(us_copyright_registered=True)]
    )
    assert status(training_only, "us-copyright-claim") == "possibly-applicable"  # fair use
    foreign = run(catalog, person__residence="DE", concerns=outputs)
    assert status(foreign, "us-copyright-claim") == "applicable"  # 411(a) is for US works
    assert status(foreign, "us-copyright-registration") == "possibly-applicable"
    assert not offered(run(catalog, works=PERSONAL), "us-copyright-registration")


def test_dmca_takedown_needs_a_hosted_infringing_copy(catalog: Catalog) -> None:
    assert not offered(run(catalog), "us-dmca-takedown")
    r = run(catalog, concerns=["outputs-reproduce-my-work"], goals=["takedown-outputs"])
    assert status(r, "us-dmca-takedown") == "applicable"
    voice = run(
        catalog,
        works=[work(kind="voice", personal_data=True)],
        concerns=["outputs-reproduce-my-work", "likeness-or-voice"],
    )
    assert not offered(voice, "us-dmca-takedown")


def test_cmi_claim_is_at_most_possible(catalog: Catalog) -> None:
    r = run(catalog, concerns=["outputs-reproduce-my-work"])
    assert status(r, "us-dmca-cmi") == "possibly-applicable"
    assert not offered(
        run(catalog, works=PERSONAL, concerns=["outputs-false-about-me"]), "us-dmca-cmi"
    )


def test_class_action_for_registered_books(catalog: Catalog) -> None:
    books = [
        work(kind="book", published_online=False, where="publisher", us_copyright_registered=True)
    ]
    r = run(catalog, works=books, person__role="writer", person__residence="US-CA")
    assert status(r, "us-class-action") == "applicable"
    assert not offered(
        run(catalog, developer__establishments=["JP"], developer__offers_service_in=["JP"]),
        "us-class-action",
    )


def test_eu_tdm_reservation_and_copyright_claim(catalog: Catalog) -> None:
    eu = run(catalog, developer__offers_service_in=["EU"])
    assert status(eu, "eu-tdm-optout") == "applicable"
    assert status(eu, "eu-copyright-claim") == "possibly-applicable"
    reserved = run(
        catalog,
        developer__establishments=["FR"],
        developer__offers_service_in=["EU"],
        works=[work(machine_readable_optout=True)],
    )
    assert status(reserved, "eu-copyright-claim") == "applicable"
    gb = run(catalog, person__residence="GB", developer__offers_service_in=["US", "GB"])
    assert not offered(gb, "eu-tdm-optout")
    assert not offered(
        run(catalog, works=PERSONAL, developer__offers_service_in=["EU"]), "eu-tdm-optout"
    )


def test_uk_copyright_covers_performers(catalog: Catalog) -> None:
    voice = [work(kind="voice", where="publisher", personal_data=True)]
    r = run(
        catalog,
        works=voice,
        person__residence="GB",
        developer__offers_service_in=["GB"],
        concerns=["likeness-or-voice", "training-on-my-work"],
    )
    assert offered(r, "uk-copyright-claim")
    assert offered(r, "uk-data-rights")


# --- personal data families ------------------------------------------------------------------


def test_rectification_needs_false_outputs(catalog: Catalog) -> None:
    base = dict(works=PERSONAL, person__residence="IE", developer__offers_service_in=["EU"])
    assert (
        status(run(catalog, concerns=["outputs-false-about-me"], **base), "gdpr-rectification")
        == "applicable"
    )
    assert not offered(
        run(catalog, concerns=["personal-data-in-training"], **base), "gdpr-rectification"
    )


def test_gdpr_needs_personal_data(catalog: Catalog) -> None:
    r = run(catalog, developer__offers_service_in=["EU"])
    assert not offered(r, "gdpr-objection")
    assert not offered(r, "gdpr-erasure")


def test_publicity_needs_likeness_or_voice(catalog: Catalog) -> None:
    assert not offered(run(catalog, person__residence="US-CA"), "us-right-of-publicity")
    r = run(
        catalog,
        person__residence="US-TN",
        concerns=["likeness-or-voice"],
        works=[work(kind="voice", personal_data=True)],
    )
    assert status(r, "us-right-of-publicity") == "applicable"


# --- technical, contractual and evidence families -----------------------------------------------


def test_signals_need_a_site_the_person_controls(catalog: Catalog) -> None:
    own = run(catalog)
    assert status(own, "robots-txt") == "applicable"
    social = run(catalog, works=[work(where="social-media")])
    for m in ("robots-txt", "tdmrep", "aipref", "noai-meta"):
        assert not offered(social, m), m
    assert offered(social, "platform-settings")
    assert not offered(own, "platform-settings")


def test_tdmrep_has_legal_force_in_the_eu_only(catalog: Catalog) -> None:
    assert status(run(catalog), "tdmrep") == "applicable"  # DE resident
    assert status(run(catalog, person__residence="US-TX"), "tdmrep") == "possibly-applicable"


def test_adversarial_tools_are_for_images(catalog: Catalog) -> None:
    assert offered(run(catalog), "adversarial-protection")
    assert not offered(run(catalog, works=[work(kind="text")]), "adversarial-protection")


def test_membership_search_when_training_suspected(catalog: Catalog) -> None:
    assert offered(run(catalog), "membership-search")
    assert not offered(run(catalog, concerns=["likeness-or-voice"]), "membership-search")


def test_unknown_answers_lead_to_possibly_and_are_listed(catalog: Catalog) -> None:
    result = assess(situation_from_data({"works": [{"kind": "image"}]}), catalog)
    assert result.get("robots-txt").status == "possibly-applicable"
    assert "works[].where" in result.get("robots-txt").unknown_fields
    assert "person.residence" in result.unknown_fields


def test_contradictions_reach_the_result(catalog: Catalog) -> None:
    r = run(catalog, works=[work(published_online=False, where="social-media")])
    assert any("published_online" in w for w in r.warnings)


@pytest.mark.parametrize("mechanism", ["gdpr-objection", "eu-ai-act-transparency", "bipa"])
def test_reasons_cite_labels(catalog: Catalog, mechanism: str) -> None:
    r = run(
        catalog,
        works=PERSONAL,
        developer__offers_service_in=["EU"],
        concerns=["personal-data-in-training"],
    )
    for label in r.get(mechanism).citations:
        assert label.strip() and not label.startswith(" ")


def test_tdm_reservation_needs_a_place_to_make_it(catalog: Catalog) -> None:
    social = run(catalog, developer__offers_service_in=["EU"], works=[work(where="social-media")])
    assert not offered(social, "eu-tdm-optout")
    assert offered(social, "platform-settings")


def test_pipeda_does_not_follow_a_foreigner_because_the_developer_serves_canada(
    catalog: Catalog,
) -> None:
    r = run(
        catalog,
        works=PERSONAL,
        person__residence="US-CA",
        developer__offers_service_in=["US", "CA"],
        concerns=["personal-data-in-training"],
    )
    assert not offered(r, "ca-privacy-complaint")
    assert offered(r, "ccpa-rights")
