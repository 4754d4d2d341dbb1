"""Stakeholder profiles and the AI uses they meet: context for standing memos and the interview.

A *stakeholder* record describes a group of people whose works or data are used by AI
(visual artists, writers, code authors, ...): what they worry about, which works they make and
where those works are published, the mechanisms most relevant to them and practical notes.
An *AI use* record describes a popular kind of AI system (image generation, chatbots, code
assistants, ...): how its training data is usually gathered and its typical risks for the people
whose works or data it learns from. Both use the situation vocabularies
(:mod:`railkit.rights.situation`), so a standing memo can build a representative situation from
a stakeholder, an AI use and a jurisdiction.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from railkit.kb.fields import Citation, MechanismRef, Model, NonEmpty, RefTo, ReviewedRecord
from railkit.rights.situation import AiUse, Concern, Goal, Role, Where, WorkKind

StakeholderRef = Annotated[str, RefTo("stakeholders")]
AiUseRef = Annotated[str, RefTo("ai-uses")]


class TypicalWork(Model):
    """A kind of work a stakeholder group makes, and where it is usually published."""

    kind: WorkKind
    where: tuple[Where, ...] = Field(min_length=1, description="Usual places, most common first.")
    personal_data: bool = Field(
        default=False, description="Whether such works usually carry personal data of the maker."
    )
    note: str | None = None


class Stakeholder(ReviewedRecord):
    """A group of people whose works or data AI systems learn from."""

    title: NonEmpty = Field(description="Plural name of the group: 'Visual artists'.")
    role: Role = Field(description="The situation's person.role value for this group.")
    summary: NonEmpty
    concerns: tuple[Concern, ...] = Field(min_length=1, description="Usual concerns, in order.")
    concern_notes: tuple[NonEmpty, ...] = Field(
        default=(), description="The concerns in the group's own terms."
    )
    goals: tuple[Goal, ...] = Field(min_length=1, description="What the group usually wants.")
    typical_works: tuple[TypicalWork, ...] = Field(min_length=1)
    mechanisms: tuple[MechanismRef, ...] = Field(
        min_length=1, description="The mechanisms most relevant to the group, most useful first."
    )
    practical_notes: tuple[NonEmpty, ...] = Field(default=())
    citations: tuple[Citation, ...] = Field(default=(), description="Sources for the notes.")


class AiUseProfile(ReviewedRecord):
    """A popular kind of AI system and what it means for people whose works it learns from."""

    title: NonEmpty
    ai_use: AiUse = Field(description="The situation's ai_use value.")
    summary: NonEmpty
    typical_works: tuple[WorkKind, ...] = Field(
        min_length=1, description="Kinds of works it is typically trained on."
    )
    data_gathering: tuple[NonEmpty, ...] = Field(
        min_length=1, description="How training data is usually gathered."
    )
    typical_risks: tuple[NonEmpty, ...] = Field(min_length=1)
    stakeholders: tuple[StakeholderRef, ...] = Field(
        default=(), description="Groups most affected."
    )
    mechanisms: tuple[MechanismRef, ...] = Field(default=())
    citations: tuple[Citation, ...] = Field(
        default=(), description="Decisions and laws about this kind of system."
    )
