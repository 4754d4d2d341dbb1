"""A small, safe language for preconditions on a situation, and its evaluator.

Conditions are data (YAML in the mechanism records), never code: there is no ``eval``. Forms:

* ``{all: [c, ...]}``, ``{any: [c, ...]}``, ``{not: c}``: logic.
* ``{some_work: c}``: ``c`` holds for at least one work (field paths inside are relative to a
  work: ``kind``, ``where``, ``published_online``...).
* ``{field: PATH, OP: VALUE}`` with exactly one operator:
  ``equals`` (a value or true/false), ``any_of`` (one of a list), ``includes`` (a list field
  contains the value), ``in_region`` (a place lies within a region: ``DE`` within ``EU``),
  ``reaches`` (a place overlaps a region: a service offered in ``EU`` reaches ``DE``),
  ``known`` (the field has been answered).

Evaluation is three-valued: ``True``, ``False`` or ``None`` when the situation does not say.
A field holding several values (``concerns``, ``works[].kind``) satisfies a test when any of
its values does. Field paths and vocabulary values are checked when a record is loaded, so a
typo in the knowledge base is a load error, not a silently false rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import (
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from railkit.kb.fields import Model
from railkit.rights import regions
from railkit.rights.situation import (
    BOOLEAN_FIELDS,
    FIELD_PATHS,
    PLACE_FIELDS,
    VOCABULARIES,
    Situation,
    Work,
)

Truth = bool | None
WORK_PREFIX = "works[]."
OPERATORS = ("equals", "any_of", "includes", "in_region", "reaches", "known")


class Condition(Model):
    """One node of a precondition: a logical form or a test on one field."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, serialize_by_alias=True
    )

    all_: tuple[Condition, ...] | None = Field(default=None, alias="all")
    any_: tuple[Condition, ...] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")
    some_work: Condition | None = None
    field: str | None = None
    equals: str | bool | None = None
    any_of: tuple[str, ...] | None = None
    includes: str | None = None
    in_region: str | None = None
    reaches: str | None = None
    known: bool | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            name
            for name in ("all_", "any_", "not_", "some_work", "field")
            if getattr(self, name) is not None
        ]
        if len(forms) != 1:
            raise ValueError("a condition needs exactly one of all, any, not, some_work, field")
        ops = [op for op in OPERATORS if getattr(self, op) is not None]
        if self.field is None:
            if ops:
                raise ValueError(f"operator {ops[0]!r} needs a 'field'")
            return self
        if len(ops) != 1:
            raise ValueError(f"field {self.field!r} needs exactly one operator of {OPERATORS}")
        return self

    @model_serializer(mode="wrap")
    def _compact(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Serialise as written in the records: aliases (all, any, not), no empty keys."""
        data = handler(self)
        return {k: v for k, v in data.items() if v is not None}

    def fields(self, prefix: str = "") -> Iterable[str]:
        """Every field path this condition tests (absolute paths)."""
        if self.field is not None:
            yield prefix + self.field
        for child in (*(self.all_ or ()), *(self.any_ or ())):
            yield from child.fields(prefix)
        if self.not_ is not None:
            yield from self.not_.fields(prefix)
        if self.some_work is not None:
            yield from self.some_work.fields(WORK_PREFIX)


def validate_condition(cond: Condition, prefix: str = "") -> list[str]:
    """Problems with field paths and vocabulary values in ``cond`` (empty when sound)."""
    problems: list[str] = []
    if cond.field is not None:
        path = prefix + cond.field
        if path not in FIELD_PATHS:
            problems.append(f"unknown situation field {path!r}")
            return problems
        vocab = VOCABULARIES.get(path)
        values: list[Any] = []
        if cond.equals is not None:
            values.append(cond.equals)
        values += list(cond.any_of or ()) + ([cond.includes] if cond.includes else [])
        for v in values:
            if vocab is not None and v not in vocab:
                problems.append(f"{v!r} is not a value of {path}")
            if path in BOOLEAN_FIELDS and not isinstance(v, bool):
                problems.append(f"{path} is true or false, not {v!r}")
        for region in (cond.in_region, cond.reaches):
            if region is not None:
                if path not in PLACE_FIELDS:
                    problems.append(f"{path} is not a place field")
                elif not regions.is_valid(region):
                    problems.append(f"{region!r} is not a place code")
    for child in (*(cond.all_ or ()), *(cond.any_ or ())):
        problems += validate_condition(child, prefix)
    if cond.not_ is not None:
        problems += validate_condition(cond.not_, prefix)
    if cond.some_work is not None:
        if prefix:
            problems.append("some_work cannot be nested inside some_work")
        problems += validate_condition(cond.some_work, WORK_PREFIX)
    return problems


@dataclass
class Evaluation:
    """The truth of a condition and the fields whose absence left it open."""

    truth: Truth
    unknown_fields: set[str] = field(default_factory=set)


def _values(obj: Any, path: str) -> list[Any] | None:
    """The values at ``path`` (dotted, relative to ``obj``); ``None`` when not answered."""
    current: Any = obj
    for part in path.split("."):
        if current is None:
            return None
        current = getattr(current, part)
    if current is None:
        return None
    if isinstance(current, tuple):
        return list(current)
    return [current]


def _any(results: Iterable[Truth]) -> Truth:
    seen_unknown = False
    for r in results:
        if r is True:
            return True
        if r is None:
            seen_unknown = True
    return None if seen_unknown else False


def _test(cond: Condition, values: list[Any]) -> Truth:
    if cond.known is not None:
        return cond.known
    if cond.equals is not None:
        return any(v == cond.equals for v in values)
    if cond.any_of is not None:
        return any(v in cond.any_of for v in values)
    if cond.includes is not None:
        return cond.includes in values
    if cond.in_region is not None:
        region = cond.in_region
        return _any(regions.within(str(v), region) for v in values)
    if cond.reaches is not None:
        region = cond.reaches
        return any(regions.overlaps(str(v), region) for v in values)
    raise AssertionError("validated condition without operator")  # pragma: no cover


def _leaf(cond: Condition, obj: Any, path: str) -> Evaluation:
    assert cond.field is not None
    values = _values(obj, cond.field)
    if values is None:
        if cond.known is not None:
            return Evaluation(not cond.known)
        return Evaluation(None, {path})
    truth = _test(cond, values)
    return Evaluation(truth, {path} if truth is None else set())


def _works_eval(cond: Condition, situation: Situation) -> Evaluation:
    works = situation.works
    if works is None:
        return Evaluation(None, {f"works[].{f}" for f in _relative_fields(cond)} or {"works"})
    results = [evaluate(cond, situation, work=w) for w in works]
    truth = _any(r.truth for r in results)
    unknown: set[str] = set()
    if truth is None:
        for r in results:
            unknown |= r.unknown_fields
    return Evaluation(truth, unknown)


def _relative_fields(cond: Condition) -> set[str]:
    return {f.removeprefix(WORK_PREFIX) for f in cond.fields(WORK_PREFIX)}


def evaluate(cond: Condition, situation: Situation, *, work: Work | None = None) -> Evaluation:
    """Evaluate ``cond`` on ``situation`` (or, inside ``some_work``, on one ``work``)."""
    if cond.field is not None:
        if work is not None:
            return _leaf(cond, work, WORK_PREFIX + cond.field)
        if cond.field.startswith(WORK_PREFIX):
            inner = cond.model_copy(update={"field": cond.field.removeprefix(WORK_PREFIX)})
            return _works_eval(inner, situation)
        return _leaf(cond, situation, cond.field)
    if cond.some_work is not None:
        return _works_eval(cond.some_work, situation)
    if cond.not_ is not None:
        inner_eval = evaluate(cond.not_, situation, work=work)
        truth = None if inner_eval.truth is None else not inner_eval.truth
        return Evaluation(truth, inner_eval.unknown_fields)
    children = [evaluate(c, situation, work=work) for c in (cond.all_ or cond.any_ or ())]
    unknown: set[str] = set()
    for c in children:
        unknown |= c.unknown_fields
    if cond.all_ is not None:
        if any(c.truth is False for c in children):
            return Evaluation(False)
        if any(c.truth is None for c in children):
            return Evaluation(None, unknown)
        return Evaluation(True)
    if any(c.truth is True for c in children):
        return Evaluation(True)
    if any(c.truth is None for c in children):
        return Evaluation(None, unknown)
    return Evaluation(False)
