"""Exports: catalog JSON, JSON Schema and SKOS JSON-LD (parsed with rdflib)."""

from __future__ import annotations

import json

from rdflib import RDF, Graph, Namespace, URIRef

from railkit.kb import Catalog
from railkit.kb.export import BASE_IRI, catalog_json, json_schemas, skos_jsonld

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def test_skos_parses_into_a_concept_scheme_with_every_category(catalog: Catalog) -> None:
    graph = Graph().parse(data=json.dumps(skos_jsonld(catalog)), format="json-ld")
    scheme = URIRef(f"{BASE_IRI}taxonomy")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    in_scheme = {str(s) for s in graph.subjects(SKOS.inScheme, scheme)}
    for cid in catalog.categories:
        assert f"{BASE_IRI}category/{cid}" in in_scheme
    glossary = {str(s) for s in graph.subjects(SKOS.inScheme, URIRef(f"{BASE_IRI}glossary"))}
    assert len(glossary) == len(catalog.glossary)
    label = graph.value(URIRef(f"{BASE_IRI}category/biometrics"), SKOS.prefLabel)
    assert str(label) == catalog.categories["biometrics"].title


def test_catalog_json_round_trips_and_carries_notice(catalog: Catalog) -> None:
    data = json.loads(json.dumps(catalog_json(catalog)))
    assert "not legal advice" in data["notice"]
    assert len(data["collections"]["categories"]) == len(catalog.categories)
    assert data["law_as_of"]


def test_json_schema_forbids_unknown_keys() -> None:
    schemas = json_schemas()
    assert schemas["categories"]["additionalProperties"] is False
    assert "grounding" in schemas["categories"]["required"]


def test_packaged_notice_date_equals_the_catalog_date(catalog: Catalog) -> None:
    from railkit.notice import law_as_of, packaged_law_as_of, packaged_notice_line

    assert packaged_law_as_of() == law_as_of(catalog)
    assert "not legal advice" in packaged_notice_line()
