"""A registry document read through the team's annotations, in place of its text.

The repository holds no license texts, so a known document named by id is represented by its
annotated clauses: each carries its locator, the categories it restricts and the features it
evidences, and as text the annotation's note (our own words) when there is one. A license
binds its users to the policies it incorporates, so their clauses follow, their locators
prefixed with the policy's id ("llama3.1-aup: Prohibited Uses, bullet 1.1").
"""

from __future__ import annotations

from railkit.kb.catalog import Catalog
from railkit.kb.records.license import LicenseDocument
from railkit.licensing.analyze import Analysis, ClauseAnalysis
from railkit.licensing.features import FeatureFinding
from railkit.licensing.registry import resolve
from railkit.licensing.segment import Clause

SOURCE_FORMAT = "registry"
"""``Analysis.format`` of an analysis built from annotations rather than text."""


def registry_document(catalog: Catalog, value: str) -> LicenseDocument:
    """The registry document named by ``value`` (any identifier), following ``same_as``."""
    doc = resolve(catalog, value.strip())
    while doc.same_as is not None and doc.same_as in catalog.licenses:
        doc = catalog.licenses[doc.same_as]
    return doc


def incorporated(catalog: Catalog, doc: LicenseDocument) -> list[LicenseDocument]:
    """The documents ``doc`` incorporates (a license's acceptable-use policy)."""
    ids = [r.id for r in doc.related if r.relation == "incorporates"]
    return [catalog.licenses[i] for i in ids if i in catalog.licenses]


def annotation_analysis(doc: LicenseDocument, catalog: Catalog | None = None) -> Analysis:
    """``doc``'s annotations as an :class:`Analysis` (with ``catalog``: plus its policies)."""
    parts = [(doc, "")]
    if catalog is not None:
        parts += [(inc, f"{inc.id}: ") for inc in incorporated(catalog, doc)]
    clauses: list[ClauseAnalysis] = []
    features: list[FeatureFinding] = []
    for part, prefix in parts:
        for note in part.annotations:
            ref = prefix + note.ref
            cats = tuple(note.categories)
            clauses.append(ClauseAnalysis(Clause(ref, note.note or "", 0, 0), cats, (), bool(cats)))
            index = len(clauses) - 1
            for fid in note.features:
                features.append(
                    FeatureFinding(fid, index, ref, note.note or "", 0, 0, "", "annotation")
                )
    return Analysis(tuple(clauses), tuple(features), SOURCE_FORMAT)
