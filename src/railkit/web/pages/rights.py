"""Data-rights pages: the interview, the assessment of every mechanism, saving a case.

``/rights`` runs the guided interview (:mod:`railkit.rights.interview`) one question per
step, with back, skip and "see my options now"; ``/rights/form`` asks everything on one page.
Both lead to the assessment: every mechanism grouped by status with reasons, citations and
next steps. The answers travel in the form itself (hidden fields between steps): nothing is
stored unless the person clicks "Save this case", which puts it in their workspace (listed at
``/saved``, where it can be deleted). ``/api/rights/assess`` is the JSON twin.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import FormData

from railkit.errors import InputError
from railkit.kb import load_catalog
from railkit.rights.assess import assess
from railkit.rights.interview import (
    AnswerError,
    InterviewState,
    Question,
    answer,
    load_questions,
    next_question,
    question_for,
)
from railkit.rights.memo import Memo, build_memo
from railkit.rights.memo_render import render as render_memo
from railkit.rights.situation import VOCABULARIES, Situation, situation_from_data
from railkit.web.pages._situation_form import (
    BOOLEAN_QUESTIONS,
    answers,
    raw_answers,
    situation_from_field,
    situation_from_form,
    situation_json,
)
from railkit.web.rendering import NavItem, render
from railkit.workspace import Workspace

router = APIRouter()
api = APIRouter(tags=["rights"])
NAV = NavItem("/rights", "My rights", order=60, group="rights")

STATUS_HEADINGS = {
    "applicable": "Applicable",
    "possibly-applicable": "Possibly applicable",
    "not-applicable": "Not applicable",
}
MAX_ASKED = 200
"""Most question ids carried in the back trail."""
MemoFormat = Literal["markdown", "docx", "pdf", "html", "json"]
DOWNLOADS: tuple[tuple[MemoFormat, str], ...] = (
    ("markdown", "Markdown"),
    ("docx", "Word (DOCX)"),
    ("pdf", "PDF"),
)
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
    "json": ("application/json", "json"),
}


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
    result = assess(situation, catalog)
    groups = [(s, h, result.by_status(s)) for s, h in STATUS_HEADINGS.items()]  # type: ignore[arg-type]
    return render(
        request,
        "rights_assessment.html",
        result=result,
        groups=groups,
        catalog=catalog,
        situation_json=situation_json(situation),
        unknown=[_field_label(f) for f in result.unknown_fields],
        **{"saved_title": None, "finished": False, **ctx},
    )


def _field_label(path: str) -> str:
    """A still-unknown situation field as the question that asks for it."""
    question = question_for("works[].kind" if path == "works" else path)
    return prompt(question) if question is not None else path


# --- the interview, one question per step -------------------------------------------------


def _trail(value: str, known: set[str]) -> tuple[str, ...]:
    return tuple(p for p in value.split(",") if p in known)[:MAX_ASKED]


def state_from_form(form: FormData) -> InterviewState:
    """The interview state carried in the hidden fields ``data``, ``skipped`` and ``asked``."""

    def text(name: str) -> str:
        value = form.get(name)
        return value if isinstance(value, str) else ""

    start = InterviewState.start(situation_from_field(text("data")))
    questions = load_questions()
    skipped = frozenset(_trail(text("skipped"), {q.sets for q in questions}))
    asked = _trail(text("asked"), {q.id for q in questions})
    return replace(start, skipped=skipped, asked=asked)


def _value(data: dict[str, Any], path: str) -> Any:
    if path.startswith("works[]."):
        works = data.get("works") or [{}]
        return works[0].get(path.removeprefix("works[]."))
    current: Any = data
    for part in path.split("."):
        current = current.get(part) if isinstance(current, dict) else None
    return current


def _without(data: dict[str, Any], path: str) -> dict[str, Any]:
    """``data`` with the answer at ``path`` removed (going back to re-answer it)."""
    out: dict[str, Any] = json.loads(json.dumps(data))
    if path.startswith("works[]."):
        if out.get("works"):
            out["works"][0].pop(path.removeprefix("works[]."), None)
        return out
    *parents, last = path.split(".")
    target: Any = out
    for part in parents:
        target = target.get(part) if isinstance(target, dict) else None
    if isinstance(target, dict):
        target.pop(last, None)
    return out


def _shown(question: Question, value: Any) -> Any:
    """A stored value as the step's inputs show it."""
    if value is None:
        return [] if question.type == "multi" else ""
    if question.type == "yesno":
        return "yes" if value else "no"
    if question.type == "places":
        return " ".join(value)
    return value


def _step(
    request: Request,
    state: InterviewState,
    question: Question,
    *,
    status_code: int = 200,
    error: str | None = None,
    current: Any = None,
) -> HTMLResponse:
    answered = [
        (q, _shown(q, _value(state.data, q.sets)))
        for q in load_questions()
        if _value(state.data, q.sets) is not None
    ]
    return render(
        request,
        "rights_step.html",
        status_code=status_code,
        question=question,
        prompt=prompt(question),
        prompts={q.id: prompt(q) for q in load_questions()},
        number=len(state.asked) + 1,
        current=_shown(question, None) if current is None else current,
        answered=answered,
        warnings=state.new_warnings,
        error=error,
        data=json.dumps(state.data, ensure_ascii=False),
        skipped=",".join(sorted(state.skipped)),
        asked=",".join(state.asked),
    )


