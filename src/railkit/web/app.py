"""The FastAPI application: discovers page modules, mounts the API, handles errors."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from types import ModuleType

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from railkit import __version__
from railkit.errors import InputError, RailkitError, UnknownIdError
from railkit.web import pages
from railkit.web.rendering import NavItem, render
from railkit.web.security import SecurityMiddleware, require_csrf

API_PREFIX = "/api"


@functools.cache
def page_modules() -> tuple[ModuleType, ...]:
    """Every module of :mod:`railkit.web.pages`, imported once."""
    found = [
        importlib.import_module(f"{pages.__name__}.{info.name}")
        for info in pkgutil.iter_modules(pages.__path__)
        if not info.name.startswith("_")
    ]
    return tuple(found)


def navigation() -> list[NavItem]:
    """The navigation entries declared by the page modules, in order."""
    items: list[NavItem] = [m.NAV for m in page_modules() if hasattr(m, "NAV")]
    return sorted(items, key=lambda n: (n.order, n.label))


def page_routes() -> list[tuple[str, frozenset[str]]]:
    """(path, methods) of every HTML page route, as declared by the page modules."""
    out = []
    for module in page_modules():
        router = getattr(module, "router", None)
        for route in getattr(router, "routes", ()):
            path = getattr(route, "path", None)
            if path is not None:
                out.append((path, frozenset(getattr(route, "methods", ()) or ())))
    return out


async def require_json(request: Request) -> None:
    """API writes accept JSON only (a cross-site form cannot send it without CORS)."""
    if request.method in {"POST", "PUT", "PATCH", "DELETE"}:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HTTPException(415, "The API accepts JSON bodies only (application/json).")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def create_app() -> FastAPI:
    """Build the application."""
    app = FastAPI(
        title="railkit",
        version=__version__,
        description="Responsible AI licensing and data-rights toolkit. Legal information, "
        "not legal advice.",
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.add_middleware(SecurityMiddleware)
    app.mount("/static", StaticFiles(packages=[("railkit.web", "static")]), name="static")
    for module in page_modules():
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(
                router, dependencies=[Depends(require_csrf)], include_in_schema=False
            )
        api = getattr(module, "api", None)
        if api is not None:
            app.include_router(api, prefix=API_PREFIX, dependencies=[Depends(require_json)])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if _wants_json(request):
            return JSONResponse({"error": detail}, status_code=exc.status_code)
        return render(
            request,
            "error.html",
            status_code=exc.status_code,
            status=exc.status_code,
            message=detail,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=422)
        return render(request, "error.html", status_code=422, status=422, message=message)

    @app.exception_handler(RailkitError)
    async def railkit_error(request: Request, exc: RailkitError) -> Response:
        status = 404 if isinstance(exc, UnknownIdError) else 400
        if isinstance(exc, InputError):
            status = 400
        if _wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=status)
        return render(request, "error.html", status_code=status, status=status, message=str(exc))

    return app


__all__ = ["NavItem", "create_app", "navigation"]
