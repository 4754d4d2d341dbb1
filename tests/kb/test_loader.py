"""The loader: records validate against their schema, and errors name file, field and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from railkit.errors import UnknownIdError
from railkit.kb import Catalog
from railkit.kb.catalog import read_catalog, suggest
from railkit.kb.collections import COLLECTIONS

GOOD_SOURCE = """\
id: good-law
kind: legislation
title: A Law
short: Law
url: https://example.org/law
checked: 2026-01-01
"""


def write(root: Path, collection: str, name: str, text: str) -> Path:
    folder = root / collection
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_catalog_loads_every_collection(catalog: Catalog) -> None:
    assert set(catalog.records) == {c.name for c in COLLECTIONS}
    assert len(catalog.categories) == 29
    assert len(catalog.features) == 11
    assert len(catalog.domains) == 10


def test_records_are_immutable(catalog: Catalog) -> None:
    record = next(iter(catalog.categories.values()))
    with pytest.raises(ValidationError):
        record.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalog.categories["x"] = record  # type: ignore[index]


def test_good_record_loads(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.yaml", GOOD_SOURCE)
    catalog, problems = read_catalog(tmp_path)
    assert problems == []
    assert catalog.sources["good-law"].short == "Law"


def test_unknown_key_names_file_field_and_line(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.yaml", GOOD_SOURCE + "colour: blue\n")
    _, problems = read_catalog(tmp_path)
    assert len(problems) == 1
    p = problems[0]
    assert (p.code, p.path, p.field) == ("unknown-key", "sources/good-law.yaml", "colour")
    assert p.line == 7


def test_missing_field_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.yaml", GOOD_SOURCE.replace("short: Law\n", ""))
    _, problems = read_catalog(tmp_path)
    assert [(p.code, p.field) for p in problems] == [("missing-field", "short")]


def test_wrong_type_names_nested_field_and_line(tmp_path: Path) -> None:
    text = GOOD_SOURCE + "provisions:\n  - locator: Art. 1\n    summary: 12\n"
    write(tmp_path, "sources", "good-law.yaml", text)
    _, problems = read_catalog(tmp_path)
    assert [(p.field, p.line) for p in problems] == [("provisions[0].summary", 9)]


def test_id_must_equal_file_stem(tmp_path: Path) -> None:
    write(tmp_path, "sources", "other-name.yaml", GOOD_SOURCE)
    catalog, problems = read_catalog(tmp_path)
    assert [p.code for p in problems] == ["id-mismatch"]
    assert "good-law" not in catalog.sources


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.yaml", GOOD_SOURCE)
    write(tmp_path, "sources", "good-law.yml", GOOD_SOURCE)
    _, problems = read_catalog(tmp_path)
    assert [p.code for p in problems] == ["duplicate-id"]
    assert "good-law.yaml" in problems[0].message


def test_invalid_yaml_reports_line(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.yaml", GOOD_SOURCE + "title: [unclosed\n")
    _, problems = read_catalog(tmp_path)
    assert problems[0].code == "yaml"
    assert problems[0].line is not None and problems[0].line >= 7


def test_non_mapping_and_non_utf8(tmp_path: Path) -> None:
    write(tmp_path, "sources", "a.yaml", "- just\n- a list\n")
    (tmp_path / "sources" / "b.yaml").write_bytes(b"id: b\ntitle: \xff\xfe\n")
    _, problems = read_catalog(tmp_path)
    assert sorted(p.code for p in problems) == ["encoding", "yaml"]


def test_markdown_front_matter_record(tmp_path: Path) -> None:
    write(tmp_path, "sources", "good-law.md", "---\n" + GOOD_SOURCE + "bogus: 1\n---\nBody text\n")
    _, problems = read_catalog(tmp_path)
    # the body lands in a 'body' field that Source does not have: reported, with the line
    assert {p.field for p in problems} == {"bogus", "body"}
    assert next(p for p in problems if p.field == "bogus").line == 8


def test_get_suggests_close_ids(catalog: Catalog) -> None:
    with pytest.raises(UnknownIdError) as err:
        catalog.get("categories", "biometric")
    assert "biometrics" in err.value.suggestions
    assert "did you mean" in str(err.value)


def test_suggest_substring_fallback() -> None:
    assert suggest("llama", ["llama3.1-license", "mit"]) == ["llama3.1-license"]


def test_citation_label_does_not_repeat_the_short_name() -> None:
    from railkit.kb.fields import Citation

    assert Citation(source="gdpr", locator="Art. 22").label("GDPR") == "GDPR Art. 22"
    assert Citation(source="x", locator="21 U.S.C. 841(a)").label("21 U.S.C. 841") == (
        "21 U.S.C. 841(a)"
    )
    assert Citation(source="x").label("DSA") == "DSA"