def prompt(question: Question) -> str:
    """The question as the web shows it: without the typing hint the terminal needs."""
    text = question.prompt.strip()
    if question.type in {"yesno", "multi", "choice"} and text.endswith(")") and " (" in text:
        text = text[: text.rindex(" (")].rstrip()
    return text


def _raw_answer(form: FormData, question: Question) -> Any:
    if question.type == "multi":
        values = [v for v in form.getlist("answer") if isinstance(v, str) and v]
        return values or "none"
    value = form.get("answer")
    return value.strip() if isinstance(value, str) else ""


@router.get("/rights", response_class=HTMLResponse)
async def rights_start(request: Request, saved: str = "") -> HTMLResponse:
    """The first interview question (or, with ``?saved=<id>``, a saved case's assessment)."""
    if saved:
        item = Workspace().get(saved[:64])
        situation = situation_from_data(item.payload.get("situation", {}))
        return _assessment_page(request, situation, saved_title=item.title)
    state = InterviewState.start()
    question = next_question(state)
    if question is None:
        return _assessment_page(request, state.situation())
    return _step(request, state, question)


@router.post("/rights/step", response_class=HTMLResponse)
async def rights_step(request: Request) -> HTMLResponse:
    """Apply one answer (or skip, back, finish) and show the next question or the result."""
    form = await request.form()
    state = state_from_form(form)
    action = form.get("action")
    qid = form.get("question")
    question = question_for(qid) if isinstance(qid, str) and qid else None
    if action == "back" and state.asked:
        previous = question_for(state.asked[-1])
        if previous is not None:
            shown = _shown(previous, _value(state.data, previous.sets))
            back = InterviewState.start(situation_from_data(_without(state.data, previous.sets)))
            back = replace(back, skipped=state.skipped - {previous.sets}, asked=state.asked[:-1])
            return _step(request, back, previous, current=shown)
    if question is not None and action in {"next", "skip"}:
        raw = None if action == "skip" else _raw_answer(form, question)
        outcome = answer(state, question, raw)
        if isinstance(outcome, AnswerError):
            return _step(
                request, state, question, status_code=400, error=outcome.message, current=raw
            )
        state = outcome
    following = None if action == "finish" else next_question(state)
    if following is None:
        return _assessment_page(request, state.situation(), finished=action != "finish")
    return _step(request, state, following)


# --- the research memo ---------------------------------------------------------------------


def memo_for(situation: Situation) -> Memo:
    """The research memo for a situation, dated today."""
    return build_memo(situation, load_catalog(), date=dt.date.today())


def memo_file(memo: Memo, fmt: str) -> Response:
    """The memo as a downloadable file."""
    media, suffix = MEDIA_TYPES[fmt]
    try:
        body = render_memo(memo, fmt)
    except ImportError as exc:  # an optional renderer (WeasyPrint, python-docx) is missing
        message = f"{fmt} output is not available here ({exc.name} is not installed)"
        raise HTTPException(406, message) from None
    name = f"railkit-memo-{memo.date}.{suffix}"
    return Response(
        body, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'}
    )


@router.post("/rights/memo", response_class=HTMLResponse)
async def rights_memo(request: Request, situation: Annotated[str, Form()] = "") -> HTMLResponse:
    """The research memo, printable, with Markdown, DOCX and PDF downloads."""
    parsed = situation_from_field(situation)
    return render(
        request,
        "rights_memo.html",
        memo=memo_for(parsed),
        formats=DOWNLOADS,
        situation_json=situation_json(parsed),
    )


@router.post("/rights/memo/download")
async def rights_memo_download(
    format: Annotated[MemoFormat, Form()], situation: Annotated[str, Form()] = ""
) -> Response:
    """The memo as a file (Markdown, DOCX, PDF; HTML and JSON too)."""
    return memo_file(memo_for(situation_from_field(situation)), format)


# --- everything on one form ---------------------------------------------------------------


@router.get("/rights/form", response_class=HTMLResponse)
async def rights_form(request: Request) -> HTMLResponse:
    """Every question of the situation on one page."""
    return _form(request, Situation())


@router.post("/rights/assess", response_class=HTMLResponse)
async def rights_assess(request: Request) -> HTMLResponse:
    """The assessment of every mechanism for the answers on the one-page form."""
    form = await request.form()
    try:
        situation = situation_from_form(form)
    except InputError as exc:
        return _form(request, Situation(), status_code=400, error=str(exc), a=raw_answers(form))
    return _assessment_page(request, situation)


@router.post("/rights/edit", response_class=HTMLResponse)
async def rights_edit(request: Request, situation: Annotated[str, Form()] = "") -> HTMLResponse:
    """The one-page form, prefilled with the answers carried from the assessment."""
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


class MemoIn(AssessIn):
    """A situation and the memo format wanted."""

    format: MemoFormat = Field(default="markdown", description="The memo's file format.")


@api.post("/rights/memo", response_class=Response)
async def memo_api(body: MemoIn) -> Response:
    """The research memo for the situation, as a file in the format asked for."""
    return memo_file(memo_for(body.situation), body.format)


@api.post("/rights/assess")
async def assess_api(body: AssessIn) -> dict[str, Any]:
    """Every mechanism's status for the situation, with reasons, citations and steps."""
    return assess(body.situation, load_catalog()).as_dict()
