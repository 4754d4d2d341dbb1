"""The legal notice every output carries, and the date of the law it reflects."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from railkit.kb.catalog import Catalog

LEGAL_NOTICE = (
    "Legal information, not legal advice. railkit summarises laws, decisions and licenses "
    "as of the date shown; check the cited sources and consult a lawyer before relying on it."
)


def law_as_of(catalog: Catalog) -> dt.date:
    """The date the law reflected by the knowledge base was last checked.

    It is the earliest 'checked' date among cited legal sources, so no statement is presented
    as more current than its least recently verified source.
    """
    dates = [s.checked for s in catalog.sources.values()]
    return min(dates) if dates else dt.date.today()


def notice_line(catalog: Catalog) -> str:
    """One line for the foot of any output."""
    return f"{LEGAL_NOTICE} Law as of {law_as_of(catalog).isoformat()}."
