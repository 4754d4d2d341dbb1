"""Loading the knowledge base into an immutable, cached :class:`Catalog`."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, cast

from pydantic import ValidationError

from railkit.errors import ContentError, UnknownIdError
from railkit.kb.collections import COLLECTIONS, Collection
from railkit.kb.fields import Record
from railkit.kb.problem import Problem
from railkit.kb.records.glossary import Term
from railkit.kb.records.license import LicenseDocument
from railkit.kb.records.mechanism import Mechanism
from railkit.kb.records.parallel import Parallel
from railkit.kb.records.source import Source
from railkit.kb.records.stakeholder import AiUseProfile, Stakeholder
from railkit.kb.records.taxonomy import Category, Domain, Feature
from railkit.kb.yamlsource import RecordFileError, parse_record

R = TypeVar("R", bound=Record)
SUFFIXES = (".yaml", ".yml", ".md")


def data_root() -> Traversable:
    """The packaged data folder."""
    return resources.files("railkit") / "data"


@dataclass(frozen=True)
class Catalog:
    """Every record of the knowledge base, by collection and id. Read-only."""

    records: Mapping[str, Mapping[str, Record]]
    paths: Mapping[tuple[str, str], str] = field(default_factory=dict)
    lines: Mapping[tuple[str, str], Mapping[tuple[str | int, ...], int]] = field(
        default_factory=dict
    )

    def collection(self, name: str) -> Mapping[str, Record]:
        """All records of one collection, by id (sorted)."""
        return self.records.get(name, MappingProxyType({}))

    def _typed(self, name: str, kind: type[R]) -> Mapping[str, R]:
        return cast(Mapping[str, R], self.collection(name))

    @property
    def sources(self) -> Mapping[str, Source]:
        return self._typed("sources", Source)

    @property
    def domains(self) -> Mapping[str, Domain]:
        return self._typed("domains", Domain)

    @property
    def categories(self) -> Mapping[str, Category]:
        return self._typed("categories", Category)

    @property
    def features(self) -> Mapping[str, Feature]:
        return self._typed("features", Feature)

    @property
    def glossary(self) -> Mapping[str, Term]:
        return self._typed("glossary", Term)

    @property
    def licenses(self) -> Mapping[str, LicenseDocument]:
        return self._typed("licenses", LicenseDocument)

    @property
    def mechanisms(self) -> Mapping[str, Mechanism]:
        return self._typed("mechanisms", Mechanism)

    @property
    def stakeholders(self) -> Mapping[str, Stakeholder]:
        return self._typed("stakeholders", Stakeholder)

    @property
    def ai_uses(self) -> Mapping[str, AiUseProfile]:
        return self._typed("ai-uses", AiUseProfile)

    @property
    def parallels(self) -> Mapping[str, Parallel]:
        return self._typed("parallels", Parallel)

    def get(self, collection: str, record_id: str, *, kind: str | None = None) -> Record:
        """The record with this id, or :class:`UnknownIdError` with close suggestions."""
        records = self.collection(collection)
        if record_id in records:
            return records[record_id]
        raise UnknownIdError(kind or collection.rstrip("s"), record_id, suggest(record_id, records))

    def path_of(self, collection: str, record_id: str) -> str:
        """The file a record was loaded from."""
        return self.paths.get((collection, record_id), f"{collection}/{record_id}")

    def __iter__(self) -> Iterator[tuple[str, Record]]:
        for name, records in self.records.items():
            for record in records.values():
                yield name, record


def suggest(value: str, choices: Mapping[str, Any] | list[str], n: int = 3) -> list[str]:
    """Close matches for a mistyped id ("did you mean")."""
    pool = list(choices)
    lowered = value.lower()
    hits = difflib.get_close_matches(lowered, pool, n=n, cutoff=0.6)
    if not hits:
        hits = [c for c in pool if lowered in c or (len(c) > 3 and c in lowered)][:n]
    return hits


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_for(loc: tuple[int | str, ...], lines: Mapping[tuple[str | int, ...], int]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def _load_file(
    collection: Collection, path: Traversable, shown: str
) -> tuple[Record | None, dict[tuple[str | int, ...], int], list[Problem]]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, {}, [Problem("encoding", "file is not UTF-8 text", shown)]
    try:
        data, lines = parse_record(text, markdown=path.name.endswith(".md"))
    except RecordFileError as exc:
        return None, {}, [Problem("yaml", str(exc), shown, line=exc.line)]
    try:
        record = collection.model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            code = {"extra_forbidden": "unknown-key", "missing": "missing-field"}.get(
                err["type"], "schema"
            )
            message = "unknown key (not in the schema)" if code == "unknown-key" else err["msg"]
            problems.append(
                Problem(code, message, shown, field=_field_path(loc), line=_line_for(loc, lines))
            )
        return None, lines, problems
    return record, lines, []


def read_catalog(root: Traversable | Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Load every record under ``root``; return the catalog and every load problem."""
    base = data_root() if root is None else root
    records: dict[str, Mapping[str, Record]] = {}
    paths: dict[tuple[str, str], str] = {}
    all_lines: dict[tuple[str, str], Mapping[tuple[str | int, ...], int]] = {}
    problems: list[Problem] = []
    for collection in COLLECTIONS:
        folder = base / collection.name
        found: dict[str, Record] = {}
        if folder.is_dir():
            entries = sorted(
                (e for e in folder.iterdir() if e.name.endswith(SUFFIXES)), key=lambda e: e.name
            )
            for entry in entries:
                shown = f"{collection.name}/{entry.name}"
                stem = entry.name.rsplit(".", 1)[0]
                record, lines, errs = _load_file(collection, entry, shown)
                problems.extend(errs)
                if record is None:
                    continue
                if record.id != stem:
                    problems.append(
                        Problem(
                            "id-mismatch",
                            f"id {record.id!r} differs from the file name {stem!r}",
                            shown,
                            field="id",
                            line=lines.get(("id",)),
                        )
                    )
                    continue
                if record.id in found:
                    problems.append(
                        Problem(
                            "duplicate-id",
                            f"id {record.id!r} is also defined by "
                            f"{paths[(collection.name, record.id)]}",
                            shown,
                            field="id",
                            line=lines.get(("id",)),
                        )
                    )
                    continue
                found[record.id] = record
                paths[(collection.name, record.id)] = shown
                all_lines[(collection.name, record.id)] = lines
        records[collection.name] = MappingProxyType(dict(sorted(found.items())))
    catalog = Catalog(
        MappingProxyType(records), MappingProxyType(paths), MappingProxyType(all_lines)
    )
    return catalog, problems


@functools.cache
def load_catalog() -> Catalog:
    """The packaged knowledge base, loaded once. Raises :class:`ContentError` on bad data."""
    catalog, problems = read_catalog()
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more; run 'railkit kb check')" if len(problems) > 1 else ""
        )
        raise ContentError(first.path, first.message + more, field=first.field, line=first.line)
    return catalog
