"""The taxonomy, glossary and kb commands: output, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli
from railkit.kb import Catalog


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_taxonomy_list_text_and_json(runner: CliRunner, catalog: Catalog) -> None:
    code, out, _ = run(runner, "taxonomy", "list")
    assert code == 0
    assert "biometrics" in out and "not legal advice" in out.lower()
    code, out, _ = run(runner, "taxonomy", "list", "--format", "json")
    data = json.loads(out)
    assert {c["id"] for c in data["categories"]} == set(catalog.categories)
    assert {f["id"] for f in data["features"]} == set(catalog.features)


def test_taxonomy_list_by_domain(runner: CliRunner) -> None:
    code, out, _ = run(runner, "taxonomy", "list", "--domain", "privacy", "--format", "json")
    assert code == 0
    assert {c["domain"] for c in json.loads(out)["categories"]} == {"privacy"}
    code, _, err = run(runner, "taxonomy", "list", "--domain", "privacyy")
    assert code == 2 and "did you mean 'privacy'" in err


def test_taxonomy_show_category_and_feature(runner: CliRunner) -> None:
    code, out, _ = run(runner, "taxonomy", "show", "biometrics")
    assert code == 0
    assert "Standardized clause" in out and "AI Act Art. 5(1)(e)" in out
    code, out, _ = run(runner, "taxonomy", "show", "biometrics", "--format", "json")
    data = json.loads(out)
    assert data["kind"] == "category" and data["grounding"]
    code, out, _ = run(runner, "taxonomy", "show", "user-threshold", "--format", "json")
    assert code == 0 and json.loads(out)["kind"] == "feature"


def test_unknown_id_is_one_line_with_suggestion(runner: CliRunner) -> None:
    code, out, err = run(runner, "taxonomy", "show", "biometric")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "did you mean 'biometrics'" in err


def test_glossary_list_and_show_by_term_or_alias(runner: CliRunner, catalog: Catalog) -> None:
    code, out, _ = run(runner, "glossary", "list", "--format", "json")
    assert code == 0 and len(json.loads(out)) == len(catalog.glossary) >= 40
    term = next(iter(catalog.glossary.values()))
    code, out, _ = run(runner, "glossary", "show", term.term.upper())
    assert code == 0 and term.definition.split()[0] in out
    code, out, _ = run(runner, "glossary", "show", term.id, "--format", "json")
    assert json.loads(out)["id"] == term.id
    code, _, err = run(runner, "glossary", "show", "no such thing at all")
    assert code == 2 and "unknown glossary term" in err


def test_kb_check_passes(runner: CliRunner) -> None:
    code, out, _ = run(runner, "kb", "check")
    assert code == 0 and "knowledge base OK" in out
    code, out, _ = run(runner, "kb", "check", "--format", "json")
    assert json.loads(out) == {"ok": True, "problems": []}


def test_kb_check_exits_1_on_problems(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from railkit.cli import kb as kb_cli
    from railkit.kb.problem import Problem

    monkeypatch.setattr(
        kb_cli, "check_catalog", lambda: [Problem("dangling-reference", "gone", "x/y.yaml", "f", 3)]
    )
    code, out, _ = run(runner, "kb", "check")
    assert code == 1 and "x/y.yaml:3: [dangling-reference] f: gone" in out


@pytest.mark.parametrize("fmt", ["json", "skos", "schema"])
def test_kb_export_formats(runner: CliRunner, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"out.{fmt}.json"
    code, _, _ = run(runner, "kb", "export", "--format", fmt, "--output", str(target))
    assert code == 0
    data = json.loads(target.read_text())
    assert data


def test_bad_option_value_exits_2(runner: CliRunner) -> None:
    code, _, _ = run(runner, "taxonomy", "list", "--format", "yaml")
    assert code == 2


def test_version(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and "railkit" in out
