"""Taxonomy pages: categories by domain, one category or feature with its clause language."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from railkit.errors import UnknownIdError
from railkit.kb import load_catalog
from railkit.kb.catalog import suggest
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["taxonomy"])
NAV = NavItem("/taxonomy", "Taxonomy", order=10)


def _restricting_licenses(category_id: str) -> list[tuple[str, str, list[str]]]:
    """Known licenses whose annotations restrict this category: (id, name, locators)."""
    out = []
    for doc in load_catalog().licenses.values():
        refs = [a.ref for a in doc.annotations if category_id in a.categories]
        if refs:
            out.append((doc.id, doc.name, refs))
    return out


@router.get("/taxonomy", response_class=HTMLResponse)
async def taxonomy_page(request: Request) -> HTMLResponse:
    """All categories grouped by domain, and the license features."""
    catalog = load_catalog()
    groups = [
        (d, [c for c in catalog.categories.values() if c.domain == d.id])
        for d in catalog.domains.values()
    ]
    return render(request, "taxonomy.html", groups=groups, features=list(catalog.features.values()))


@router.get("/taxonomy/{item_id}", response_class=HTMLResponse)
async def taxonomy_item(request: Request, item_id: str) -> HTMLResponse:
    """One category (clause language, explanation, grounding) or one feature."""
    catalog = load_catalog()
    if item_id in catalog.categories:
        cat = catalog.categories[item_id]
        return render(
            request,
            "category.html",
            cat=cat,
            catalog=catalog,
            domain=catalog.domains[cat.domain],
            licenses=_restricting_licenses(item_id),
        )
    if item_id in catalog.features:
        return render(request, "feature.html", feat=catalog.features[item_id], catalog=catalog)
    pool = [*catalog.categories, *catalog.features]
    raise UnknownIdError("category or feature", item_id, suggest(item_id, pool))


@api.get("/taxonomy")
async def taxonomy_api() -> dict[str, Any]:
    """Every domain, category and feature."""
    catalog = load_catalog()
    return {
        "domains": [d.model_dump(mode="json") for d in catalog.domains.values()],
        "categories": [c.model_dump(mode="json") for c in catalog.categories.values()],
        "features": [f.model_dump(mode="json") for f in catalog.features.values()],
    }


@api.get("/taxonomy/{item_id}")
async def taxonomy_item_api(item_id: str) -> dict[str, Any]:
    """One category or feature in full."""
    catalog = load_catalog()
    record = catalog.categories.get(item_id) or catalog.features.get(item_id)
    if record is None:
        pool = [*catalog.categories, *catalog.features]
        raise UnknownIdError("category or feature", item_id, suggest(item_id, pool))
    return record.model_dump(mode="json")
