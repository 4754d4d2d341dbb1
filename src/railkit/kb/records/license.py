"""Registry records of known documents: AI licenses, use policies, terms, common licenses."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, HttpUrl

from railkit.kb.fields import CategoryRef, FeatureRef, LicenseRef, Model, NonEmpty, ReviewedRecord

DocumentType = Literal["license", "acceptable-use-policy", "terms"]
Artifact = Literal["model", "data", "source", "application", "output"]
Relation = Literal[
    "incorporates",  # this license incorporates that policy
    "incorporated-by",  # this policy is incorporated by that license
    "previous-version",
    "next-version",
    "variant",  # a sibling text of the same family
    "refers-to",  # this document points to that one for guidance, without incorporating it
    "referred-by",
]
CommercialUse = Literal["allowed", "conditional", "not-allowed", "unclear"]


class Related(Model):
    """A link to another registry document."""

    id: LicenseRef
    relation: Relation


class Identifiers(Model):
    """The names other systems use for this document."""

    scancode: str | None = Field(default=None, description="ScanCode LicenseDB key.")
    spdx: str | None = Field(
        default=None, description="SPDX id or LicenseRef-scancode-... reference."
    )
    hf: tuple[str, ...] = Field(default=(), description="Hugging Face Hub license ids.")
    aliases: tuple[str, ...] = Field(default=(), description="Other common names.")


class TextSource(Model):
    """Where the reference text lives (never in this repository)."""

    origin: Literal["scancode", "corpus", "none"] = Field(
        description="'scancode': ScanCode package data by key; 'corpus': the shared corpus."
    )
    key: str | None = Field(default=None, description="ScanCode key or corpus file stem.")


class Annotation(Model):
    """The team's reading of one clause: categories restricted and features evidenced."""

    ref: NonEmpty = Field(description="Clause locator as printed in the document.")
    categories: tuple[CategoryRef, ...] = ()
    features: tuple[FeatureRef, ...] = ()
    note: str | None = None


class LicenseDocument(ReviewedRecord):
    """A known license, acceptable-use policy or terms document."""

    name: NonEmpty
    version: str | None = None
    date: dt.date | None = Field(default=None, description="Release or effective date.")
    licensor: NonEmpty
    family: NonEmpty = Field(description="OpenRAIL-M, RAIL, Llama, Gemma, Qwen, permissive...")
    type: DocumentType
    ai_specific: bool = Field(description="Written for AI models, data or services.")
    artifacts: tuple[Artifact, ...] = Field(min_length=1)
    same_as: LicenseRef | None = Field(
        default=None,
        description=(
            "Set when this record names the same text as another (canonical) record, e.g. a "
            "ScanCode key listed separately; identifiers and annotations live on that record."
        ),
    )
    related: tuple[Related, ...] = ()
    identifiers: Identifiers
    links: tuple[HttpUrl, ...] = Field(min_length=1)
    commercial_use: CommercialUse
    commercial_note: str | None = None
    attribution: str | None = Field(default=None, description="Attribution duties, summarised.")
    summary: NonEmpty = Field(description="What the document is, in one or two sentences.")
    text: TextSource
    annotations: tuple[Annotation, ...] = ()
