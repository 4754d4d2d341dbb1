"""Use check: mapping use descriptions, per-license verdicts, the check-use command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli
from railkit.errors import InputError
from railkit.licensing.usecheck import (
    NEEDS_REVIEW,
    NO_RESTRICTION,
    RESTRICTED,
    check_use,
    describe_use,
    registry_text,
)

# A small use policy written for these tests (not taken from any license).
POLICY = """Sample Model Use Policy

You agree not to use the Model or its outputs:

(a) for facial recognition;
(b) to give medical advice in place of a qualified doctor;
(c) to engage in the unlicensed practice of law or accounting;
(d) to produce content that harasses any person;
(e) to improve any other large language model.
"""

NONCOMMERCIAL = """Research License

1. You may use the Model for non-commercial research purposes only.
2. Commercial use of the Model is not permitted.
"""

THRESHOLD = """Community License

1. You may use, copy and modify the Model.
2. If your products have more than 50 million monthly active users, you must request a
separate license from the Licensor before using the Model.
"""


def test_describe_use_maps_plain_words() -> None:
    profile = describe_use("face recognition for store security")
    assert profile.strength("biometrics") == "direct"
    assert profile.strength("surveillance") is not None
    tax = describe_use("a chatbot giving tax advice")
    assert tax.strength("regulated-advice") == "direct"
    hiring = describe_use("screen job applicants' CVs")
    assert hiring.strength("discrimination") == "related"
    assert hiring.strength("automated-decisions") == "related"
    app = describe_use("commercial app with 900 million monthly users")
    assert app.commercial and app.users == 900_000_000
    assert describe_use("a tool with no face recognition").strength("biometrics") is None


def test_direct_unconditional_restriction() -> None:
    result = check_use([("policy", POLICY)], "face recognition for store security")
    verdict = result.licenses[0]
    assert verdict.verdict == RESTRICTED
    assert any(f.id == "biometrics" and f.level == RESTRICTED for f in verdict.findings)
    assert result.restricted


def test_advice_in_another_field_is_not_matched_to_a_medical_clause() -> None:
    verdict = check_use([("policy", POLICY)], "a chatbot giving tax advice").licenses[0]
    refs = {f.ref: f for f in verdict.findings if f.id == "regulated-advice"}
    assert len(refs) == 1
    only = next(iter(refs.values()))
    assert "accounting" in only.text and only.level == NEEDS_REVIEW
    assert verdict.verdict == NEEDS_REVIEW


def test_competing_model_and_unrelated_use() -> None:
    assert (
        check_use([POLICY], "fine-tune to build a competing LLM").licenses[0].verdict == RESTRICTED
    )
    poems = check_use([POLICY], "write poems for my own blog")
    assert poems.licenses[0].verdict == NO_RESTRICTION
    assert poems.notes and not poems.restricted


def test_non_commercial_and_threshold_features() -> None:
    shop = check_use([("nc", NONCOMMERCIAL)], "generate product photos for an online shop")
    assert shop.licenses[0].verdict == RESTRICTED
    assert shop.licenses[0].findings[0].id == "non-commercial"
    big = check_use([("c", THRESHOLD)], "commercial app with 900 million monthly users")
    assert big.licenses[0].verdict == RESTRICTED
    small = check_use([("c", THRESHOLD)], "commercial app with 2 million monthly users")
    assert small.licenses[0].verdict == NO_RESTRICTION


def test_several_licenses_each_get_a_verdict() -> None:
    result = check_use([("p", POLICY), ("t", THRESHOLD)], "facial recognition in shops")
    assert [v.name for v in result.licenses] == ["p", "t"]
    assert [v.verdict for v in result.licenses] == [RESTRICTED, NO_RESTRICTION]
    data = result.to_dict()
    assert data["licenses"][0]["findings"][0]["ref"]


def test_bad_input() -> None:
    with pytest.raises(InputError):
        check_use([POLICY], "   ")
    with pytest.raises(InputError):
        check_use([], "anything")


def test_resolver_hook() -> None:
    seen = []

    def resolve(spec: str) -> tuple[str, str] | None:
        seen.append(spec)
        return ("sample-policy", POLICY) if spec == "sample-policy" else None

    result = check_use(["sample-policy"], "facial recognition", resolve=resolve)
    assert seen == ["sample-policy"] and result.licenses[0].name == "sample-policy"


def test_cli_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    policy = tmp_path / "policy.txt"
    policy.write_text(POLICY, encoding="utf-8")
    found = runner.invoke(cli, ["license", "check-use", str(policy), "--use", "facial recognition"])
    assert found.exit_code == 1, found.output
    assert "restricted" in found.output and "(a)" in found.output
    clean = runner.invoke(
        cli, ["license", "check-use", str(policy), "--use", "write poems", "--format", "json"]
    )
    assert clean.exit_code == 0, clean.output
    assert '"no-restriction-found"' in clean.output
    missing = runner.invoke(cli, ["license", "check-use", str(tmp_path / "nope.txt"), "--use", "x"])
    assert missing.exit_code == 2
    empty_use = runner.invoke(cli, ["license", "check-use", str(policy), "--use", " "])
    assert empty_use.exit_code == 2
    empty_file = tmp_path / "empty.txt"
    empty_file.write_text("", encoding="utf-8")
    bad = runner.invoke(cli, ["license", "check-use", str(empty_file), "--use", "chatbot"])
    assert bad.exit_code == 2


def test_registry_ids_resolve_to_scancode_texts(runner: CliRunner, scancode_licenses: Path) -> None:
    assert (scancode_licenses / "gemma-pup-2024-02-21.LICENSE").exists()
    found = registry_text("gemma-pup-2024-02-21")
    assert found is not None and found[0] == "gemma-pup-2024-02-21"
    assert not found[1].lstrip().startswith("key:")
    verdict = check_use([found], "a chatbot giving legal advice").licenses[0]
    assert any(f.id == "regulated-advice" for f in verdict.findings)
    assert registry_text("certainly-not-a-license") is None
    unknown = runner.invoke(cli, ["license", "check-use", "certainly-not-a-license", "--use", "x"])
    assert unknown.exit_code == 2


def test_protective_uses_and_topic_words_only_relate() -> None:
    moderation = describe_use("detect hate speech and harassment on a forum")
    assert moderation.protective
    assert moderation.strength("defamation-harassment") == "related"
    verdict = check_use([POLICY], "detect harassment in comments").licenses[0]
    assert verdict.verdict == NEEDS_REVIEW
    tutor = describe_use("a homework helper for children")
    assert tutor.strength("child-safety") == "related"
