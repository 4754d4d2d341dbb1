"""Documents the web forms work on: pasted or uploaded text, or a registry license by id.

A form field holds pasted text, an upload holds a file; both go through
:func:`railkit.inputs.decode_text`, so an empty, binary, non-UTF-8 or oversized document is
refused with one :class:`~railkit.errors.InputError` naming the problem (HTTP 400). A
registry id (any identifier :func:`railkit.licensing.registry.resolve` accepts) names a known
document; its annotated clauses stand in for its text, which the registry does not hold.
"""

from __future__ import annotations

from pathlib import PurePath

from starlette.datastructures import UploadFile

from railkit.errors import InputError
from railkit.inputs import decode_text
from railkit.kb.catalog import Catalog
from railkit.kb.records.license import LicenseDocument
from railkit.licensing import annotations as _core
from railkit.licensing.analyze import Analysis
from railkit.web.security import MAX_UPLOAD_BYTES

UPLOAD_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ""})
"""File name endings accepted for uploads (no ending: plain text, e.g. ``LICENSE``)."""
MAX_TEXT_CHARS = MAX_UPLOAD_BYTES
"""Longest pasted text accepted, in characters."""


def pasted_text(value: str, *, name: str = "the pasted text") -> str:
    """Pasted text, checked like a file (not empty, not binary, within the limit)."""
    if len(value) > MAX_TEXT_CHARS:
        raise InputError(f"{name} is longer than the 2 MB limit")
    return decode_text(value.encode("utf-8", "surrogatepass"), name=name)


async def uploaded_text(upload: UploadFile) -> str:
    """The text of an uploaded .txt, .md or .html file."""
    name = PurePath(upload.filename or "upload").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(
            f"{name}: only plain text, Markdown or HTML files (.txt, .md, .html) can be read"
        )
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    return decode_text(data, name=name, max_bytes=MAX_UPLOAD_BYTES)


async def document_from_form(text: str | None, upload: UploadFile | str | None) -> str:
    """The document a form sent: the uploaded file if one was chosen, else the pasted text."""
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        return await uploaded_text(upload)
    if text is None or not text.strip():
        raise InputError("no license text: paste a text or choose a file to upload")
    return pasted_text(text)


# The registry view lives in the core; these names are kept for the page modules.
registry_document = _core.registry_document
incorporated = _core.incorporated


def registry_analysis(doc: LicenseDocument, catalog: Catalog | None = None) -> Analysis:
    """A registry document's annotations as an analysis (:mod:`railkit.licensing.annotations`)."""
    return _core.annotation_analysis(doc, catalog)
