"""The result of license identification: the documents found and the differences from them.

Plain records with their JSON form (the ``railkit license identify --format json`` contract,
``shared/spec/interfaces.md`` section 2). Difference kinds: ``dropped`` (a clause of the
known document missing from the input), ``added`` (an input clause the known document does
not have, with its text and categories), ``changed`` (a clause present but altered, with the
input's text when there is one), ``truncated`` (the input stops short of the known
document at its start or end), ``unmatched`` (input far from any known text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Match:
    """A known document found in the input."""

    id: str
    scancode_key: str | None
    hf_id: str | None
    name: str
    score: float
    similarity: float
    coverage: float
    start: int
    end: int
    type: str = ""
    same_as: str | None = None  # set on a registry record that names the same text

    def as_json(self) -> dict[str, Any]:
        """The interface shape (``id``, ``scancode_key``, ``hf_id``, ``name``, ``score``...)."""
        return {
            "id": self.id,
            "scancode_key": self.scancode_key,
            "hf_id": self.hf_id,
            "name": self.name,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "coverage": round(self.coverage, 4),
            "type": self.type,
            "same_as": self.same_as,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Difference:
    """One way the input departs from a matched known document."""

    kind: str  # "dropped" | "added" | "changed" | "truncated" | "unmatched"
    document: str
    ref: str | None
    categories: tuple[str, ...] = ()
    text: str | None = None
    start: int | None = None
    end: int | None = None
    detail: str | None = None

    def as_json(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": self.kind,
            "document": self.document,
            "ref": self.ref,
            "categories": list(self.categories),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Identification:
    """The documents found in a text, best first, and the differences from each."""

    matches: tuple[Match, ...]
    differences: tuple[Difference, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The ``railkit license identify --format json`` shape."""
        return {
            "matches": [m.as_json() for m in self.matches],
            "differences": [d.as_json() for d in self.differences],
        }
