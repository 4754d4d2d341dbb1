"""The guided interview: ask only what is still unknown and still needed, then write a situation.

Questions are data (``railkit/data/interview/questions.yaml``), in the spirit of docassemble:
each declares the situation field it *sets*, a prompt, help text and an answer type. The
engine does not follow a flowchart. After every answer it re-runs the assessment
(:func:`railkit.rights.assess.assess`) and collects the fields whose unknown value leaves some
mechanism *possibly applicable* (the three-valued evaluation reports them); the next question
is the first one, in file order, that sets such a field and has not been skipped. When no
mechanism depends on an unanswered field any more, the interview is over.

The engine is pure: :func:`next_question` and :func:`answer` return values and never print or
prompt; the CLI (``railkit rights interview``) is the thin layer around them. One work is
interviewed (``works[0]``); a situation with several works can be written by hand.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from railkit.errors import ContentError, InputError
from railkit.kb.catalog import Catalog, load_catalog
from railkit.kb.fields import Model, NonEmpty
from railkit.rights import regions
from railkit.rights.assess import assess
from railkit.rights.consistency import contradictions
from railkit.rights.situation import (
    BOOLEAN_FIELDS,
    FIELD_PATHS,
    PLACE_FIELDS,
    VOCABULARIES,
    Situation,
    situation_from_data,
)

AnswerType = Literal["choice", "multi", "yesno", "place", "places", "text"]
SKIP_WORDS = frozenset({"", "skip", "?", "don't know", "dont know", "unknown"})
NONE_WORDS = frozenset({"none", "nothing", "-"})
YES = frozenset({"y", "yes", "true", "1", "ja", "oui"})
NO = frozenset({"n", "no", "false", "0", "nein", "non"})
MAX_TEXT = 2000
WORK_PREFIX = "works[]."


class Question(Model):
    """One interview question: the field it sets, what to ask and how to read the answer."""

    id: NonEmpty
    sets: NonEmpty = Field(description="The situation field path this question answers.")
    type: AnswerType
    prompt: NonEmpty
    help: NonEmpty

    @model_validator(mode="after")
    def _known_field(self) -> Question:
        if self.sets not in FIELD_PATHS:
            raise ValueError(f"unknown situation field {self.sets!r}")
        expected = _expected_type(self.sets)
        if self.type not in expected:
            raise ValueError(f"{self.sets} needs an answer of type {' or '.join(expected)}")
        return self

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed values for choice and multi-choice questions (empty otherwise)."""
        return VOCABULARIES.get(self.sets, ())


def _expected_type(path: str) -> tuple[str, ...]:
    if path in VOCABULARIES:
        return ("multi",) if path in {"concerns", "goals"} else ("choice",)
    if path in BOOLEAN_FIELDS:
        return ("yesno",)
    if path in PLACE_FIELDS:
        return ("place",) if path == "person.residence" else ("places",)
    return ("text",)


class QuestionFile(Model):
    """The questions file."""

    version: int
    questions: tuple[Question, ...]


@functools.cache
def load_questions() -> tuple[Question, ...]:
    """The packaged interview questions, validated (cached)."""
    path = resources.files("railkit") / "data" / "interview" / "questions.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return QuestionFile.model_validate(data).questions
    except (yaml.YAMLError, ValidationError) as exc:
        raise ContentError("interview/questions.yaml", str(exc).splitlines()[0]) from None


@dataclass(frozen=True)
class AnswerError:
    """An answer that could not be used; the question should be asked again."""

    question: str
    message: str


@dataclass(frozen=True)
class InterviewState:
    """The answers so far (situation JSON), skipped fields and contradictions found."""

    data: dict[str, Any] = field(default_factory=dict)
    skipped: frozenset[str] = frozenset()
    warnings: tuple[str, ...] = ()
    new_warnings: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()

    @classmethod
    def start(cls, situation: Situation | None = None) -> InterviewState:
        """A fresh state, optionally resuming from a situation already on file."""
        if situation is None:
            return cls()
        data = situation.model_dump(mode="json", exclude_none=True)
        return cls(data=data, warnings=tuple(contradictions(situation)))

    def situation(self) -> Situation:
        """The situation described so far."""
        return situation_from_data(self.data)

    def to_json(self) -> str:
        """The situation as JSON text (what ``--output`` writes)."""
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"


def _get(data: dict[str, Any], path: str) -> Any:
    if path.startswith(WORK_PREFIX):
        works = data.get("works") or []
        return works[0].get(path.removeprefix(WORK_PREFIX)) if works else None
    current: Any = data
    for part in path.split("."):
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = copy.deepcopy(data)  # states are never mutated
    if path.startswith(WORK_PREFIX):
        works = out.setdefault("works", [])
        if not works:
            works.append({})
        works[0][path.removeprefix(WORK_PREFIX)] = value
        return out
    *parents, last = path.split(".")
    target = out
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value
    return out


