"""Use check: does a license restrict an intended use described in plain words?

The use description is first mapped to categories (``direct`` or ``related``) and to
feature facts (commercial or research use, users, revenue) by
:func:`railkit.licensing.intended_use.describe_use`.

:func:`check_use` analyses each license (or takes an analysis) and reports, per license, the
clauses that restrict the use with their locators, and a verdict:

- ``restricted``: a clause restricts a category the use matches directly, without a
  condition the use might meet (such as "without consent" or "unlicensed"), or a
  non-commercial license meets a commercial use, or a user threshold is exceeded;
- ``needs-review``: a clause touches the use's domain, or restricts it only under
  conditions the description does not settle;
- ``no-restriction-found``: railkit recognised no clause that restricts the use.

Deterministic, offline; the result is data, never advice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from railkit.errors import InputError
from railkit.licensing.intended_use import (
    MONEY_PATTERN,
    USERS_PATTERN,
    UseMatch,
    UseProfile,
    amount,
    describe_use,
)

__all__ = [
    "NEEDS_REVIEW",
    "NO_RESTRICTION",
    "RESTRICTED",
    "Finding",
    "LicenseVerdict",
    "UseCheckResult",
    "UseMatch",
    "UseProfile",
    "check_use",
    "describe_use",
    "registry_text",
]

if TYPE_CHECKING:
    from railkit.licensing.analyze import Analysis

RESTRICTED = "restricted"
NEEDS_REVIEW = "needs-review"
NO_RESTRICTION = "no-restriction-found"
_RANK = {NO_RESTRICTION: 0, NEEDS_REVIEW: 1, RESTRICTED: 2}

QUALIFIED = re.compile(
    r"\b(?:without|unless|except|unauthori[sz]ed|unlicensed|illegal(?:ly)?|unlawful(?:ly)?|"
    r"intended\s+to|in\s+order\s+to|for\s+the\s+purpose|with\s+the\s+purpose|to\s+deceive|"
    r"in\s+a\s+manner|adversely|that\s+can\s+be\s+used\s+to\s+harm|fully\s+automated|"
    r"solely|legally\s+protected|harmful|detrimental|misleading|false)\b",
    re.IGNORECASE,
)
"""A clause that restricts an activity only under a condition (intent, consent, licence)."""

_ADVICE_FIELDS = {
    "medical": ("medic", "health", "clinic", "diagnos", "patient", "treatment", "therap", "doctor"),
    "legal": ("legal", "law", "lawyer", "attorney", "contract"),
    "financial": ("financ", "tax", "invest", "account", "credit", "loan", "stock", "trading"),
}
"""Fields of regulated advice: a clause about one field does not restrict advice in another."""


@dataclass(frozen=True)
class Finding:
    """A clause (or structural feature) of a license that bears on the use."""

    ref: str
    text: str
    start: int
    end: int
    kind: str  # "category" or "feature"
    id: str
    level: str  # RESTRICTED or NEEDS_REVIEW
    reason: str


@dataclass(frozen=True)
class LicenseVerdict:
    """One license's answer: verdict, findings and reasoning."""

    name: str
    verdict: str
    findings: tuple[Finding, ...]
    reasoning: tuple[str, ...]


