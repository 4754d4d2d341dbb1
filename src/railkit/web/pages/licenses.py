"""Registry pages: a filterable table of known licenses and one license in detail."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from railkit.errors import UnknownIdError
from railkit.kb import load_catalog
from railkit.kb.catalog import suggest
from railkit.kb.records.license import LicenseDocument
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["licenses"])
NAV = NavItem("/licenses", "Licenses", order=30)


def _filtered(
    family: str, kind: str, category: str, feature: str, commercial: str
) -> list[LicenseDocument]:
    out = []
    for doc in load_catalog().licenses.values():
        cats = {c for a in doc.annotations for c in a.categories}
        feats = {f for a in doc.annotations for f in a.features}
        if family and doc.family != family:
            continue
        if kind and doc.type != kind:
            continue
        if category and category not in cats:
            continue
        if feature and feature not in feats:
            continue
        if commercial and doc.commercial_use != commercial:
            continue
        out.append(doc)
    return out


def _lookup(license_id: str) -> LicenseDocument:
    catalog = load_catalog()
    doc = catalog.licenses.get(license_id)
    if doc is None:
        low = license_id.lower()
        for candidate in catalog.licenses.values():
            ids = candidate.identifiers
            if low in {
                (ids.scancode or "").lower(),
                (ids.spdx or "").lower(),
                *(h.lower() for h in ids.hf),
            }:
                return candidate
        raise UnknownIdError("license", license_id, suggest(license_id, catalog.licenses))
    return doc


@router.get("/licenses", response_class=HTMLResponse)
async def licenses_page(
    request: Request,
    family: str = "",
    type: str = "",
    category: str = "",
    feature: str = "",
    commercial: str = "",
) -> HTMLResponse:
    """The registry as a table, with filters."""
    catalog = load_catalog()
    docs = _filtered(family, type, category, feature, commercial)
    families = sorted({d.family for d in catalog.licenses.values()})
    return render(
        request,
        "licenses.html",
        docs=docs,
        families=families,
        catalog=catalog,
        f={
            "family": family,
            "type": type,
            "category": category,
            "feature": feature,
            "commercial": commercial,
        },
    )


@router.get("/licenses/{license_id}", response_class=HTMLResponse)
async def license_page(request: Request, license_id: str) -> HTMLResponse:
    """One registry document: identifiers, relations, annotations per clause."""
    doc = _lookup(license_id)
    return render(request, "license.html", doc=doc, catalog=load_catalog())


@api.get("/licenses")
async def licenses_api(
    family: str = "",
    type: str = "",
    category: str = "",
    feature: str = "",
    commercial: str = "",
) -> list[dict[str, Any]]:
    """Registry documents matching the filters."""
    return [
        d.model_dump(mode="json") for d in _filtered(family, type, category, feature, commercial)
    ]


@api.get("/licenses/{license_id}")
async def license_api(license_id: str) -> dict[str, Any]:
    """One registry document (any identifier: registry id, ScanCode key, SPDX id, Hub id)."""
    return _lookup(license_id).model_dump(mode="json")
