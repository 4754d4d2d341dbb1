"""Building blocks shared by every record type: ids, references and citations.

A reference field is a string annotated with :class:`RefTo`; the integrity checker walks
every record, finds these annotations and checks that the target record exists. Adding a
reference to a new record type therefore needs no change to the checker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:[.+-][a-z0-9]+)*$"

RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80)]
"""A record id: lowercase letters, digits, separated by ``-``, ``.`` or ``+``."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of a record in ``collection``."""

    collection: str
    also: tuple[str, ...] = ()


SourceRef = Annotated[str, RefTo("sources", also=("licenses",))]
"""A cited source: a record in ``sources``, or a known license by its registry id."""
CategoryRef = Annotated[str, RefTo("categories")]
FeatureRef = Annotated[str, RefTo("features")]
DomainRef = Annotated[str, RefTo("domains")]
TermRef = Annotated[str, RefTo("glossary")]
LicenseRef = Annotated[str, RefTo("licenses")]
MechanismRef = Annotated[str, RefTo("mechanisms")]


class Model(BaseModel):
    """Base of every knowledge-base model: immutable, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Citation(Model):
    """A pointer to a source record and the place inside it (article, section, clause)."""

    source: SourceRef = Field(description="Id of the cited record in the sources collection.")
    locator: str | None = Field(
        default=None,
        description="Where in the source: 'Art. 5(1)(c)', 's. 29A', 'Attachment A (c)'.",
    )
    note: str | None = Field(default=None, description="What the cited place says, in our words.")

    def label(self, short: str) -> str:
        """Render the citation with the source's short name, e.g. ``GDPR Art. 22``.

        A locator that already starts with the short name (``21 U.S.C. 841(a)`` for the short
        name ``21 U.S.C. 841``) is shown alone rather than repeated.
        """
        if not self.locator:
            return short
        if self.locator.lower().startswith(short.lower()):
            return self.locator
        return f"{short} {self.locator}"


class Record(Model):
    """Base of every record: an id equal to the file stem."""

    id: RecordId = Field(description="Record id; must equal the file name without extension.")


class ReviewedRecord(Record):
    """A record of the team's own content, with the date it was last reviewed."""

    reviewed: dt.date = Field(description="Date the team last reviewed this record's content.")
