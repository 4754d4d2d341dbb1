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


INVERSE_RELATIONS = {
    "incorporates": "incorporated-by",
    "incorporated-by": "incorporates",
    "previous-version": "next-version",
    "next-version": "previous-version",
    "variant": "variant",
    "refers-to": "referred-by",
    "referred-by": "refers-to",
}
FAMILY_HUB_IDS = frozenset({"openrail", "other", "unknown"})
"""Hugging Face license ids that name a family or nothing, never one document."""


def check_license_relations(catalog: Catalog) -> list[Problem]:
    """Relations are symmetric; ``same_as`` points at a canonical record; ids are specific."""
    problems = []
    docs = catalog.licenses
    for doc in docs.values():
        for index, rel in enumerate(doc.related):
            other = docs.get(rel.id)
            if other is None:
                continue  # reported by check_references
            inverse = INVERSE_RELATIONS[rel.relation]
            if not any(r.id == doc.id and r.relation == inverse for r in other.related):
                problems.append(
                    _problem(
                        catalog,
                        "licenses",
                        doc,
                        "asymmetric-relation",
                        f"{rel.relation} {rel.id!r}, but {rel.id!r} has no {inverse} {doc.id!r}",
                        ("related", index),
                    )
                )
        if doc.same_as is not None:
            target = docs.get(doc.same_as)
            if target is not None and target.same_as is not None:
                problems.append(
                    _problem(
                        catalog,
                        "licenses",
                        doc,
                        "same-as-chain",
                        f"same_as {doc.same_as!r} is itself a same_as record",
                        ("same_as",),
                    )
                )
            ids = doc.identifiers
            if doc.annotations or ids.scancode or ids.spdx or ids.hf:
                problems.append(
                    _problem(
                        catalog,
                        "licenses",
                        doc,
                        "same-as-content",
                        "a same_as record carries no identifiers or annotations; move them to "
                        f"{doc.same_as!r}",
                        ("same_as",),
                    )
                )
        for hub in doc.identifiers.hf:
            if hub.lower() in FAMILY_HUB_IDS:
                problems.append(
                    _problem(
                        catalog,
                        "licenses",
                        doc,
                        "ambiguous-identifier",
                        f"Hub id {hub!r} names a family, not one document",
                        ("identifiers", "hf"),
                    )
                )
        if doc.type == "acceptable-use-policy" and doc.identifiers.hf:
            problems.append(
                _problem(
                    catalog,
                    "licenses",
                    doc,
                    "policy-hub-id",
                    "a Hub license id belongs to the license, not its use policy",
                    ("identifiers", "hf"),
                )
            )
        refs = [a.ref for a in doc.annotations]
        for ref in sorted({r for r in refs if refs.count(r) > 1}):
            problems.append(
                _problem(
                    catalog,
                    "licenses",
                    doc,
                    "duplicate-annotation",
                    f"clause {ref!r} is annotated more than once",
                    ("annotations",),
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
    check_license_relations,
    check_category_coverage,
    check_mechanism_citations,
]


def check_catalog(root: Traversable | Path | None = None) -> list[Problem]:
    """Load the knowledge base under ``root`` (default: packaged) and return every problem."""
    catalog, problems = read_catalog(root)
    for check in _CHECKS:
        problems.extend(check(catalog))
    return problems
