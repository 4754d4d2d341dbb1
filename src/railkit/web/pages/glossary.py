"""Glossary page: every term with its recommended definition and how sources differ."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from railkit.kb import load_catalog
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["glossary"])
NAV = NavItem("/glossary", "Glossary", order=20)


@router.get("/glossary", response_class=HTMLResponse)
async def glossary_page(request: Request, q: str = "") -> HTMLResponse:
    """All terms, optionally filtered by a search word."""
    catalog = load_catalog()
    needle = q.strip().lower()[:100]
    terms = [
        t
        for t in catalog.glossary.values()
        if not needle
        or needle in t.term.lower()
        or needle in t.definition.lower()
        or any(needle in a.lower() for a in t.aliases)
    ]
    return render(request, "glossary.html", terms=terms, q=q[:100], catalog=catalog)


@api.get("/glossary")
async def glossary_api() -> list[dict[str, Any]]:
    """Every glossary term in full."""
    return [t.model_dump(mode="json") for t in load_catalog().glossary.values()]
