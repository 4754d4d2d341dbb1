"""Taxonomy content: every fixed id has full content with resolving grounding."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from railkit.kb import Catalog


def test_categories_match_the_spec(catalog: Catalog, shared: Path) -> None:
    spec = yaml.safe_load((shared / "spec" / "categories.yaml").read_text())
    assert set(catalog.categories) == {c["id"] for c in spec["categories"]}
    assert set(catalog.features) == {f["id"] for f in spec["features"]}
    assert set(catalog.domains) == set(spec["domains"])
    for c in spec["categories"]:
        assert catalog.categories[c["id"]].domain == c["domain"]


def test_every_category_is_complete(catalog: Catalog) -> None:
    for cat in catalog.categories.values():
        assert len(cat.clause.full) > len(cat.clause.short) > 10, cat.id
        assert cat.grounding, cat.id
        for g in cat.grounding:
            assert g.citation.source in catalog.sources, (cat.id, g.citation.source)
            assert g.citation.locator, cat.id
        assert len(cat.recognition) >= 5, cat.id
        assert cat.explanation and cat.boundaries, cat.id


def test_every_feature_is_complete(catalog: Catalog) -> None:
    for feat in catalog.features.values():
        assert feat.meaning and feat.why_it_matters and len(feat.usual_wording) >= 3, feat.id


def test_glossary_has_at_least_40_terms(catalog: Catalog) -> None:
    assert len(catalog.glossary) >= 40
    for term in catalog.glossary.values():
        assert term.usages and term.divergences


@pytest.mark.parametrize("collection", ["categories", "features", "glossary", "domains"])
def test_content_carries_a_review_date(catalog: Catalog, collection: str) -> None:
    for record in catalog.collection(collection).values():
        assert getattr(record, "reviewed", None) is not None


def test_sources_are_dated_and_linked(catalog: Catalog) -> None:
    for source in catalog.sources.values():
        assert source.checked and str(source.url).startswith("http")
