"""Structural features: each found with its evidencing clause; no false alarms on plain licenses."""

from __future__ import annotations

from pathlib import Path

import pytest

from railkit.licensing.features import FEATURE_IDS, detect_features, record_cues
from railkit.licensing.segment import Clause, segment
from tests.conftest import scancode_text


def ids(text: str) -> set[str]:
    return {f.id for f in detect_features(segment(text))}


# Clauses written for these tests, one per feature, in varied drafting styles.
WRITTEN = {
    "use-restrictions-flowdown": (
        "Anyone who redistributes the Model must pass on the use restrictions of Schedule 2 "
        "to every downstream licensee, in terms at least as protective as these."
    ),
    "aup-incorporated": (
        "Your use must comply with our Acceptable Use Policy, which we may revise and which "
        "forms part of these terms."
    ),
    "remote-restriction": "The Provider may remotely disable access to the weights if you breach.",
    "non-commercial": "The Dataset is made available for non-commercial research only.",
    "user-threshold": (
        "Organisations whose services exceed 50 million monthly active users need a separate "
        "license."
    ),
    "attribution-notice": "Each copy you distribute shall include a copy of this License.",
    "naming-requirement": "Any fine-tuned model you publish must begin its model name with Acme.",
    "output-terms": "The Licensor claims no ownership of outputs you generate.",
    "territorial-restriction": (
        "The rights in Section 2 are not granted to persons domiciled in the Atlantis Republic."
    ),
    "litigation-termination": (
        "If you bring a lawsuit alleging that the Model infringes a patent, this license "
        "terminates for you."
    ),
    "modification-notice": (
        "Whoever alters the code must mark each changed file with a note saying it was modified."
    ),
}


@pytest.mark.parametrize("feature", sorted(WRITTEN))
def test_each_feature_found_in_written_clause(feature: str) -> None:
    findings = detect_features(segment(WRITTEN[feature]))
    assert feature in {f.id for f in findings}
    hit = next(f for f in findings if f.id == feature)
    assert hit.ref == "¶1" and hit.text == " ".join(WRITTEN[feature].split()) and hit.cue


@pytest.mark.parametrize(
    "text",
    [
        "You may use the Model for any purpose, commercial or non-commercial.",
        "This license is worldwide and royalty-free.",
        "The Licensor's principal place of business is in Ireland.",
        "Derivative works shall not include works that merely link to the interfaces by name.",
        "Everyone is permitted to copy and distribute verbatim copies of this license.",
    ],
)
def test_no_feature_in_neutral_clauses(text: str) -> None:
    assert ids(text) == set()


def test_operative_clause_preferred_over_definition() -> None:
    text = (
        '1. "Non-Commercial" means for research or evaluation purposes only.\n'
        "2. You may use the Materials for non-commercial purposes only.\n"
    )
    (finding,) = [f for f in detect_features(segment(text)) if f.id == "non-commercial"]
    assert finding.ref == "2" and finding.strength == "pattern"


def test_feature_ids_are_the_taxonomy_ids(catalog: object) -> None:
    features = getattr(catalog, "features", {})
    if features:
        assert set(FEATURE_IDS) == set(features)
    assert len(FEATURE_IDS) == 11


def test_record_cues_are_lowercase_phrases() -> None:
    for fid, cues in record_cues().items():
        assert fid in FEATURE_IDS
        assert all(c == c.lower() and " " in c for c in cues)


def test_cue_phrases_alone_need_two_matches() -> None:
    cues = record_cues().get("remote-restriction", ())
    if len(cues) < 2:
        pytest.skip("feature records without cue phrases")
    one = Clause("x", cues[0], 0, len(cues[0]))
    assert all(f.strength == "pattern" for f in detect_features([one]))


def test_openrail_features(scancode_licenses: Path) -> None:
    found = ids(scancode_text(scancode_licenses, "bigscience-open-rail-m"))
    assert {
        "use-restrictions-flowdown",
        "remote-restriction",
        "attribution-notice",
        "modification-notice",
        "output-terms",
        "litigation-termination",
    } <= found
    assert "non-commercial" not in found and "user-threshold" not in found


def test_llama_features(scancode_licenses: Path) -> None:
    findings = detect_features(segment(scancode_text(scancode_licenses, "llama-3.1-license-2024")))
    by_id = {f.id: f for f in findings}
    assert {
        "aup-incorporated",
        "user-threshold",
        "attribution-notice",
        "naming-requirement",
    } <= set(by_id)
    assert by_id["user-threshold"].ref == "2"
    assert by_id["aup-incorporated"].ref == "1.b.iv"
    assert "use-restrictions-flowdown" not in by_id


def test_permissive_licenses(scancode_licenses: Path) -> None:
    apache = ids(scancode_text(scancode_licenses, "apache-2.0"))
    assert apache == {"attribution-notice", "modification-notice", "litigation-termination"}
    assert ids(scancode_text(scancode_licenses, "mit")) == {"attribution-notice"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "An unenforceable term shall be replaced by a valid and enforceable provision.",
            "use-restrictions-flowdown",
        ),
        (
            "We may end this agreement and revoke your right to use the Model if you breach it.",
            "remote-restriction",
        ),
    ],
)
def test_boilerplate_is_not_a_feature(text: str, absent: str) -> None:
    assert absent not in ids(text)


# More paraphrases, written for these tests in styles the patterns were not drafted from.
PARAPHRASES = [
    ("You must impose these restrictions on anyone you distribute the Model to.",
     "use-restrictions-flowdown"),
    ("This model is licensed for academic and research use only.", "non-commercial"),
    ("Licensee may not use the Software for any commercial purpose.", "non-commercial"),
    ("If your annual revenue exceeds USD 10 million, you need an enterprise license.",
     "user-threshold"),
    ("You shall not use the outputs of the Model to train a competing model.", "output-terms"),
    ("Any derivative you release must be named with the suffix -ft.", "naming-requirement"),
    ("This license is not available to users located in Freedonia.",
     "territorial-restriction"),
    ("Your rights end automatically if you sue us over a patent in the Model.",
     "litigation-termination"),
    ("Each changed file must say that it was modified.", "modification-notice"),
    ("Distributions must retain the NOTICE file.", "attribution-notice"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "feature"), PARAPHRASES)
def test_paraphrased_features(text: str, feature: str) -> None:
    assert feature in ids(text)


def test_creative_commons_duties_read_through_lead_ins(scancode_licenses: Path) -> None:
    by = ids(scancode_text(scancode_licenses, "cc-by-4.0"))
    assert {"attribution-notice", "modification-notice"} <= by
    assert "non-commercial" not in by
    assert "non-commercial" in ids(scancode_text(scancode_licenses, "cc-by-nc-4.0"))
