"""Small text helpers shared by the command modules (citations, the legal notice)."""

from __future__ import annotations

from railkit.kb.catalog import Catalog
from railkit.kb.fields import Citation
from railkit.notice import notice_line


def citation_text(catalog: Catalog, citation: Citation) -> str:
    """``GDPR Art. 22 (checked 2026-11-20)``."""
    source = catalog.sources.get(citation.source)
    if source is not None:
        return f"{citation.label(source.short)} (checked {source.checked})"
    document = catalog.licenses.get(citation.source)
    if document is not None:
        return f"{citation.label(document.name)} (reviewed {document.reviewed})"
    return citation.label(citation.source)


def notice(catalog: Catalog) -> str:
    """The legal notice as a dim line."""
    return f"[dim]{notice_line(catalog)}[/]"
