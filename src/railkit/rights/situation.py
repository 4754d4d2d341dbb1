"""The situation a person describes: who they are, their works, the AI use and their aims.

This is the input of the assessment (``railkit rights assess``) and the output of the guided
interview. Every field may be missing: a missing field means *not yet known*, and rules that
depend on it come out as "possibly applicable" rather than guessing. Values come from closed
vocabularies; an unknown key or value is an :class:`~railkit.errors.InputError` whose one-line
message names the field (the CLI turns it into exit status 2).
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, ValidationError

from railkit.errors import InputError
from railkit.kb.fields import Model
from railkit.rights import regions

Role = Literal[
    "visual-artist",
    "photographer",
    "writer",
    "journalist",
    "musician",
    "voice-actor",
    "code-author",
    "social-media-user",
    "private-individual",
    "other",
]
WorkKind = Literal[
    "image",
    "text",
    "book",
    "code",
    "music",
    "audio",
    "voice",
    "video",
    "social-post",
    "personal-data",
]
Where = Literal[
    "personal-website",
    "social-media",
    "code-host",
    "publisher",
    "marketplace",
    "dataset",
    "offline",
    "other",
]
AiUse = Literal[
    "image-generation",
    "text-generation",
    "chatbot",
    "code-assistant",
    "writing-assistant",
    "voice-cloning",
    "music-generation",
    "video-generation",
    "other",
]
Concern = Literal[
    "training-on-my-work",
    "personal-data-in-training",
    "outputs-reproduce-my-work",
    "outputs-imitate-my-style",
    "outputs-false-about-me",
    "likeness-or-voice",
    "future-scraping",
]
Goal = Literal[
    "stop-future-use",
    "remove-from-dataset",
    "remove-from-model",
    "information",
    "compensation",
    "attribution",
    "takedown-outputs",
    "correct-outputs",
]


MAX_ITEMS = 300
"""Most entries a list in a situation may hold (well above any real situation)."""


def _region_code(value: str) -> str:
    code = regions.normalise(value)
    if not regions.is_valid(code):
        raise ValueError(
            f"{value!r} is not a place code; use ISO 3166 alpha-2 ('DE', 'GB'), a subdivision "
            "('US-CA') or 'EU'"
        )
    return code


RegionCode = Annotated[str, AfterValidator(_region_code)]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _plain_text(value: str) -> str:
    """Drop control characters: they carry no meaning and no document format can hold them."""
    return _CONTROL.sub("", value)


FreeText = Annotated[str, AfterValidator(_plain_text)]
"""Free text typed by the person (description, developer name), without control characters."""


class Person(Model):
    """The person asserting rights."""

    role: Role | None = Field(default=None, description="What the person does.")
    residence: RegionCode | None = Field(
        default=None, description="Where the person lives: 'DE', 'GB', 'US-CA', 'CA' (Canada)."
    )


class Work(Model):
    """One work, or one body of similar works, or the person's data."""

    kind: WorkKind | None = None
    published_online: bool | None = None
    where: Where | None = None
    us_copyright_registered: bool | None = None
    machine_readable_optout: bool | None = None
    personal_data: bool | None = None


class Developer(Model):
    """The AI developer or provider the person is concerned about."""

    name: FreeText | None = None
    establishments: tuple[RegionCode, ...] | None = Field(
        default=None, max_length=MAX_ITEMS, description="Where it has offices or subsidiaries."
    )
    offers_service_in: tuple[RegionCode, ...] | None = Field(
        default=None,
        max_length=MAX_ITEMS,
        description="Where it offers or places its model or service.",
    )


class Situation(Model):
    """A person's situation; see ``spec/interfaces.md`` section 4."""

    description: FreeText | None = Field(default=None, description="Free text; never required.")
    person: Person | None = None
    works: tuple[Work, ...] | None = Field(default=None, max_length=MAX_ITEMS)
    ai_use: AiUse | None = None
    developer: Developer | None = None
    concerns: tuple[Concern, ...] | None = Field(default=None, max_length=MAX_ITEMS)
    goals: tuple[Goal, ...] | None = Field(default=None, max_length=MAX_ITEMS)


VOCABULARIES: dict[str, tuple[str, ...]] = {
    "person.role": get_args(Role),
    "works[].kind": get_args(WorkKind),
    "works[].where": get_args(Where),
    "ai_use": get_args(AiUse),
    "concerns": get_args(Concern),
    "goals": get_args(Goal),
}
"""Closed vocabularies by field path (used by conditions and the interview)."""

BOOLEAN_FIELDS = frozenset(
    {
        "works[].published_online",
        "works[].us_copyright_registered",
        "works[].machine_readable_optout",
        "works[].personal_data",
    }
)
PLACE_FIELDS = frozenset(
    {"person.residence", "developer.establishments", "developer.offers_service_in"}
)
TEXT_FIELDS = frozenset({"description", "developer.name"})
FIELD_PATHS = frozenset(VOCABULARIES) | BOOLEAN_FIELDS | PLACE_FIELDS | TEXT_FIELDS
"""Every path a condition may test."""


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "(top level)"


def _message(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    where = _path(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"situation: unknown field {where!r}"
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"situation: {where}: {err['input']!r} is not allowed; expected {allowed}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"situation: {where}: {msg}"


def situation_from_data(data: Any) -> Situation:
    """Validate parsed JSON as a situation, or raise :class:`InputError` naming the field."""
    if not isinstance(data, dict):
        raise InputError("situation: the top level must be a JSON object")
    try:
        return Situation.model_validate(data)
    except ValidationError as exc:
        raise InputError(_message(exc)) from None


def parse_situation(text: str, *, name: str = "situation") -> Situation:
    """Parse situation JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to be a situation") from None
    return situation_from_data(data)
