"""Data-rights mechanisms (placeholder model; the rights knowledge base extends it)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from railkit.kb.fields import Citation, NonEmpty, ReviewedRecord

MechanismKind = Literal["legal", "contractual", "collective", "technical", "evidence"]


class Mechanism(ReviewedRecord):
    """A legal, contractual, collective, technical or evidential mechanism."""

    title: NonEmpty
    kind: MechanismKind
    jurisdiction: NonEmpty
    summary: NonEmpty
    citations: tuple[Citation, ...] = Field(default=())
