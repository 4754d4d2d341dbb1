"""``railkit rights assess``: JSON shape, text output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli

SITUATION = {
    "person": {"role": "private-individual", "residence": "IE"},
    "works": [
        {"kind": "personal-data", "published_online": True, "where": "other", "personal_data": True}
    ],
    "ai_use": "chatbot",
    "developer": {"name": "Example", "establishments": ["US", "IE"], "offers_service_in": ["EU"]},
    "concerns": ["outputs-false-about-me"],
    "goals": ["correct-outputs"],
}


def write(tmp_path: Path, data: object, name: str = "s.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_json_shape(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["rights", "assess", write(tmp_path, SITUATION), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"mechanisms", "warnings", "notice", "law_as_of"}
    assert len(data["mechanisms"]) == 35
    for m in data["mechanisms"]:
        assert set(m) >= {"id", "status", "reasons", "citations", "steps"}
        assert m["status"] in {"applicable", "possibly-applicable", "not-applicable"}
        assert all(isinstance(x, str) for x in m["reasons"] + m["citations"] + m["steps"])
    by_id = {m["id"]: m for m in data["mechanisms"]}
    assert by_id["gdpr-rectification"]["status"] == "applicable"
    assert "GDPR Art. 16" in by_id["gdpr-rectification"]["citations"]
    assert "not legal advice" in data["notice"]


def test_text_output_ends_with_notice(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["rights", "assess", write(tmp_path, SITUATION)])
    assert result.exit_code == 0
    assert "Applicable (" in result.output
    assert "gdpr-rectification" in result.output
    assert result.output.strip().splitlines()[-1].startswith("Legal information, not legal advice")


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["rights", "assess", "-", "--format", "json"], input=json.dumps(SITUATION)
    )
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({**SITUATION, "mood": "angry"}, "unknown field 'mood'"),
        ({**SITUATION, "ai_use": "oracle"}, "ai_use"),
        ({**SITUATION, "works": [{"kind": "sculpture"}]}, "works[0].kind"),
        ({**SITUATION, "person": {"residence": "Ireland"}}, "person.residence"),
    ],
)
def test_bad_situation_exits_2_naming_the_field(
    runner: CliRunner, tmp_path: Path, data: object, fragment: str
) -> None:
    result = runner.invoke(cli, ["rights", "assess", write(tmp_path, data)])
    assert result.exit_code == 2
    assert fragment in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"{oops", "not valid JSON"),
        (b"[]", "JSON object"),
    ],
)
def test_bad_files_exit_2(runner: CliRunner, tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = runner.invoke(cli, ["rights", "assess", str(path)])
    assert result.exit_code == 2
    assert fragment in result.output


def test_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["rights", "assess", str(tmp_path / "nope.json")])
    assert result.exit_code == 2


def test_contradiction_is_reported_as_warning(runner: CliRunner, tmp_path: Path) -> None:
    data = {**SITUATION, "goals": ["remove-from-model"]}
    result = runner.invoke(cli, ["rights", "assess", write(tmp_path, data), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["warnings"]
