"""The integrity checker: every kind of defect is reported as data, naming file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from railkit.kb import check_catalog
from railkit.kb.catalog import data_root

SOURCE = {
    "id": "a-law",
    "kind": "legislation",
    "title": "A Law",
    "short": "Law",
    "url": "https://example.org/a",
    "checked": "2026-01-01",
}
DOMAIN = {"id": "dom", "title": "Domain", "description": "d", "reviewed": "2026-01-01"}
CATEGORY = {
    "id": "cat",
    "domain": "dom",
    "title": "Cat",
    "summary": "s",
    "clause": {"full": "You shall not.", "short": "Not."},
    "explanation": "e",
    "grounding": [{"citation": {"source": "a-law", "locator": "Art. 1"}, "relation": "r"}],
    "recognition": ["cue"],
    "reviewed": "2026-01-01",
}
FEATURE = {
    "id": "feat",
    "title": "F",
    "meaning": "m",
    "why_it_matters": "w",
    "usual_wording": ["w"],
    "reviewed": "2026-01-01",
}
TERM = {
    "id": "term",
    "term": "Term",
    "definition": "d",
    "divergences": "d",
    "usages": [{"citation": {"source": "a-law"}, "summary": "s"}],
    "categories": ["cat"],
    "features": ["feat"],
    "reviewed": "2026-01-01",
}
LICENSE = {
    "id": "lic",
    "name": "Lic",
    "licensor": "L",
    "family": "F",
    "type": "license",
    "ai_specific": True,
    "artifacts": ["model"],
    "identifiers": {"scancode": "lic"},
    "links": ["https://example.org/lic"],
    "commercial_use": "allowed",
    "summary": "s",
    "text": {"origin": "none"},
    "reviewed": "2026-01-01",
    "annotations": [{"ref": "1", "categories": ["cat"], "features": ["feat"]}],
}


def build(root: Path, **overrides: dict[str, object] | None) -> Path:
    records = {
        "sources": SOURCE,
        "domains": DOMAIN,
        "categories": CATEGORY,
        "features": FEATURE,
        "glossary": TERM,
        "licenses": LICENSE,
    }
    for collection, record in records.items():
        (root / collection).mkdir(parents=True, exist_ok=True)
        body = dict(record)
        body.update(overrides.get(collection) or {})
        (root / collection / f"{body['id']}.yaml").write_text(yaml.safe_dump(body))
    return root


def codes(root: Path) -> list[tuple[str, str, str | None]]:
    return [(p.code, p.path, p.field) for p in check_catalog(root)]


def test_packaged_knowledge_base_is_clean() -> None:
    problems = check_catalog()
    assert problems == [], "\n".join(map(str, problems))


def test_minimal_catalog_is_clean(tmp_path: Path) -> None:
    assert codes(build(tmp_path)) == []


def test_unresolved_citation(tmp_path: Path) -> None:
    build(
        tmp_path,
        categories={"grounding": [{"citation": {"source": "no-such-law"}, "relation": "r"}]},
    )
    assert codes(tmp_path) == [
        ("unresolved-citation", "categories/cat.yaml", "grounding[0].citation.source")
    ]


def test_citation_may_name_a_registry_license(tmp_path: Path) -> None:
    build(
        tmp_path,
        glossary={"usages": [{"citation": {"source": "lic", "locator": "1"}, "summary": "s"}]},
    )
    assert codes(tmp_path) == []


def test_dangling_domain_and_unknown_category_and_feature_ids(tmp_path: Path) -> None:
    build(
        tmp_path,
        categories={"domain": "nowhere"},
        glossary={"categories": ["cat", "catt"], "features": ["fea"]},
        licenses={"annotations": [{"ref": "1", "categories": ["bogus"]}]},
    )
    found = codes(tmp_path)
    assert ("dangling-reference", "categories/cat.yaml", "domain") in found
    assert ("dangling-reference", "glossary/term.yaml", "categories[1]") in found
    assert ("dangling-reference", "glossary/term.yaml", "features[0]") in found
    assert ("dangling-reference", "licenses/lic.yaml", "annotations[0].categories[0]") in found
    assert ("empty-domain", "domains/dom.yaml", None) in found


def test_dangling_reference_suggests(tmp_path: Path) -> None:
    build(tmp_path, glossary={"categories": ["catt"]})
    (problem,) = check_catalog(tmp_path)
    assert "did you mean cat" in problem.message
    assert problem.line is not None


def test_missing_required_field(tmp_path: Path) -> None:
    build(tmp_path)
    path = tmp_path / "features" / "feat.yaml"
    data = yaml.safe_load(path.read_text())
    del data["why_it_matters"]
    path.write_text(yaml.safe_dump(data))
    found = codes(tmp_path)
    assert found[0] == ("missing-field", "features/feat.yaml", "why_it_matters")
    # the invalid record is left out, so references to it are reported too
    assert ("dangling-reference", "glossary/term.yaml", "features[0]") in found


def test_category_needs_grounding(tmp_path: Path) -> None:
    build(tmp_path, categories={"grounding": []})
    assert codes(tmp_path)[0] == ("schema", "categories/cat.yaml", "grounding")


def test_decision_needs_holding_status_and_court(tmp_path: Path) -> None:
    build(tmp_path, sources={"kind": "case"})
    found = {c[2] for c in codes(tmp_path) if c[0] == "missing-field"}
    assert found == {"court", "holding", "status", "date"}


def test_duplicate_identifier_across_licenses(tmp_path: Path) -> None:
    build(tmp_path)
    twin = dict(LICENSE, id="lic2", annotations=[])
    (tmp_path / "licenses" / "lic2.yaml").write_text(yaml.safe_dump(twin))
    assert ("duplicate-identifier", "licenses/lic2.yaml", "identifiers.scancode") in codes(tmp_path)


def test_every_problem_is_collected_not_just_the_first(tmp_path: Path) -> None:
    build(tmp_path, categories={"domain": "x", "terms": ["y"]}, glossary={"related": ["z"]})
    (tmp_path / "sources" / "bad.yaml").write_text("id: bad\n")
    assert len(codes(tmp_path)) >= 5


@pytest.mark.parametrize("collection", ["sources", "categories", "licenses"])
def test_copy_of_packaged_data_checks_clean(tmp_path: Path, collection: str) -> None:
    """A defect planted in a copy of the real data is found (the checker is not vacuous)."""
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    victim = sorted((root / collection).glob("*.yaml"))[0]
    victim.write_text(victim.read_text() + "\nunexpected_key: 1\n")
    found = check_catalog(root)
    assert any(p.code == "unknown-key" and p.path.endswith(victim.name) for p in found)


def test_relations_must_be_symmetric(tmp_path: Path) -> None:
    build(tmp_path)
    other = dict(LICENSE, id="lic2", identifiers={}, annotations=[])
    (tmp_path / "licenses" / "lic2.yaml").write_text(yaml.safe_dump(other))
    path = tmp_path / "licenses" / "lic.yaml"
    data = yaml.safe_load(path.read_text())
    data["related"] = [{"id": "lic2", "relation": "incorporates"}]
    path.write_text(yaml.safe_dump(data))
    assert ("asymmetric-relation", "licenses/lic.yaml", "related[0]") in codes(tmp_path)
    other["related"] = [{"id": "lic", "relation": "incorporated-by"}]
    (tmp_path / "licenses" / "lic2.yaml").write_text(yaml.safe_dump(other))
    assert codes(tmp_path) == []


def test_family_hub_id_and_policy_hub_id_are_rejected(tmp_path: Path) -> None:
    build(tmp_path, licenses={"identifiers": {"hf": ["openrail"]}, "type": "acceptable-use-policy"})
    found = {c[0] for c in codes(tmp_path)}
    assert {"ambiguous-identifier", "policy-hub-id"} <= found


def test_same_as_record_carries_no_identifiers(tmp_path: Path) -> None:
    build(tmp_path)
    twin = dict(
        LICENSE, id="lic2", same_as="lic", identifiers={"scancode": "other-key"}, annotations=[]
    )
    (tmp_path / "licenses" / "lic2.yaml").write_text(yaml.safe_dump(twin))
    assert ("same-as-content", "licenses/lic2.yaml", "same_as") in codes(tmp_path)


def test_duplicate_annotation_refs(tmp_path: Path) -> None:
    build(tmp_path, licenses={"annotations": [{"ref": "1"}, {"ref": "1"}]})
    assert ("duplicate-annotation", "licenses/lic.yaml", "annotations") in codes(tmp_path)
