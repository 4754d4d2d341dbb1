"""The mechanism records: complete, citing resolvable sources, with sound preconditions."""

from __future__ import annotations

from pathlib import Path

import yaml

from railkit.kb import Catalog, check_catalog


def test_every_legal_mechanism_cites_and_every_citation_resolves(catalog: Catalog) -> None:
    assert len(catalog.mechanisms) == 35
    for m in catalog.mechanisms.values():
        if m.kind == "legal":
            assert m.citations, m.id
        cites = list(m.citations)
        for p in m.preconditions:
            cites += list(p.citations)
            for w in p.ways:
                cites += list(w.citations)
        for c in cites:
            assert c.source in catalog.sources or c.source in catalog.licenses, (m.id, c.source)


def test_no_problems_in_mechanisms() -> None:
    problems = [p for p in check_catalog() if "mechanisms/" in str(p)]
    assert problems == []


def test_ids_match_the_spec(catalog: Catalog, shared: Path) -> None:
    spec = yaml.safe_load((shared / "spec" / "mechanisms.yaml").read_text(encoding="utf-8"))
    assert {m["id"] for m in spec["mechanisms"]} == set(catalog.mechanisms)
    for m in spec["mechanisms"]:
        assert catalog.mechanisms[m["id"]].kind == m["kind"]
        assert catalog.mechanisms[m["id"]].jurisdiction == m["jurisdiction"]


def test_each_mechanism_has_preconditions_and_steps(catalog: Catalog) -> None:
    for m in catalog.mechanisms.values():
        assert m.preconditions and m.steps, m.id
        assert any(not p.is_open for p in m.preconditions), m.id


def test_rule_coverage_doc_lists_every_mechanism(catalog: Catalog) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "rights-assessment.md").read_text(
        encoding="utf-8"
    )
    for mechanism_id in catalog.mechanisms:
        assert f"`{mechanism_id}`" in doc, mechanism_id


def test_records_round_trip_through_json(catalog: Catalog) -> None:
    """Exports keep the record syntax (all/any/not, no empty keys) and load back unchanged."""
    from railkit.kb.records.mechanism import Mechanism

    for m in catalog.mechanisms.values():
        data = m.model_dump(mode="json")
        assert Mechanism.model_validate(data) == m, m.id
    dumped = str(catalog.mechanisms["gdpr-access"].model_dump(mode="json"))
    assert "all_" not in dumped and "'equals': None" not in dumped
