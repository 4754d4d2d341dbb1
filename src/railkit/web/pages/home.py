"""Home page: the two paths (licensing; my data and AI) and the about page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from railkit import __version__
from railkit.kb import load_catalog
from railkit.notice import LEGAL_NOTICE, law_as_of
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["meta"])
NAV = NavItem("/about", "About", order=90, group="about")


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    """The start page."""
    catalog = load_catalog()
    return render(request, "home.html", counts={k: len(v) for k, v in catalog.records.items()})


@router.get("/about", response_class=HTMLResponse)
async def about(request: Request) -> HTMLResponse:
    """Legal notice, law-as-of date and the sources railkit cites."""
    catalog = load_catalog()
    sources = sorted(catalog.sources.values(), key=lambda s: (s.kind, s.short.lower()))
    return render(request, "about.html", sources=sources)


@api.get("/about")
async def about_api() -> JSONResponse:
    """Version, legal notice and the date of the law the knowledge base reflects."""
    catalog = load_catalog()
    return JSONResponse(
        {
            "version": __version__,
            "notice": LEGAL_NOTICE,
            "law_as_of": law_as_of(catalog).isoformat(),
            "records": {k: len(v) for k, v in catalog.records.items()},
        }
    )
