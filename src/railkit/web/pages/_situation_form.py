"""The whole situation on one form: field names, reading the answers, prefilling them.

The one-page form of ``/rights/form`` names its fields after the situation paths
(``person.role``, ``works.kind``, ``developer.offers_service_in``...); blank answers stay
unknown. The interview steps carry the answers between requests as situation JSON in a
hidden field, read back by :func:`situation_from_field`.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import FormData

from railkit.errors import InputError
from railkit.rights.situation import Situation, parse_situation, situation_from_data

MAX_SITUATION_CHARS = 100_000
"""Largest situation JSON carried between steps."""

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
