"""The closest parallels outside AI: how earlier law answered questions AI now raises.

Before generative AI, courts decided when a new work made from an old one is a derivative work
or a transformative fair use, whether copying whole books or images for a search tool is
allowed, what database rights protect, whether scraping public pages can be stopped by statute
or contract, and when a search engine must delist personal data. A parallel record states that
earlier answer (citing the decisions as sources), the AI question it bears on, the lessons a
memo may draw and where the analogy breaks down.
"""

from __future__ import annotations

from pydantic import Field

from railkit.kb.fields import Citation, MechanismRef, NonEmpty, ReviewedRecord


class Parallel(ReviewedRecord):
    """One pre-AI line of authority used as context for AI questions."""

    title: NonEmpty
    jurisdictions: tuple[NonEmpty, ...] = Field(min_length=1, description="US, EU, GB, ...")
    question: NonEmpty = Field(description="The pre-AI question the authorities answered.")
    decided: NonEmpty = Field(description="How it was decided, in our words.")
    ai_question: NonEmpty = Field(description="The AI question the parallel bears on.")
    lessons: tuple[NonEmpty, ...] = Field(min_length=1, description="What carries over.")
    limits: tuple[NonEmpty, ...] = Field(min_length=1, description="Where the analogy breaks.")
    mechanisms: tuple[MechanismRef, ...] = Field(default=(), description="Mechanisms it informs.")
    citations: tuple[Citation, ...] = Field(
        min_length=1, description="The pre-AI decisions and laws (sources)."
    )
    ai_decisions: tuple[Citation, ...] = Field(
        default=(), description="AI-era decisions that applied or distinguished the parallel."
    )
