"""The API reference page, rendered from the OpenAPI schema (no external scripts)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from railkit.web.rendering import render

router = APIRouter()


@router.get("/api", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    """Every API endpoint with its method, summary and parameters."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in methods.items():
            params = [p.get("name", "") for p in op.get("parameters", [])]
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("description") or op.get("summary", ""),
                    "params": params,
                    "body": "requestBody" in op,
                }
            )
    return render(request, "api.html", endpoints=endpoints)
