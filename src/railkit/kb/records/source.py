"""Source records: the legal instruments, decisions, licenses and documents railkit cites."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, HttpUrl

from railkit.kb.fields import Model, NonEmpty, Record

SourceKind = Literal[
    "legislation",
    "regulation",
    "case",
    "authority-decision",
    "guidance",
    "standard",
    "license",
    "policy",
    "report",
    "treaty",
]
DECISION_KINDS = frozenset({"case", "authority-decision"})


class Provision(Model):
    """One article or section of an instrument, summarised in the team's own words."""

    locator: NonEmpty = Field(description="Article or section, e.g. 'Art. 21(1)' or 's. 29A'.")
    heading: str | None = Field(default=None, description="The provision's heading, if any.")
    summary: NonEmpty = Field(description="What the provision does, in our words.")


class Source(Record):
    """A document that railkit cites: law, decision, guidance, standard or license."""

    kind: SourceKind = Field(description="What sort of document this is.")
    title: NonEmpty = Field(description="Full official title.")
    short: NonEmpty = Field(description="Short citation form, e.g. 'GDPR' or 'AI Act'.")
    jurisdiction: str | None = Field(
        default=None, description="EU, US, US-CA, GB, JP, ... or 'intl'; none for private texts."
    )
    identifier: str | None = Field(
        default=None, description="Official identifier: CELEX number, docket, statute cite."
    )
    url: HttpUrl = Field(description="Official or most authoritative public location.")
    date: dt.date | None = Field(
        default=None, description="Adoption, decision or publication date."
    )
    checked: dt.date = Field(description="Date the URL and status were last verified.")
    status: str | None = Field(
        default=None, description="Legal status as of 'checked': in force, pending, appealed..."
    )
    court: str | None = Field(default=None, description="Court or authority (decisions only).")
    parties: str | None = Field(default=None, description="Case name (decisions only).")
    holding: str | None = Field(
        default=None, description="What was decided, in our words (decisions only)."
    )
    significance: str | None = Field(
        default=None, description="Why it matters for AI licensing or data rights."
    )
    provisions: tuple[Provision, ...] = Field(
        default=(), description="Articles summarised for the table of authorities."
    )
