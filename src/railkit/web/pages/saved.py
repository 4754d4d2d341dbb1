"""Saved items: what the person chose to keep (rights cases), listed, opened and deleted.

Only items the person saved explicitly are here (see :mod:`railkit.workspace`); deleting one
removes it from the workspace database for good.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from railkit.web.rendering import NavItem, render
from railkit.workspace import Workspace

router = APIRouter()
NAV = NavItem("/saved", "Saved cases", order=80, group="rights")

OPEN_LINKS = {"situation": "/rights?saved={id}"}
"""Where a saved item of each kind opens."""


@router.get("/saved", response_class=HTMLResponse)
async def saved_page(request: Request, added: str = "", deleted: str = "") -> HTMLResponse:
    """Every saved item, newest first, each with a delete button."""
    items = Workspace().list()
    return render(
        request,
        "saved.html",
        items=items,
        links={i.id: OPEN_LINKS.get(i.kind, "").format(id=i.id) for i in items},
        added=added[:64],
        deleted=deleted == "1",
    )


@router.post("/saved/{item_id}/delete")
async def delete_item(item_id: str) -> RedirectResponse:
    """Delete one saved item for good."""
    Workspace().delete(item_id[:64])
    return RedirectResponse("/saved?deleted=1", status_code=303)
