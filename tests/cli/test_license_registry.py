"""``railkit license identify | show | list``: JSON shape, identifiers, filters, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli
from railkit.kb import Catalog
from tests.conftest import scancode_text


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def apache_file(tmp_path: Path, scancode_licenses: Path) -> Path:
    path = tmp_path / "LICENSE.renamed.md"
    path.write_text(scancode_text(scancode_licenses, "apache-2.0"), encoding="utf-8")
    return path


def test_identify_json_shape(runner: CliRunner, apache_file: Path) -> None:
    code, out, _ = run(runner, "license", "identify", str(apache_file), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"matches", "differences"}
    first = data["matches"][0]
    assert set(first) >= {"id", "scancode_key", "hf_id", "name", "score"}
    assert first["id"] == "apache-2.0" and first["scancode_key"] == "apache-2.0"
    assert 0.99 <= first["score"] <= 1.0
    assert data["differences"] == []


def test_identify_text_output(runner: CliRunner, apache_file: Path) -> None:
    code, out, _ = run(runner, "license", "identify", str(apache_file))
    assert code == 0
    assert "apache-2.0" in out and "not legal advice" in out.lower()


def test_identify_joined_documents_from_stdin(runner: CliRunner, scancode_licenses: Path) -> None:
    joined = (
        scancode_text(scancode_licenses, "gemma-tou-2025-03-24")
        + "\n\n"
        + scancode_text(scancode_licenses, "gemma-pup-2024-02-21")
    )
    result = runner.invoke(cli, ["license", "identify", "-", "--format", "json"], input=joined)
    assert result.exit_code == 0
    found = {m["id"] for m in json.loads(result.stdout)["matches"]}
    assert {"gemma-tou-2025-03-24", "gemma-pup-2024-02-21"} <= found


def test_identify_no_match_is_empty_not_an_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Meeting notes: we agreed to repaint the shed green next spring.\n" * 30)
    code, out, _ = run(runner, "license", "identify", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)["matches"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (b"caf\xe9 license text \xff\xfe", "UTF-8"),
    ],
)
def test_identify_bad_input_exits_2(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(runner, "license", "identify", str(path), "--format", "json")
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


def test_identify_huge_and_missing_inputs_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MiB
    code, _, err = run(runner, "license", "identify", str(huge))
    assert code == 2 and "too large" in err
    code, _, err = run(runner, "license", "identify", str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err


def test_identify_text_without_clauses(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "symbols.txt"
    path.write_text("-- == ** ## !! ?? \n" * 200)
    code, out, _ = run(runner, "license", "identify", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["matches"] == []


@pytest.mark.parametrize(
    "name",
    [
        "llama3.1-license",
        "LLAMA3.1",
        "llama-3.1-license-2024",
        "LicenseRef-scancode-llama-3.1-license-2024",
    ],
)
def test_show_accepts_any_identifier(runner: CliRunner, name: str) -> None:
    code, out, _ = run(runner, "license", "show", name, "--format", "json")
    assert code == 0
    assert json.loads(out)["id"] == "llama3.1-license"


def test_show_spdx_id(runner: CliRunner, catalog: Catalog) -> None:
    record = catalog.licenses["bsd-new"]
    assert record.identifiers.spdx
    code, out, _ = run(
        runner, "license", "show", record.identifiers.spdx.upper(), "--format", "json"
    )
    assert code == 0 and json.loads(out)["id"] == "bsd-new"


def test_show_text(runner: CliRunner) -> None:
    code, out, _ = run(runner, "license", "show", "apache-2.0")
    assert code == 0
    assert "Apache" in out and "not legal advice" in out.lower()


def test_show_family_id_is_ambiguous(runner: CliRunner, catalog: Catalog) -> None:
    code, out, err = run(runner, "license", "show", "openrail", "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert data["error"] == "ambiguous"
    assert "creativeml-openrail-m" in data["candidates"]
    assert "bigscience-openrail-m" in data["candidates"]
    assert "ambiguous" in err
    code, _, err = run(runner, "license", "show", "llama")
    assert code == 2 and "llama3.1-license" in err


def test_show_unknown_suggests(runner: CliRunner) -> None:
    code, _, err = run(runner, "license", "show", "lama3.1")
    assert code == 2
    assert "did you mean" in err and "llama3.1" in err


def test_list_filters(runner: CliRunner, catalog: Catalog) -> None:
    code, out, _ = run(runner, "license", "list", "--format", "json")
    assert code == 0 and len(json.loads(out)) == len(catalog.licenses)
    code, out, _ = run(
        runner, "license", "list", "--family", "llama", "--type", "aup", "--format", "json"
    )
    rows = json.loads(out)
    assert rows and all(r["type"] == "acceptable-use-policy" for r in rows)
    assert all(r["family"].lower().startswith("llama") for r in rows)
    code, out, _ = run(runner, "license", "list", "--commercial", "not-allowed", "--format", "json")
    assert all(r["commercial_use"] == "not-allowed" for r in json.loads(out))


def test_list_by_category_and_feature(runner: CliRunner, catalog: Catalog) -> None:
    category = next(
        c for d in catalog.licenses.values() for a in d.annotations for c in a.categories
    )
    code, out, _ = run(runner, "license", "list", "--category", category, "--format", "json")
    assert code == 0
    for row in json.loads(out):
        doc = catalog.licenses[row["id"]]
        assert any(category in a.categories for a in doc.annotations)
    code, _, err = run(runner, "license", "list", "--category", "no-such-category")
    assert code == 2 and "unknown category" in err
    code, _, err = run(runner, "license", "list", "--feature", "no-such-feature")
    assert code == 2


def test_list_text_table(runner: CliRunner) -> None:
    code, out, _ = run(runner, "license", "list", "--family", "gemma")
    assert code == 0 and "gemma" in out.lower() and "not legal advice" in out.lower()


def test_show_follows_a_same_text_record(runner: CliRunner, catalog: Catalog) -> None:
    twins = [d for d in catalog.licenses.values() if d.same_as]
    if not twins:
        pytest.skip("no registry record names the same text as another")
    twin = twins[0]
    code, out, _ = run(runner, "license", "show", twin.id, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == twin.same_as and data["resolved_from"] == twin.id
