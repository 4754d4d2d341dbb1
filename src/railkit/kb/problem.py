"""A problem found in the knowledge base, reported as data rather than raised."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal


@dataclass(frozen=True)
class Problem:
    """One defect: where it is (file, field, line) and what is wrong."""

    code: str
    message: str
    path: str
    field: str | None = None
    line: int | None = None
    level: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        what = f"{self.field}: " if self.field else ""
        return f"{where}: [{self.code}] {what}{self.message}"

    def as_dict(self) -> dict[str, object]:
        """Plain-data form for JSON output."""
        return asdict(self)
