"""Segmentation of license text into clauses with locators and character offsets.

(Interface stub: the analysis work replaces the body; the signature and ``Clause`` fields
are the contract other modules rely on.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    """One clause of a document.

    ``start``/``end`` are character offsets into the original input text; ``text`` is the
    clause text with whitespace normalised; ``ref`` is the locator as printed in the document
    ("Attachment A (c)", "1.a.iii", "Section 5"); ``context`` is the lead-in of a list item
    ("You agree not to use the Model:") or None.
    """

    ref: str
    text: str
    start: int
    end: int
    context: str | None = None


def segment(text: str) -> list[Clause]:
    """Split ``text`` into clauses (stub: one clause per paragraph)."""
    clauses = []
    for n, m in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text), start=1):
        clauses.append(
            Clause(ref=str(n), text=" ".join(m.group().split()), start=m.start(), end=m.end())
        )
    return clauses
