"""The user's workspace: items a person chooses to save (situations, analyses), in SQLite.

Nothing is stored unless the user asks; every item can be deleted. The database lives in the
user's data directory (``platformdirs``), or in ``RAILKIT_DATA_DIR`` when that is set.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from railkit.errors import InputError, UnknownIdError

MAX_ITEM_BYTES = 1024 * 1024
KINDS = frozenset({"situation", "analysis", "comparison", "use-check", "memo"})


@dataclass(frozen=True)
class SavedItem:
    """One saved item."""

    id: str
    kind: str
    title: str
    created: str
    payload: dict[str, Any]


def default_path() -> Path:
    """Where the workspace database lives."""
    override = os.environ.get("RAILKIT_DATA_DIR")
    if override:
        return Path(override) / "workspace.sqlite3"
    from platformdirs import user_data_dir

    return Path(user_data_dir("railkit", appauthor=False)) / "workspace.sqlite3"


class Workspace:
    """Saved items in one SQLite file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                "title TEXT NOT NULL, created TEXT NOT NULL, payload TEXT NOT NULL)"
            )
            yield conn
            conn.commit()
        finally:
            conn.close()

    def save(self, kind: str, title: str, payload: dict[str, Any]) -> SavedItem:
        """Store an item; returns it with its new id."""
        if kind not in KINDS:
            raise InputError(f"cannot save items of kind {kind!r}")
        body = json.dumps(payload, ensure_ascii=False)
        if len(body.encode()) > MAX_ITEM_BYTES:
            raise InputError("the item is too large to save (limit 1 MiB)")
        item = SavedItem(
            uuid.uuid4().hex,
            kind,
            title.strip()[:200] or kind,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            payload,
        )
        with self._db() as db:
            db.execute(
                "INSERT INTO items VALUES (?, ?, ?, ?, ?)",
                (item.id, item.kind, item.title, item.created, body),
            )
        return item

    def list(self, kind: str | None = None) -> list[SavedItem]:
        """Saved items, newest first."""
        if not self.path.exists():
            return []
        with self._db() as db:
            rows = db.execute(
                "SELECT id, kind, title, created, payload FROM items "
                + ("WHERE kind = ? " if kind else "")
                + "ORDER BY created DESC",
                (kind,) if kind else (),
            ).fetchall()
        return [SavedItem(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def get(self, item_id: str) -> SavedItem:
        """One saved item."""
        for item in self.list():
            if item.id == item_id:
                return item
        raise UnknownIdError("saved item", item_id)

    def delete(self, item_id: str) -> None:
        """Delete an item for good."""
        with self._db() as db:
            gone = db.execute("DELETE FROM items WHERE id = ?", (item_id,)).rowcount
        if not gone:
            raise UnknownIdError("saved item", item_id)
