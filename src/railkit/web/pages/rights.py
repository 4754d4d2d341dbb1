"""Data-rights pages: describe your situation, see which mechanisms apply, get a memo.

``/rights`` asks about the person, their work, the AI use, the developer, their concerns and
goals; ``/rights/assess`` shows every mechanism grouped by status with reasons, citations and
next steps. The answers travel in the form itself (a hidden JSON field between steps): nothing
is stored unless the person clicks "Save this case", which puts it in their workspace
(listed at ``/saved``, where it can be deleted). ``/api/rights/assess`` is the JSON twin.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.datastructures import FormData

from railkit.errors import InputError
from railkit.kb import load_catalog
from railkit.rights.assess import Assessment, assess
from railkit.rights.situation import VOCABULARIES, Situation, parse_situation, situation_from_data
from railkit.web.rendering import NavItem, render
from railkit.workspace import Workspace

router = APIRouter()
api = APIRouter(tags=["rights"])
NAV = NavItem("/rights", "My data and AI", order=60, group="rights")

MAX_SITUATION_CHARS = 100_000
"""Largest situation JSON carried between steps."""
STATUS_HEADINGS = {
    "applicable": "Applicable",
    "possibly-applicable": "Possibly applicable",
    "not-applicable": "Not applicable",
}
YES_NO = {"yes": True, "no": False}
BOOLEAN_QUESTIONS = (
    ("works.published_online", "Is the work published online?"),
    ("works.us_copyright_registered", "Is the work registered with the US Copyright Office?"),
    (
        "works.machine_readable_optout",
        "Did you publish a machine-readable opt-out (e.g. robots.txt)?",
    ),
    ("works.personal_data", "Does the work contain personal data about you?"),
)


def _places(value: str) -> list[str]:
    return [p for p in value.replace(",", " ").split() if p]


def situation_from_form(form: FormData) -> Situation:
    """A situation from the answers of the form (blank answers stay unknown)."""

    def one(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    def many(name: str) -> list[str]:
        return [v for v in form.getlist(name) if isinstance(v, str) and v]

    data: dict[str, Any] = {}
    if one("description"):
        data["description"] = one("description")
    person = {k: one(f"person.{k}") for k in ("role", "residence") if one(f"person.{k}")}
    if person:
        data["person"] = person
    work: dict[str, Any] = {k: one(f"works.{k}") for k in ("kind", "where") if one(f"works.{k}")}
    for path, _ in BOOLEAN_QUESTIONS:
        answer = one(path)
        if answer in YES_NO:
            work[path.split(".", 1)[1]] = YES_NO[answer]
    if work:
        data["works"] = [work]
    if one("ai_use"):
        data["ai_use"] = one("ai_use")
    developer: dict[str, Any] = {}
    if one("developer.name"):
        developer["name"] = one("developer.name")[:200]
    for key in ("establishments", "offers_service_in"):
        places = _places(one(f"developer.{key}"))
        if places:
            developer[key] = places
    if developer:
        data["developer"] = developer
    for key in ("concerns", "goals"):
        if many(key):
            data[key] = many(key)
    return situation_from_data(data)


def situation_from_field(value: str) -> Situation:
    """The situation carried in a hidden form field (JSON)."""
    if len(value) > MAX_SITUATION_CHARS:
        raise InputError("situation: too large")
    if not value.strip():
        return Situation()
    return parse_situation(value)


def situation_json(situation: Situation) -> str:
    """The situation as compact JSON for a hidden field (unknown fields left out)."""
    return json.dumps(situation.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def answers(situation: Situation) -> dict[str, Any]:
    """The situation flattened to form field names, to prefill the form."""
    out: dict[str, Any] = {}
    s = situation
    out["description"] = s.description or ""
    out["person.role"] = s.person.role if s.person and s.person.role else ""
    out["person.residence"] = s.person.residence if s.person and s.person.residence else ""
    work = s.works[0] if s.works else None
    out["works.kind"] = work.kind if work and work.kind else ""
    out["works.where"] = work.where if work and work.where else ""
    for path, _ in BOOLEAN_QUESTIONS:
        value = getattr(work, path.split(".", 1)[1]) if work else None
        out[path] = "" if value is None else ("yes" if value else "no")
    out["ai_use"] = s.ai_use or ""
    dev = s.developer
    out["developer.name"] = dev.name if dev and dev.name else ""
    out["developer.establishments"] = " ".join(dev.establishments or ()) if dev else ""
    out["developer.offers_service_in"] = " ".join(dev.offers_service_in or ()) if dev else ""
    out["concerns"] = list(s.concerns or ())
    out["goals"] = list(s.goals or ())
    return out


def raw_answers(form: FormData) -> dict[str, Any]:
    """The answers as typed (to show the form again after an error)."""
    out = answers(Situation())
    for name in out:
        if isinstance(out[name], list):
            out[name] = [v for v in form.getlist(name) if isinstance(v, str)]
        else:
            value = form.get(name)
            out[name] = value if isinstance(value, str) else ""
    return out


def _form(
    request: Request, situation: Situation, status_code: int = 200, **ctx: Any
) -> HTMLResponse:
    return render(
        request,
        "rights.html",
        status_code=status_code,
        vocab=VOCABULARIES,
        booleans=BOOLEAN_QUESTIONS,
        **{"error": None, "a": answers(situation), **ctx},
    )


def _assessment_page(request: Request, situation: Situation, **ctx: Any) -> HTMLResponse:
    catalog = load_catalog()
    result: Assessment = assess(situation, catalog)
    groups = [(s, h, result.by_status(s)) for s, h in STATUS_HEADINGS.items()]  # type: ignore[arg-type]
    return render(
        request,
        "rights_assessment.html",
        result=result,
        groups=groups,
        catalog=catalog,
        situation_json=situation_json(situation),
        a=answers(situation),
        **{"saved": None, **ctx},
    )


@router.get("/rights", response_class=HTMLResponse)
async def rights_form(request: Request, saved: str = "") -> HTMLResponse:
    """Your situation, as a form (prefilled from a saved case with ``?saved=<id>``)."""
    if saved:
        item = Workspace().get(saved[:64])
        return _form(request, situation_from_data(item.payload.get("situation", {})))
    return _form(request, Situation())


@router.post("/rights/assess", response_class=HTMLResponse)
async def rights_assess(request: Request) -> HTMLResponse:
    """The assessment of every mechanism for the answers given."""
    form = await request.form()
    try:
        situation = situation_from_form(form)
    except InputError as exc:
        return _form(request, Situation(), status_code=400, error=str(exc), a=raw_answers(form))
    return _assessment_page(request, situation)


@router.post("/rights/edit", response_class=HTMLResponse)
async def rights_edit(request: Request, situation: Annotated[str, Form()] = "") -> HTMLResponse:
    """The form again, prefilled with the answers carried from the assessment."""
    return _form(request, situation_from_field(situation))


@router.post("/rights/save")
async def rights_save(
    situation: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=200)] = "",
) -> RedirectResponse:
    """Save this case in the workspace (the only way anything is stored)."""
    parsed = situation_from_field(situation)
    name = title.strip() or _default_title(parsed)
    item = Workspace().save("situation", name, {"situation": json.loads(situation_json(parsed))})
    return RedirectResponse(f"/saved?added={item.id}", status_code=303)


def _default_title(situation: Situation) -> str:
    parts: list[str] = []
    if situation.person and situation.person.role:
        parts.append(situation.person.role)
    if situation.ai_use:
        parts.append(situation.ai_use)
    return "Rights case: " + (", ".join(parts) or "unnamed")


class AssessIn(BaseModel):
    """A situation to assess (every field optional: missing means not yet known)."""

    situation: Situation = Field(description="The situation; see the Situation schema.")


@api.post("/rights/assess")
async def assess_api(body: AssessIn) -> dict[str, Any]:
    """Every mechanism's status for the situation, with reasons, citations and steps."""
    return assess(body.situation, load_catalog()).as_dict()
