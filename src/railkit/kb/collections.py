"""The collections of the knowledge base: folder name, record model, and what it holds.

Adding a record type means writing its model in :mod:`railkit.kb.records` and adding one
line here; loading, checking, exporting and the JSON Schema follow from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from railkit.kb.fields import Record
from railkit.kb.records.glossary import Term
from railkit.kb.records.license import LicenseDocument
from railkit.kb.records.mechanism import Mechanism
from railkit.kb.records.parallel import Parallel
from railkit.kb.records.source import Source
from railkit.kb.records.stakeholder import AiUseProfile, Stakeholder
from railkit.kb.records.taxonomy import Category, Domain, Feature


@dataclass(frozen=True)
class Collection:
    """One folder of records under ``railkit/data``."""

    name: str
    model: type[Record]
    title: str


COLLECTIONS: tuple[Collection, ...] = (
    Collection("sources", Source, "Cited sources: instruments, decisions, documents"),
    Collection("domains", Domain, "Taxonomy domains"),
    Collection("categories", Category, "Behavioral-use categories"),
    Collection("features", Feature, "Structural license features"),
    Collection("glossary", Term, "Legal definitions of technical terms"),
    Collection("licenses", LicenseDocument, "Registry of known license documents"),
    Collection("mechanisms", Mechanism, "Data-rights mechanisms"),
    Collection("stakeholders", Stakeholder, "Stakeholder groups whose works or data AI uses"),
    Collection("ai-uses", AiUseProfile, "Popular AI uses and how they gather training data"),
    Collection("parallels", Parallel, "Closest parallels outside AI (pre-AI decisions)"),
)

BY_NAME = {c.name: c for c in COLLECTIONS}
