"""Glossary terms: legal definitions of technical terms used in AI licenses and regulation."""

from __future__ import annotations

from pydantic import Field

from railkit.kb.fields import (
    CategoryRef,
    Citation,
    FeatureRef,
    Model,
    NonEmpty,
    ReviewedRecord,
    TermRef,
)


class Usage(Model):
    """How one license or regulation defines or uses the term (described, not quoted)."""

    citation: Citation
    summary: NonEmpty = Field(description="The gist of that definition, in our words.")


class Term(ReviewedRecord):
    """A glossary entry."""

    term: NonEmpty = Field(description="The term as written, e.g. 'Derivative of the Model'.")
    aliases: tuple[NonEmpty, ...] = ()
    definition: NonEmpty = Field(description="The definition railkit recommends.")
    usages: tuple[Usage, ...] = Field(min_length=1)
    divergences: NonEmpty = Field(description="Where the definitions diverge and why it matters.")
    categories: tuple[CategoryRef, ...] = ()
    features: tuple[FeatureRef, ...] = ()
    related: tuple[TermRef, ...] = ()
