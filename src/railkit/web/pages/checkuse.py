"""Use-check page: does each license restrict what I intend to do?

The person picks licenses (registry ids and/or a pasted text) and describes the intended use
in plain words; :func:`railkit.licensing.usecheck.check_use` answers per license with a
verdict (restricted, needs review, no restriction found), the clauses that bear on the use
and the reasoning. ``/api/check-use`` is the JSON twin.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from railkit.errors import InputError, RailkitError, UnknownIdError
from railkit.kb import load_catalog
from railkit.licensing.usecheck import UseCheckResult, check_use
from railkit.notice import notice_line
from railkit.web.pages._documents import MAX_TEXT_CHARS
from railkit.web.pages.compare import MAX_LICENSES, Column, gather, registry_choices
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["licensing"])
NAV = NavItem("/check-use", "Check a use", order=50)

MAX_USE_CHARS = 2000
"""Longest use description accepted."""
VERDICT_LABELS = {
    "restricted": "Restricted",
    "needs-review": "Needs review",
    "no-restriction-found": "No restriction found",
}


def run_check(
    licenses: list[str], texts: list[str], names: list[str], use: str
) -> tuple[UseCheckResult, list[Column]]:
    """Check ``use`` against the chosen registry licenses and pasted texts."""
    use = use.strip()
    if not use:
        raise InputError("describe the intended use in a few words")
    if len(use) > MAX_USE_CHARS:
        raise InputError(f"the use description is longer than {MAX_USE_CHARS} characters")
    analysed, columns = gather(licenses, texts, names, at_least=1)
    return check_use(analysed, use), columns


def _page(request: Request, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    base: dict[str, Any] = {
        "error": None,
        "result": None,
        "chosen": [],
        "text": "",
        "name": "",
        "use": "",
    }
    return render(
        request,
        "checkuse.html",
        status_code=status_code,
        families=registry_choices(),
        labels=VERDICT_LABELS,
        catalog=load_catalog(),
        **{**base, **ctx},
    )


@router.get("/check-use", response_class=HTMLResponse)
async def check_use_form(request: Request) -> HTMLResponse:
    """The form: licenses and the intended use."""
    return _page(request)


@router.post("/check-use", response_class=HTMLResponse)
async def check_use_page(
    request: Request,
    use: Annotated[str, Form()] = "",
    licenses: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    text: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """A verdict per license, with the clauses and the reasoning."""
    keep: dict[str, Any] = {"chosen": licenses, "text": text, "name": name, "use": use}
    try:
        result, columns = run_check(licenses, [text], [name], use)
    except RailkitError as exc:
        status = 404 if isinstance(exc, UnknownIdError) else 400
        return _page(request, status_code=status, error=str(exc), **keep)
    verdicts = list(zip(result.licenses, columns, strict=True))
    return _page(request, result=result, verdicts=verdicts, **keep)


class CheckUseIn(BaseModel):
    """An intended use and the licenses to check it against (one or more in all)."""

    use: str = Field(
        min_length=1, max_length=MAX_USE_CHARS, description="The intended use, in plain words."
    )
    licenses: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default=[], max_length=MAX_LICENSES, description="Registry ids (any identifier)."
    )
    texts: list[Annotated[str, Field(max_length=MAX_TEXT_CHARS)]] = Field(
        default=[], max_length=MAX_LICENSES, description="License texts."
    )
    names: list[Annotated[str, Field(max_length=80)]] = Field(
        default=[], max_length=MAX_LICENSES, description="Display names for the texts."
    )


@api.post("/check-use")
async def check_use_api(body: CheckUseIn) -> dict[str, Any]:
    """Per license: restricted / needs-review / no-restriction-found, clauses and reasoning."""
    result, columns = run_check(body.licenses, body.texts, body.names, body.use)
    data = result.to_dict()
    for item, column in zip(data["licenses"], columns, strict=True):
        item["registry_id"] = column.registry_id
    data["notice"] = notice_line(load_catalog())
    return data
