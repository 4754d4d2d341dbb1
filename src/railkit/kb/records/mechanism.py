"""Data-rights mechanisms: what a person can use about AI training and outputs.

A mechanism record says what the mechanism is, who can use it against whom, its territorial
reach, its preconditions as machine-checkable conditions on a situation (see
:mod:`railkit.rights.conditions`), the steps, deadlines, costs and evidence, what it can and
cannot achieve, counter-arguments and open questions, authorities and contact points, and
the sources it relies on. The assessment engine reads the preconditions; memo writers read
the rest.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from railkit.kb.fields import Citation, MechanismRef, Model, NonEmpty, ReviewedRecord
from railkit.rights.conditions import Condition, validate_condition

MechanismKind = Literal["legal", "contractual", "collective", "technical", "evidence"]
Effect = Literal["yes", "partly", "no"]
IfNotMet = Literal["not-applicable", "possibly-applicable"]


class Way(Model):
    """One way a precondition can be met, with its own explanation and law."""

    when: Condition
    holds: NonEmpty = Field(description="Reason shown when this way is met.")
    citations: tuple[Citation, ...] = Field(default=())

    @model_validator(mode="after")
    def _sound_condition(self) -> Way:
        problems = validate_condition(self.when)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Precondition(Model):
    """A condition the situation must meet, with the words that explain the outcome.

    Give either ``when`` with ``holds`` (one way to meet it), or ``ways`` (several, each with
    its own reason and citations; the first that holds explains the result). With neither,
    the precondition is an *open question* the situation cannot settle: it always leaves the
    mechanism possibly applicable and shows ``fails`` as the reason.
    """

    name: NonEmpty = Field(description="What must be true, as a clause: 'the person lives ...'.")
    when: Condition | None = Field(default=None, description="The machine-checkable condition.")
    holds: NonEmpty | None = Field(default=None, description="Reason when ``when`` holds.")
    ways: tuple[Way, ...] = Field(default=(), description="Alternative ways to meet it.")
    fails: NonEmpty = Field(description="Reason shown when it does not hold (or stays open).")
    if_not_met: IfNotMet = Field(
        default="not-applicable",
        description="Status when the condition fails: excluded, or only possibly applicable.",
    )
    citations: tuple[Citation, ...] = Field(default=(), description="Law behind this condition.")

    @model_validator(mode="after")
    def _sound_condition(self) -> Precondition:
        if self.when is not None and self.ways:
            raise ValueError("give either 'when' or 'ways', not both")
        if self.when is not None:
            if self.holds is None:
                raise ValueError("'when' needs a 'holds' reason")
            problems = validate_condition(self.when)
            if problems:
                raise ValueError("; ".join(problems))
        if self.when is None and not self.ways and self.if_not_met != "possibly-applicable":
            raise ValueError(
                "an open precondition (no 'when' or 'ways') must be possibly-applicable"
            )
        return self

    @property
    def is_open(self) -> bool:
        """Whether the situation cannot settle this precondition."""
        return self.when is None and not self.ways


class Outcomes(Model):
    """What the mechanism can achieve, on a yes / partly / no scale."""

    stops_future_training: Effect
    removes_from_dataset: Effect
    removes_from_model: Effect
    stops_outputs: Effect
    compensation: Effect
    information: Effect


class Contact(Model):
    """An authority, organisation or contact point that handles the mechanism."""

    name: NonEmpty
    role: NonEmpty = Field(description="What it does for the person.")
    url: HttpUrl | None = None


class Mechanism(ReviewedRecord):
    """A legal, contractual, collective, technical or evidential mechanism."""

    title: NonEmpty
    kind: MechanismKind
    jurisdiction: NonEmpty
    summary: NonEmpty
    who_can_use: NonEmpty = Field(description="Who may invoke it.")
    against_whom: NonEmpty = Field(description="Whom it binds or targets.")
    territorial_reach: NonEmpty = Field(description="Where the law or practice reaches.")
    preconditions: tuple[Precondition, ...] = Field(
        description="All must hold for 'applicable'; see Precondition.if_not_met."
    )
    steps: tuple[NonEmpty, ...] = Field(description="Practical next steps, in order.")
    deadlines: tuple[NonEmpty, ...] = Field(default=())
    costs: NonEmpty = Field(description="Money, time and risk involved.")
    evidence: tuple[NonEmpty, ...] = Field(default=(), description="What the person should keep.")
    outcomes: Outcomes
    can_achieve: tuple[NonEmpty, ...] = Field(default=())
    cannot_achieve: tuple[NonEmpty, ...] = Field(default=())
    counter_arguments: tuple[NonEmpty, ...] = Field(default=())
    open_questions: tuple[NonEmpty, ...] = Field(default=())
    authorities: tuple[Contact, ...] = Field(default=())
    related: tuple[MechanismRef, ...] = Field(default=())
    citations: tuple[Citation, ...] = Field(default=())
