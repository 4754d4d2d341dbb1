"""Jinja2 environment and the page-rendering helper every page module uses."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from railkit import __version__
from railkit.kb import load_catalog
from railkit.notice import LEGAL_NOTICE, law_as_of
from railkit.web.security import CSRF_FIELD, csrf_token


@dataclass(frozen=True)
class NavItem:
    """An entry of the site navigation."""

    path: str
    label: str
    order: int = 50
    group: str = "licensing"


@functools.cache
def templates() -> Jinja2Templates:
    """The template engine: autoescaping on, undefined variables are errors."""
    env = Environment(
        loader=PackageLoader("railkit.web", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the shared context (navigation, notice, CSRF token)."""
    from railkit.web.app import navigation

    catalog = load_catalog()
    base = {
        "nav": navigation(),
        "notice": LEGAL_NOTICE,
        "law_as_of": law_as_of(catalog).isoformat(),
        "version": __version__,
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(request),
        "path": request.url.path,
    }
    return templates().TemplateResponse(
        request, template, {**base, **context}, status_code=status_code
    )
