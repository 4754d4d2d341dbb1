"""Comparison page: two or more licenses as a matrix of restricted categories and features.

Licenses come from the registry (picked by id; their annotated clauses are compared) and/or
as pasted texts (analysed by :func:`railkit.licensing.analyze.analyze`). The matrix can be
downloaded as CSV or Markdown. ``/api/compare`` is the JSON twin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from railkit.errors import InputError, RailkitError, UnknownIdError
from railkit.kb import load_catalog
from railkit.kb.records.license import LicenseDocument
from railkit.licensing.analyze import Analysis, analyze
from railkit.licensing.compare import Comparison, compare, render_csv, render_markdown
from railkit.notice import notice_line
from railkit.web.pages._documents import (
    MAX_TEXT_CHARS,
    incorporated,
    pasted_text,
    registry_analysis,
    registry_document,
)
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["licensing"])
NAV = NavItem("/compare", "Compare", order=45)

MAX_LICENSES = 12
"""Most licenses in one comparison (a wider matrix is unreadable)."""
DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
}


@dataclass(frozen=True)
class Column:
    """One compared license: its display name, where it came from, its registry id."""

    name: str
    source: str  # "registry" or "text"
    registry_id: str | None
    includes: tuple[str, ...] = ()  # names of incorporated documents (a use policy)


def gather(
    licenses: list[str], texts: list[str], names: list[str], *, at_least: int = 2
) -> tuple[list[tuple[str, Analysis]], list[Column]]:
    """Analyses of the chosen registry licenses and pasted texts, with their columns."""
    catalog = load_catalog()
    analysed: list[tuple[str, Analysis]] = []
    columns: list[Column] = []
    for value in dict.fromkeys(v for v in licenses if v.strip()):
        doc = registry_document(catalog, value)
        analysed.append((doc.name, registry_analysis(doc, catalog)))
        includes = tuple(d.name for d in incorporated(catalog, doc))
        columns.append(Column(doc.name, "registry", doc.id, includes))
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        label = names[i].strip() if i < len(names) and names[i].strip() else f"Pasted text {i + 1}"
        label = label[:80]
        analysed.append((label, analyze(pasted_text(text, name=label))))
        columns.append(Column(label, "text", None))
    if len(analysed) < at_least:
        what = "one license" if at_least == 1 else f"{at_least} licenses"
        raise InputError(f"choose at least {what} (registry ids or pasted texts)")
    if len(analysed) > MAX_LICENSES:
        raise InputError(f"compare at most {MAX_LICENSES} licenses at a time")
    return analysed, columns


def matrix(analysed: list[tuple[str, Analysis]]) -> Comparison:
    """The comparison, category rows in taxonomy order."""
    return compare(analysed, category_ids=list(load_catalog().categories))


def registry_choices() -> dict[str, list[LicenseDocument]]:
    """Registry documents for a multi-select, grouped by family (twins left out)."""
    docs = sorted(
        (d for d in load_catalog().licenses.values() if d.same_as is None),
        key=lambda d: (d.family.lower(), d.name.lower()),
    )
    families: dict[str, list[LicenseDocument]] = {}
    for doc in docs:
        families.setdefault(doc.family, []).append(doc)
    return families


def _page(request: Request, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    catalog = load_catalog()
    families = registry_choices()
    base: dict[str, Any] = {
        "error": None,
        "result": None,
        "chosen": [],
        "texts": ["", ""],
        "names": ["", ""],
    }
    return render(
        request,
        "compare.html",
        status_code=status_code,
        families=families,
        catalog=catalog,
        **{**base, **ctx},
    )


@router.get("/compare", response_class=HTMLResponse)
async def compare_form(
    request: Request, licenses: Annotated[list[str] | None, Query()] = None
) -> HTMLResponse:
    """The form; with ``?licenses=a&licenses=b`` the matrix of those registry licenses."""
    chosen = [v[:200] for v in (licenses or [])][: MAX_LICENSES + 1]
    if not chosen:
        return _page(request)
    return _compare(request, chosen, [], [])


@router.post("/compare", response_class=HTMLResponse)
async def compare_page(
    request: Request,
    licenses: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    texts: Annotated[list[str], Form()] = [],  # noqa: B006
    names: Annotated[list[str], Form()] = [],  # noqa: B006
) -> HTMLResponse:
    """The matrix of the chosen licenses and pasted texts."""
    return _compare(request, licenses, texts, names)


def _compare(
    request: Request, licenses: list[str], texts: list[str], names: list[str]
) -> HTMLResponse:
    shown_texts = [*texts, "", ""][: max(2, len(texts))]
    shown_names = (names + [""] * len(shown_texts))[: len(shown_texts)]
    try:
        analysed, columns = gather(licenses, texts, names)
    except RailkitError as exc:
        status = 404 if isinstance(exc, UnknownIdError) else 400
        return _page(
            request,
            status_code=status,
            error=str(exc),
            chosen=licenses,
            texts=shown_texts,
            names=shown_names,
        )
    return _page(
        request,
        result=matrix(analysed),
        columns=columns,
        chosen=licenses,
        texts=shown_texts,
        names=shown_names,
    )


def _download(comparison: Comparison, fmt: str) -> Response:
    media, suffix = DOWNLOADS[fmt]
    body = render_csv(comparison) if fmt == "csv" else render_markdown(comparison)
    if fmt == "markdown":
        body += f"\n_{notice_line(load_catalog())}_\n"
    return PlainTextResponse(
        body,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="railkit-comparison.{suffix}"'},
    )


@router.post("/compare/download")
async def compare_download(
    format: Annotated[Literal["csv", "markdown"], Form()],
    licenses: Annotated[list[str], Form()] = [],  # noqa: B006
    texts: Annotated[list[str], Form()] = [],  # noqa: B006
    names: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    """The matrix as a CSV or Markdown file."""
    analysed, _ = gather(licenses, texts, names)
    return _download(matrix(analysed), format)


class CompareIn(BaseModel):
    """Licenses to compare: registry ids and/or texts (two or more in all)."""

    licenses: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default=[], max_length=MAX_LICENSES, description="Registry ids (any identifier)."
    )
    texts: list[Annotated[str, Field(max_length=MAX_TEXT_CHARS)]] = Field(
        default=[], max_length=MAX_LICENSES, description="License texts."
    )
    names: list[Annotated[str, Field(max_length=80)]] = Field(
        default=[], max_length=MAX_LICENSES, description="Display names for the texts."
    )
    format: Literal["json", "csv", "markdown"] = "json"


@api.post("/compare", response_model=None)
async def compare_api(body: CompareIn) -> dict[str, Any] | Response:
    """The matrix: licenses x categories and features; cells list clause locators."""
    analysed, columns = gather(body.licenses, body.texts, body.names)
    result = matrix(analysed)
    if body.format != "json":
        return _download(result, body.format)
    data = result.to_dict()
    data["sources"] = [c.__dict__ for c in columns]
    data["notice"] = notice_line(load_catalog())
    return data