def needed_fields(state: InterviewState, catalog: Catalog | None = None) -> frozenset[str]:
    """Fields still unknown that leave at least one mechanism only possibly applicable."""
    result = assess(state.situation(), catalog or load_catalog())
    needed: set[str] = set()
    for m in result.mechanisms:
        if m.status == "possibly-applicable":
            needed.update(m.unknown_fields)
    if "works" in needed:  # no work described yet: its kind comes first
        needed.discard("works")
        needed.add("works[].kind")
    return frozenset(needed - state.skipped)


def next_question(state: InterviewState, catalog: Catalog | None = None) -> Question | None:
    """The next question to ask, or ``None`` when nothing needed is still unknown."""
    needed = needed_fields(state, catalog)
    for question in load_questions():
        if question.sets in needed and _get(state.data, question.sets) is None:
            return question
    return None


def _norm(word: str) -> str:
    return word.strip().lower().replace("_", "-").replace(" ", "-")


def _one_choice(question: Question, raw: str) -> str:
    word = _norm(raw)
    choices = question.choices
    if word.isdigit() and 1 <= int(word) <= len(choices):
        return choices[int(word) - 1]
    if word in choices:
        return word
    close = difflib.get_close_matches(word, choices, n=2, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise ValueError(f"{raw.strip()!r} is not one of {', '.join(choices)}{hint}")


def _split(raw: Any) -> list[str]:
    if isinstance(raw, list | tuple):
        return [str(x) for x in raw]
    return [p for p in str(raw).replace(";", ",").split(",") if p.strip()]


def _place(raw: str) -> str:
    code = regions.normalise(str(raw))
    if not regions.is_valid(code):
        raise ValueError(
            f"{str(raw).strip()!r} is not a place code; use a country code like DE or GB, "
            "a US state like US-CA, or EU"
        )
    return code


def parse_answer(question: Question, raw: Any) -> Any:
    """The value ``raw`` stands for, or ``ValueError`` with a message for the person."""
    kind = question.type
    if kind == "yesno":
        if isinstance(raw, bool):
            return raw
        word = _norm(str(raw))
        if word in YES:
            return True
        if word in NO:
            return False
        raise ValueError(f"{str(raw).strip()!r} is not yes or no")
    if kind == "choice":
        return _one_choice(question, str(raw))
    if kind == "multi":
        parts = _split(raw)
        if len(parts) == 1 and _norm(parts[0]) in NONE_WORDS:
            return []
        values = [_one_choice(question, p) for p in parts]
        if not values:
            raise ValueError("give at least one value, or 'none'")
        return list(dict.fromkeys(values))
    if kind == "place":
        return _place(str(raw))
    if kind == "places":
        places = [_place(p) for p in _split(raw)]
        if not places:
            raise ValueError("give at least one place code")
        return list(dict.fromkeys(places))
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"the answer is longer than {MAX_TEXT} characters")
    return text


def is_skip(raw: Any) -> bool:
    """Whether ``raw`` means "I don't know" (the field then stays unknown and is not re-asked)."""
    return raw is None or (isinstance(raw, str) and _norm(raw).replace("-", " ") in SKIP_WORDS)


def answer(state: InterviewState, question: Question, raw: Any) -> InterviewState | AnswerError:
    """Apply one raw answer: a new state, or an :class:`AnswerError` to show before re-asking.

    The new state's ``new_warnings`` lists contradictions this answer introduced (see
    :mod:`railkit.rights.consistency`); the interview flags them but keeps the answer.
    """
    asked = (*state.asked, question.id)
    if is_skip(raw):
        return replace(state, skipped=state.skipped | {question.sets}, new_warnings=(), asked=asked)
    try:
        value = parse_answer(question, raw)
    except ValueError as exc:
        return AnswerError(question.id, str(exc))
    data = _set(state.data, question.sets, value)
    try:
        situation = situation_from_data(data)
    except InputError as exc:
        return AnswerError(question.id, str(exc))
    found = tuple(contradictions(situation))
    new = tuple(w for w in found if w not in state.warnings)
    return InterviewState(
        data=data, skipped=state.skipped, warnings=found, new_warnings=new, asked=asked
    )


def question_for(key: str) -> Question | None:
    """The question with this id, or the one that sets this field path."""
    for question in load_questions():
        if key in (question.id, question.sets):
            return question
    return None