@dataclass(frozen=True)
class UseCheckResult:
    """The use check over several licenses."""

    profile: UseProfile
    licenses: tuple[LicenseVerdict, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def restricted(self) -> bool:
        """True when any license restricts the use or needs review for it."""
        return any(v.verdict != NO_RESTRICTION for v in self.licenses)

    def to_dict(self) -> dict[str, Any]:
        p = self.profile
        return {
            "use": p.use,
            "understood": {
                "categories": [
                    {"id": m.category, "strength": m.strength, "cue": m.cue} for m in p.matches
                ],
                "commercial": p.commercial,
                "research": p.research,
                "users": p.users,
                "revenue": p.revenue,
            },
            "licenses": [
                {
                    "name": v.name,
                    "verdict": v.verdict,
                    "findings": [f.__dict__.copy() for f in v.findings],
                    "reasoning": list(v.reasoning),
                }
                for v in self.licenses
            ],
            "notes": list(self.notes),
        }


LicenseInput = "str | Analysis | tuple[str, str | Analysis]"
Resolver = Callable[[str], "tuple[str, str] | None"]


def _as_analysis(item: Any, index: int, resolve: Resolver | None) -> tuple[str, Analysis]:
    from railkit.licensing.analyze import Analysis, analyze

    name = f"license {index}"
    if isinstance(item, tuple):
        name, item = item
    if isinstance(item, Analysis):
        return name, item
    if not isinstance(item, str) or not item.strip():
        raise InputError(f"{name}: empty license")
    if resolve is not None and len(item) < 200 and not any(c.isspace() for c in item):
        resolved = resolve(item)
        if resolved is not None:
            return resolved[0], analyze(resolved[1])
    return name, analyze(item)


def _threshold(text: str, pattern: re.Pattern[str]) -> float | None:
    m = pattern.search(text)
    if m is None:
        return None
    groups = m.groups()
    number = next((g for g in groups[::2] if g), None)
    unit = next((g for g in groups[1::2] if g), None)
    return amount(number, unit) if number else None


def _feature_findings(analysis: Analysis, profile: UseProfile) -> list[Finding]:
    out = []
    for f in analysis.features:
        if f.id == "non-commercial" and profile.commercial:
            level = NEEDS_REVIEW if profile.research else RESTRICTED
            reason = "the license limits use to non-commercial or research purposes"
        elif f.id == "user-threshold" and (profile.users or profile.revenue):
            limit_users, limit_money = (
                _threshold(f.text, USERS_PATTERN),
                _threshold(f.text, MONEY_PATTERN),
            )
            if profile.users and limit_users:
                if profile.users <= limit_users:
                    continue
                level, reason = RESTRICTED, f"above the threshold of {limit_users:,.0f} users"
            elif profile.revenue and limit_money:
                if profile.revenue <= limit_money:
                    continue
                level, reason = RESTRICTED, f"above the threshold of {limit_money:,.0f}"
            else:
                level, reason = NEEDS_REVIEW, "the license sets a usage threshold"
            reason += "; a separate license is required"
        else:
            continue
        out.append(Finding(f.ref, f.text, f.start, f.end, "feature", f.id, level, reason))
    return out


def _fields(text: str) -> set[str]:
    low = text.lower()
    return {f for f, stems in _ADVICE_FIELDS.items() if any(s in low for s in stems)}


def _other_field(category: str, clause: str, use: str) -> bool:
    """True when a regulated-advice clause names only fields the use is not in."""
    if category != "regulated-advice":
        return False
    in_clause, in_use = _fields(clause), _fields(use)
    return bool(in_clause and in_use and not in_clause & in_use)


def _verdict(name: str, analysis: Analysis, profile: UseProfile) -> LicenseVerdict:
    findings: list[Finding] = []
    for item in analysis.clauses:
        for cat in item.categories:
            strength = profile.strength(cat)
            if strength is None or _other_field(cat, item.clause.text, profile.use):
                continue
            qualified = QUALIFIED.search(item.clause.text)
            compound = [c for c in item.categories if profile.strength(c) is None]
            if strength == "direct" and compound:
                level = NEEDS_REVIEW
                reason = (
                    f"the clause restricts {cat} together with {', '.join(compound)}; "
                    "check whether the use falls under both"
                )
            elif strength == "direct" and not qualified:
                level, reason = RESTRICTED, f"the clause restricts {cat}, which the use is"
            elif strength == "direct":
                level = NEEDS_REVIEW
                reason = (
                    f"the clause restricts {cat} only where a condition holds "
                    f"(“{qualified.group(0) if qualified else ''}…”); "
                    "check whether the use meets it"
                )
            else:
                level = NEEDS_REVIEW
                reason = f"the use touches {cat}; the clause may apply depending on how it is done"
            c = item.clause
            findings.append(Finding(c.ref, c.text, c.start, c.end, "category", cat, level, reason))
    findings.extend(_feature_findings(analysis, profile))
    verdict = max((f.level for f in findings), key=_RANK.__getitem__, default=NO_RESTRICTION)
    reasoning = [f"{f.ref}: {f.reason}" for f in findings]
    if not findings:
        reasoning.append("no clause railkit recognised restricts the categories of this use")
    return LicenseVerdict(name, verdict, tuple(findings), tuple(reasoning))


def registry_text(spec: str, *, strict: bool = False) -> tuple[str, str] | None:
    """``(registry id, text)`` for a registry license id, or None when ``spec`` is not one
    (with ``strict``, an unknown id raises :class:`UnknownIdError` with suggestions).

    The text comes from ScanCode's installed license data (the repository holds no license
    texts); a known id without an available text raises :class:`InputError`.
    """
    import importlib.util

    from railkit.errors import UnknownIdError
    from railkit.kb.catalog import load_catalog
    from railkit.licensing.registry import resolve

    try:
        doc = resolve(load_catalog(), spec)
    except UnknownIdError:
        if strict:
            raise
        return None
    keys = [doc.identifiers.scancode, doc.text.key if doc.text.origin == "scancode" else None]
    found = importlib.util.find_spec("licensedcode")
    if found is not None and found.submodule_search_locations:
        folder = next(iter(found.submodule_search_locations))
        for key in [k for k in keys if k] + [doc.id]:
            try:
                with open(f"{folder}/data/licenses/{key}.LICENSE", encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if text.startswith("---"):
                text = text.split("---", 2)[-1]
            if text.strip():
                return doc.id, text
    raise InputError(
        f"{spec}: railkit knows this license ({doc.id}) but has no copy of its text here; "
        "pass the license file instead"
    )


def check_use(
    licenses: Sequence[Any], use: str, *, resolve: Resolver | None = None
) -> UseCheckResult:
    """Check an intended ``use`` against each license.

    A license is a text, an :class:`~railkit.licensing.analyze.Analysis`, or a ``(name,
    text-or-analysis)`` pair; ``resolve`` turns a short id-like string into ``(name, text)``
    (e.g. a registry lookup) and returns None when it does not know it.
    """
    if not use or not use.strip():
        raise InputError("the use description is empty")
    if not licenses:
        raise InputError("no license to check")
    profile = describe_use(use.strip())
    verdicts = tuple(
        _verdict(*_as_analysis(item, i, resolve), profile)
        for i, item in enumerate(licenses, start=1)
    )
    notes = []
    if profile.protective:
        notes.append(
            "the use works against the harms it names (detection, moderation, research...); "
            "restrictions on those harms rarely target such uses, so matches are only 'related'"
        )
    if not profile.matches and not profile.commercial:
        notes.append(
            "railkit recognised no restricted category in the use description; "
            "'no-restriction-found' then only means that no clause was matched"
        )
    return UseCheckResult(profile, verdicts, tuple(notes))
