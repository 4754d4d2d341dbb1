"""``railkit license analyze | compare`` and ``railkit clauses classify``: shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.license import license as license_group
from railkit.cli.main import cli
from tests.conftest import scancode_text


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def openrail(tmp_path: Path, scancode_licenses: Path) -> Path:
    path = tmp_path / "openrail.txt"
    path.write_text(scancode_text(scancode_licenses, "bigscience-open-rail-m"), encoding="utf-8")
    return path


@pytest.fixture
def llama(tmp_path: Path, scancode_licenses: Path) -> Path:
    path = tmp_path / "llama.txt"
    path.write_text(scancode_text(scancode_licenses, "llama-3.1-license-2024"), encoding="utf-8")
    return path


def test_analyze_json_contract(runner: CliRunner, openrail: Path) -> None:
    code, out, _ = run(runner, "license", "analyze", str(openrail), "--format", "json")
    assert code == 0
    data = json.loads(out)
    text = openrail.read_text(encoding="utf-8")
    assert data["clauses"] and data["features"]
    for clause in data["clauses"]:
        assert {"ref", "text", "start", "end", "categories"} <= set(clause)
        assert " ".join(text[clause["start"] : clause["end"]].split()) == clause["text"]
    refs = {c["ref"] for c in data["clauses"]}
    assert "Attachment A (a)" in refs
    restricted = [c for c in data["clauses"] if c["categories"]]
    assert any(c["ref"].startswith("Attachment A") for c in restricted)
    assert all(c["evidence"] for c in restricted)
    feature_ids = {f["id"] for f in data["features"]}
    assert "use-restrictions-flowdown" in feature_ids
    assert all({"id", "ref", "text"} <= set(f) for f in data["features"])
    assert data["notice"].startswith("Legal information, not legal advice")


def test_analyze_text_output(runner: CliRunner, openrail: Path) -> None:
    code, out, _ = run(runner, "license", "analyze", str(openrail))
    assert code == 0
    assert "Attachment A (a)" in out and "Structural features" in out
    assert "Legal information, not legal advice" in out.splitlines()[-1]
    code, short, _ = run(runner, "license", "analyze", str(openrail), "--restrictions-only")
    assert code == 0 and len(short) < len(out)


def test_analyze_stdin_markdown(runner: CliRunner) -> None:
    doc = (
        "# Policy\n\n## Prohibited Uses\n\nYou will not use the Model to:\n\n1. **Build** weapons\n"
    )
    code, out, _ = run(runner, "license", "analyze", "-", "--format", "json", stdin=doc)
    assert code == 0
    clause = next(c for c in json.loads(out)["clauses"] if c["ref"] == "Prohibited Uses 1")
    assert clause["text"] == "Build weapons"
    assert doc[clause["start"] : clause["end"]] == "**Build** weapons"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary" * 10, "binary"),
        (b"caf\xe9 license terms\n", "not UTF-8"),
    ],
)
def test_analyze_bad_input_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(runner, "license", "analyze", str(path), "--format", "json")
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_analyze_too_large_and_missing(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"You agree not to use the Model for harm. " * 300_000)  # ~12 MB
    code, _, err = run(runner, "license", "analyze", str(big))
    assert code == 2 and "too large" in err
    code, _, err = run(runner, "license", "analyze", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err


def test_analyze_text_without_clauses_is_empty(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "rule.txt"
    path.write_text("------\n12345\n", encoding="utf-8")
    code, out, _ = run(runner, "license", "analyze", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["clauses"] == [] and data["features"] == []


def test_analyze_hostile_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text("(a" * 50_000 + "\n" + " " * 50_000 + "." * 50_000, encoding="utf-8")
    code, out, _ = run(runner, "license", "analyze", str(path), "--format", "json")
    assert code == 0 and "clauses" in json.loads(out)


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
def test_compare_formats(runner: CliRunner, openrail: Path, llama: Path, fmt: str) -> None:
    code, out, _ = run(runner, "license", "compare", str(openrail), str(llama), "--format", fmt)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        assert data["licenses"] == ["openrail", "llama"]
        rows = {(r["kind"], r["id"]): r["licenses"] for r in data["rows"]}
        assert rows[("feature", "user-threshold")] == {"openrail": [], "llama": ["2"]}
        assert rows[("feature", "remote-restriction")]["openrail"]
    elif fmt == "csv":
        assert out.splitlines()[0] == "kind,id,openrail,llama"
        assert "feature,user-threshold,,2" in out.splitlines()
    elif fmt == "markdown":
        assert out.startswith("|  | openrail | llama |")
    else:
        assert "user-threshold" in out and "openrail" in out


def test_compare_unknown_license(runner: CliRunner, openrail: Path) -> None:
    code, _, err = run(runner, "license", "compare", str(openrail), "no-such-license-xyz")
    assert code == 2 and "no-such-license-xyz" in err


def test_license_group_accepts_commands_from_other_modules() -> None:
    @license_group.command("zz-test-extension")
    def _extension() -> None:
        """A command attached from outside the module."""

    try:
        assert "zz-test-extension" in license_group.list_commands(None)  # type: ignore[arg-type]
        assert {"analyze", "compare"} <= set(license_group.list_commands(None))  # type: ignore[arg-type]
    finally:
        license_group.commands.pop("zz-test-extension")


def test_clauses_classify_jsonl_contract(runner: CliRunner) -> None:
    lines = [
        {"id": "x1", "text": "You agree not to use the Model to generate malware."},
        {"id": "x2", "text": "You may use the Model for medical research."},
        {"id": 3, "text": "to build weapons;", "context": "You agree not to use the Model:"},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    code, out, _ = run(runner, "clauses", "classify", "--format", "jsonl", stdin=stdin)
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in rows] == ["x1", "x2", 3]
    assert all(isinstance(r["categories"], list) for r in rows)
    assert "malware-cyberattacks" in rows[0]["categories"]
    assert rows[1]["categories"] == []


@pytest.mark.parametrize(
    ("stdin", "message"),
    [("{not json}\n", "line 1: not valid JSON"), ('{"id": 1}\n', "line 1: expected an object")],
)
def test_clauses_classify_bad_lines(runner: CliRunner, stdin: str, message: str) -> None:
    code, out, err = run(runner, "clauses", "classify", "--format", "jsonl", stdin=stdin)
    assert code == 2 and message in err and out == ""


def test_clauses_classify_empty_input(runner: CliRunner) -> None:
    code, out, _ = run(runner, "clauses", "classify", "--format", "jsonl", stdin="")
    assert code == 0 and out == ""
