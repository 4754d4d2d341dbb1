"""Integrity checks over the whole catalog; every problem is returned, none is raised.

Generic checks follow the schema: every field annotated with :class:`~railkit.kb.fields.RefTo`
must name an existing record. Collection-specific checks (decisions need a holding and a
status, identifiers must be unique, ...) are small functions listed in ``_CHECKS``.
"""

from __future__ import annotations

import functools
import typing
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from railkit.kb.catalog import Catalog, read_catalog, suggest
from railkit.kb.fields import Record, RefTo
from railkit.kb.problem import Problem
from railkit.kb.records.source import DECISION_KINDS


def _ref_in(annotation: Any) -> RefTo | None:
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            if isinstance(meta, RefTo):
                return meta
    for arg in typing.get_args(annotation):
        found = _ref_in(arg)
        if found is not None:
            return found
    return None


@functools.cache
def _ref_plan(model: type[BaseModel]) -> dict[str, RefTo]:
    plan: dict[str, RefTo] = {}
    for name, info in model.model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, RefTo)), None) or _ref_in(
            info.annotation
        )
        if ref is not None:
            plan[name] = ref
    return plan


def iter_refs(
    value: BaseModel, prefix: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], RefTo, str]]:
    """Every (field path, target collection, id) referenced from a record."""
    plan = _ref_plan(type(value))
    for name in type(value).model_fields:
        item = getattr(value, name)
        path = (*prefix, name)
        items = list(enumerate(item)) if isinstance(item, tuple | list) else [(None, item)]
        for index, element in items:
            where = path if index is None else (*path, index)
            if isinstance(element, str) and name in plan:
                yield where, plan[name], element
            elif isinstance(element, BaseModel):
                yield from iter_refs(element, where)


def _field_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(
    catalog: Catalog,
    collection: str,
    record: Record,
    code: str,
    message: str,
    path: tuple[str | int, ...] = (),
) -> Problem:
    lines = catalog.lines.get((collection, record.id), {})
    line = next(
        (lines[path[:cut]] for cut in range(len(path), -1, -1) if path[:cut] in lines), None
    )
    return Problem(
        code,
        message,
        catalog.path_of(collection, record.id),
        field=_field_text(path) or None,
        line=line,
    )


def check_references(catalog: Catalog) -> list[Problem]:
    """Every reference and citation must resolve to a record of the right collection."""
    problems = []
    for collection, record in catalog:
        for path, ref, target in iter_refs(record):
            pool = catalog.collection(ref.collection)
            if target in pool or any(target in catalog.collection(c) for c in ref.also):
                continue
            code = "unresolved-citation" if ref.collection == "sources" else "dangling-reference"
            hint = suggest(target, pool)
            message = f"{target!r} is not a record in {ref.collection}"
            if hint:
                message += f" (did you mean {', '.join(hint)}?)"
            problems.append(_problem(catalog, collection, record, code, message, path))
    return problems


def check_decisions(catalog: Catalog) -> list[Problem]:
    """Court and authority decisions need a court, a holding and a dated status."""
    problems = []
    for source in catalog.sources.values():
        if source.kind not in DECISION_KINDS:
            continue
        for name in ("court", "holding", "status", "date"):
            if getattr(source, name) in (None, ""):
                problems.append(
                    _problem(
                        catalog,
                        "sources",
                        source,
                        "missing-field",
                        f"a {source.kind} needs '{name}'",
                        (name,),
                    )
                )
    return problems


def check_license_identifiers(catalog: Catalog) -> list[Problem]:
    """ScanCode keys and Hub ids may name one registry document only."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for doc in catalog.licenses.values():
        keys = [("scancode", doc.identifiers.scancode), ("spdx", doc.identifiers.spdx)]
        keys += [("hf", h) for h in doc.identifiers.hf]
        for kind, value in keys:
            if not value:
                continue
            other = seen.setdefault((kind, value.lower()), doc.id)
            if other != doc.id:
                problems.append(
                    _problem(
                        catalog,
                        "licenses",
                        doc,
                        "duplicate-identifier",
                        f"{kind} id {value!r} is also claimed by {other!r}",
                        ("identifiers", kind),
                    )
                )
    return problems


def check_category_coverage(catalog: Catalog) -> list[Problem]:
    """Each domain holds at least one category; each category cites a grounding source."""
    problems = []
    used = defaultdict(list)
    for category in catalog.categories.values():
        used[category.domain].append(category.id)
    for domain in catalog.domains.values():
        if domain.id not in used:
            problems.append(
                _problem(
                    catalog, "domains", domain, "empty-domain", "no category belongs to this domain"
                )
            )
    return problems


def check_mechanism_citations(catalog: Catalog) -> list[Problem]:
    """Every legal mechanism cites at least one source."""
    return [
        _problem(
            catalog,
            "mechanisms",
            m,
            "missing-citation",
            "a legal mechanism must cite at least one source",
            ("citations",),
        )
        for m in catalog.mechanisms.values()
        if m.kind == "legal" and not m.citations
    ]


_CHECKS: list[Callable[[Catalog], list[Problem]]] = [
    check_references,
    check_decisions,
    check_license_identifiers,
    check_category_coverage,
    check_mechanism_citations,
]


def check_catalog(root: Traversable | Path | None = None) -> list[Problem]:
    """Load the knowledge base under ``root`` (default: packaged) and return every problem."""
    catalog, problems = read_catalog(root)
    for check in _CHECKS:
        problems.extend(check(catalog))
    return problems
