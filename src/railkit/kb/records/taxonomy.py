"""The behavioral-use taxonomy: domains, categories and structural license features."""

from __future__ import annotations

from pydantic import Field

from railkit.kb.fields import (
    CategoryRef,
    Citation,
    DomainRef,
    FeatureRef,
    LicenseRef,
    Model,
    NonEmpty,
    ReviewedRecord,
    TermRef,
)


class Domain(ReviewedRecord):
    """A group of related categories (safety, privacy, ...)."""

    title: NonEmpty
    description: NonEmpty = Field(description="What the domain covers, in plain words.")


class StandardClause(Model):
    """Standardized clause language ready to paste into a license."""

    full: NonEmpty = Field(description="Complete clause in RAIL drafting style.")
    short: NonEmpty = Field(description="One-line variant for a list of use restrictions.")


class Boundary(Model):
    """How a category differs from a neighbouring one."""

    category: CategoryRef
    note: NonEmpty


class Grounding(Model):
    """A regulation or instrument the category relates to, with its exact article."""

    citation: Citation
    relation: NonEmpty = Field(
        description="How it relates: 'prohibited practice', 'high-risk use', 'criminal offence'..."
    )


class OdrlConstraint(Model):
    """An ODRL 2.2 constraint (leftOperand operator rightOperand)."""

    left_operand: NonEmpty
    operator: NonEmpty
    right_operand: NonEmpty


class OdrlMapping(Model):
    """How the restriction is expressed as an ODRL 2.2 prohibition."""

    action: NonEmpty = Field(description="ODRL action, e.g. 'odrl:use'.")
    constraints: tuple[OdrlConstraint, ...] = ()
    note: str | None = None


class LicenseExample(Model):
    """A place in a known license where the restriction appears."""

    license: LicenseRef
    locator: NonEmpty


class Category(ReviewedRecord):
    """A behavioral-use category: a kind of use a license may restrict."""

    domain: DomainRef
    title: NonEmpty
    summary: NonEmpty = Field(description="One-sentence definition in our words.")
    clause: StandardClause
    explanation: NonEmpty = Field(description="Plain-language explanation for non-lawyers.")
    includes: tuple[NonEmpty, ...] = Field(default=(), description="Uses inside the category.")
    excludes: tuple[NonEmpty, ...] = Field(default=(), description="Uses outside it.")
    boundaries: tuple[Boundary, ...] = Field(default=(), description="Neighbouring categories.")
    grounding: tuple[Grounding, ...] = Field(min_length=1)
    recognition: tuple[NonEmpty, ...] = Field(
        min_length=1, description="Words and phrasings by which real licenses express it."
    )
    odrl: OdrlMapping | None = None
    terms: tuple[TermRef, ...] = Field(default=(), description="Glossary terms it relies on.")
    examples: tuple[LicenseExample, ...] = ()


class Feature(ReviewedRecord):
    """A structural license feature (flow-down, attribution, thresholds, ...)."""

    title: NonEmpty
    meaning: NonEmpty = Field(description="What the feature is.")
    why_it_matters: NonEmpty = Field(description="Why a licensee should care.")
    usual_wording: tuple[NonEmpty, ...] = Field(
        min_length=1, description="How licenses usually express it (paraphrased cues)."
    )
    grounding: tuple[Grounding, ...] = ()
    terms: tuple[TermRef, ...] = ()
    related: tuple[FeatureRef, ...] = ()
    examples: tuple[LicenseExample, ...] = ()


__all__ = [
    "Boundary",
    "Category",
    "CategoryRef",
    "Domain",
    "Feature",
    "Grounding",
    "LicenseExample",
    "OdrlMapping",
    "StandardClause",
]
