"""Errors raised by the core library.

Every error carries enough context to print a one-line message that names the problem and,
for knowledge-base content, the file, field and line it comes from. The CLI and the web
layer translate these into exit status 2 or an HTTP 4xx; the core never prints or exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath


class RailkitError(Exception):
    """Base class of every error railkit raises on purpose."""


class InputError(RailkitError, ValueError):
    """The user's input cannot be used (empty, binary, too large, malformed...)."""


class UnknownIdError(RailkitError, LookupError):
    """An identifier names nothing the knowledge base knows; carries close suggestions."""

    def __init__(self, kind: str, value: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.value = value
        self.suggestions = tuple(suggestions)
        message = f"unknown {kind} {value!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)


class ContentError(RailkitError):
    """A knowledge-base record cannot be loaded; names the file, field and line."""

    def __init__(
        self,
        path: str | PurePath,
        message: str,
        *,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.path = str(path)
        self.field = field
        self.line = line
        self.message = message
        where = self.path + (f":{line}" if line else "")
        what = f"{field!r}: " if field else ""
        super().__init__(f"{where}: {what}{message}")
