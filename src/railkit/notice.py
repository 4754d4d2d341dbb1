"""The legal notice every output carries, and the date of the law it reflects."""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources
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


_CHECKED = re.compile(r"^checked:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


@functools.cache
def packaged_law_as_of() -> dt.date:
    """:func:`law_as_of` for the packaged knowledge base, without loading it.

    Reads the ``checked`` dates straight from the source files, for commands whose start-up
    budget cannot afford validating the whole knowledge base. Equal to
    ``law_as_of(load_catalog())`` (a test keeps them equal).
    """
    dates = []
    folder = resources.files("railkit") / "data" / "sources"
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.name.endswith((".yaml", ".yml")):
                found = _CHECKED.search(entry.read_text(encoding="utf-8"))
                if found:
                    dates.append(found.group(1))
    return dt.date.fromisoformat(min(dates)) if dates else dt.date.today()


def packaged_notice_line() -> str:
    """:func:`notice_line` for the packaged knowledge base, without loading it."""
    return f"{LEGAL_NOTICE} Law as of {packaged_law_as_of().isoformat()}."
