"""License analysis page: paste or upload a license, see what it is and what it restricts.

``/analyze`` identifies the known documents in the text (with scores and links to the
registry), shows every clause with its restricted categories and the cue phrases that
evidence them, the structural features with their evidencing clause, and how the text
departs from the known document (clauses missing, added or changed). ``/api/analyze`` and
``/api/identify`` are the JSON twins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from railkit.errors import InputError
from railkit.kb import load_catalog
from railkit.licensing.analyze import Analysis, ClauseAnalysis, analyze
from railkit.licensing.identify import Difference, Identification, identify
from railkit.notice import notice_line
from railkit.web.pages._documents import MAX_TEXT_CHARS, document_from_form, pasted_text
from railkit.web.rendering import NavItem, render

router = APIRouter()
api = APIRouter(tags=["licensing"])
NAV = NavItem("/analyze", "Analyze", order=40)

DIFFERENCE_LABELS = {
    "dropped": "Missing from your text",
    "added": "Added in your text",
    "changed": "Changed wording",
    "truncated": "Outside the part of the known text you supplied",
    "unmatched": "Text that matches no known document",
}


@dataclass(frozen=True)
class Piece:
    """A run of clause text, marked when it is an evidence cue."""

    text: str
    cue_of: str | None = None


def marked(
    text: str, evidence: tuple[tuple[str, str], ...]
) -> tuple[list[Piece], list[tuple[str, str]]]:
    """Split ``text`` into pieces so each evidence cue found in it can be wrapped in <mark>.

    Returns the pieces and the (category, cue) pairs whose cue does not occur verbatim.
    """
    spans: list[tuple[int, int, str]] = []
    unplaced: list[tuple[str, str]] = []
    low = text.lower()
    for category, cue in evidence:
        words = cue.lower().split()
        found = re.search(r"\s+".join(map(re.escape, words)), low) if words else None
        if found is None:
            unplaced.append((category, cue))
            continue
        a, b = found.span()
        if not any(a < e and s < b for s, e, _ in spans):
            spans.append((a, b, category))
    pieces: list[Piece] = []
    at = 0
    for a, b, category in sorted(spans):
        if a > at:
            pieces.append(Piece(text[at:a]))
        pieces.append(Piece(text[a:b], category))
        at = b
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces, unplaced


@dataclass(frozen=True)
class ClauseView:
    """A clause as the page shows it."""

    item: ClauseAnalysis
    pieces: list[Piece]
    unplaced_cues: list[tuple[str, str]]


def clause_views(analysis: Analysis) -> list[ClauseView]:
    """Every clause with its cue phrases placed in the text where they occur."""
    out = []
    for item in analysis.clauses:
        pieces, unplaced = marked(item.clause.text, item.evidence)
        out.append(ClauseView(item, pieces, unplaced))
    return out


def differences_by_kind(ident: Identification) -> list[tuple[str, str, list[Difference]]]:
    """The differences grouped as (kind, heading, items), in a fixed order."""
    groups = []
    for kind, label in DIFFERENCE_LABELS.items():
        items = [d for d in ident.differences if d.kind == kind]
        if items:
            groups.append((kind, label, items))
    return groups


def _page(request: Request, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    base: dict[str, Any] = {"text": "", "error": None, "result": None}
    return render(request, "analyze.html", status_code=status_code, **{**base, **ctx})


@router.get("/analyze", response_class=HTMLResponse)
async def analyze_form(request: Request) -> HTMLResponse:
    """The form: paste a license or upload a file."""
    return _page(request)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(
    request: Request,
    text: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """Identify and analyse the pasted or uploaded license."""
    try:
        document = await document_from_form(text, upload)
    except InputError as exc:
        return _page(request, status_code=400, text=text, error=str(exc))
    ident = identify(document)
    analysis = analyze(document)
    catalog = load_catalog()
    return _page(
        request,
        text=document,
        result={
            "ident": ident,
            "analysis": analysis,
            "clauses": clause_views(analysis),
            "differences": differences_by_kind(ident),
            "flagged": sum(1 for c in analysis.clauses if c.categories),
        },
        catalog=catalog,
        labels=DIFFERENCE_LABELS,
    )


class TextIn(BaseModel):
    """A license text to read."""

    text: str = Field(
        min_length=1, max_length=MAX_TEXT_CHARS, description="The license text (UTF-8)."
    )


class AnalyzeIn(TextIn):
    """A license text and its format."""

    format: Literal["auto", "text", "markdown", "html"] = Field(
        default="auto", description="How the text is written; 'auto' detects it."
    )


@api.post("/analyze")
async def analyze_api(body: AnalyzeIn) -> dict[str, Any]:
    """Identify the text and analyse every clause (categories, evidence, features)."""
    document = pasted_text(body.text, name="text")
    ident = identify(document)
    result = analyze(document, fmt=body.format)
    return {
        "identification": ident.as_json(),
        **result.to_dict(),
        "categories": {k: list(v) for k, v in result.categories.items()},
        "notice": notice_line(load_catalog()),
    }


@api.post("/identify")
async def identify_api(body: TextIn) -> dict[str, Any]:
    """Which known documents the text contains, and its differences from them."""
    document = pasted_text(body.text, name="text")
    return {**identify(document).as_json(), "notice": notice_line(load_catalog())}
