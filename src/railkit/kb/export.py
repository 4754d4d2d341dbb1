"""Exports of the knowledge base: catalog JSON, JSON Schema, and SKOS JSON-LD."""

from __future__ import annotations

from typing import Any

from railkit import __version__
from railkit.kb.catalog import Catalog
from railkit.kb.collections import COLLECTIONS
from railkit.notice import LEGAL_NOTICE, law_as_of

BASE_IRI = "https://railkit.dev/kb/"


def catalog_json(catalog: Catalog) -> dict[str, Any]:
    """The whole catalog as plain JSON data, by collection then id."""
    return {
        "railkit_version": __version__,
        "notice": LEGAL_NOTICE,
        "law_as_of": law_as_of(catalog).isoformat(),
        "collections": {
            name: [record.model_dump(mode="json") for record in records.values()]
            for name, records in catalog.records.items()
        },
    }


def json_schemas() -> dict[str, Any]:
    """The JSON Schema of every record type, by collection name."""
    return {c.name: c.model.model_json_schema() for c in COLLECTIONS}


def _concept(base: str, scheme: str, cid: str) -> str:
    return f"{base}{scheme}/{cid}"


def skos_jsonld(catalog: Catalog) -> dict[str, Any]:
    """The taxonomy (domains, categories, features) and glossary as SKOS in JSON-LD."""
    tax = f"{BASE_IRI}taxonomy"
    glo = f"{BASE_IRI}glossary"
    graph: list[dict[str, Any]] = [
        {
            "@id": tax,
            "@type": "skos:ConceptScheme",
            "skos:prefLabel": {"@value": "railkit behavioral-use taxonomy", "@language": "en"},
            "dct:hasVersion": __version__,
            "skos:hasTopConcept": [
                {"@id": _concept(BASE_IRI, "domain", d)} for d in catalog.domains
            ],
        },
        {
            "@id": glo,
            "@type": "skos:ConceptScheme",
            "skos:prefLabel": {
                "@value": "railkit glossary of AI licensing terms",
                "@language": "en",
            },
        },
    ]
    for domain in catalog.domains.values():
        graph.append(
            {
                "@id": _concept(BASE_IRI, "domain", domain.id),
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": tax},
                "skos:topConceptOf": {"@id": tax},
                "skos:notation": domain.id,
                "skos:prefLabel": {"@value": domain.title, "@language": "en"},
                "skos:definition": {"@value": domain.description, "@language": "en"},
            }
        )
    for cat in catalog.categories.values():
        graph.append(
            {
                "@id": _concept(BASE_IRI, "category", cat.id),
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": tax},
                "skos:notation": cat.id,
                "skos:broader": {"@id": _concept(BASE_IRI, "domain", cat.domain)},
                "skos:prefLabel": {"@value": cat.title, "@language": "en"},
                "skos:definition": {"@value": cat.summary, "@language": "en"},
                "skos:scopeNote": {"@value": cat.explanation, "@language": "en"},
                "skos:altLabel": [{"@value": r, "@language": "en"} for r in cat.recognition[:8]],
                "skos:related": [
                    {"@id": _concept(BASE_IRI, "category", b.category)} for b in cat.boundaries
                ],
                "dct:modified": cat.reviewed.isoformat(),
            }
        )
    for feat in catalog.features.values():
        graph.append(
            {
                "@id": _concept(BASE_IRI, "feature", feat.id),
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": tax},
                "skos:notation": feat.id,
                "skos:prefLabel": {"@value": feat.title, "@language": "en"},
                "skos:definition": {"@value": feat.meaning, "@language": "en"},
                "dct:modified": feat.reviewed.isoformat(),
            }
        )
    for term in catalog.glossary.values():
        graph.append(
            {
                "@id": _concept(BASE_IRI, "glossary", term.id),
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": glo},
                "skos:topConceptOf": {"@id": glo},
                "skos:notation": term.id,
                "skos:prefLabel": {"@value": term.term, "@language": "en"},
                "skos:altLabel": [{"@value": a, "@language": "en"} for a in term.aliases],
                "skos:definition": {"@value": term.definition, "@language": "en"},
                "skos:related": [{"@id": _concept(BASE_IRI, "glossary", r)} for r in term.related],
                "dct:modified": term.reviewed.isoformat(),
            }
        )
    return {
        "@context": {
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "dct": "http://purl.org/dc/terms/",
        },
        "@graph": graph,
    }
