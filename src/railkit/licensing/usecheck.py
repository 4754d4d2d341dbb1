"""Use check: does a license restrict an intended use described in plain words?

:func:`describe_use` maps a use description ("screen job applicants' CVs", "a chatbot giving
tax advice", "commercial app with 900 million monthly users") to taxonomy categories, each
``direct`` (the use is the restricted kind of activity) or ``related`` (the use falls in the
category's domain), and to the facts that meet structural features: commercial or research
use, a user count, a revenue figure. The use lexicon is data (``data/classifier/uses.yaml``);
the clause lexicon is matched too, as direct evidence.

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
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from railkit.errors import InputError
from railkit.licensing.cues import compile_phrase, lexicon

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

PROTECTIVE = re.compile(
    r"\b(?:detect\w*|prevent\w*|moderat\w*|filter\w*|flag\w*|block\w*|fight\w*|counter\w*|"
    r"combat\w*|protect\w*|report\w*|defen[cs]\w*|research\w*|stud(?:y|ies|ying)|"
    r"red[\s-]?team\w*|audit\w*|safety\s+test\w*|screen\w*\s+for)\b",
    re.IGNORECASE,
)
"""A use that works against a harm (content moderation, fraud detection) only relates to it."""

_ADVICE_FIELDS = {
    "medical": ("medic", "health", "clinic", "diagnos", "patient", "treatment", "therap", "doctor"),
    "legal": ("legal", "law", "lawyer", "attorney", "contract"),
    "financial": ("financ", "tax", "invest", "account", "credit", "loan", "stock", "trading"),
}
"""Fields of regulated advice: a clause about one field does not restrict advice in another."""

_NEGATED = re.compile(r"\b(?:no|not|without|never|avoid\w*|exclud\w*)\s+(?:\w+\s+)?$", re.I)
_UNIT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9,
         "bn": 1e9, "billion": 1e9}  # fmt: skip
_USERS = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?\s+"
    r"(?:\w+\s+){0,2}?(?:users|mau|customers|subscribers|people|members)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"(?:\$|usd\s*\$?|eur\s*|€|£)\s*(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?"
    r"|(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?\s*(?:usd|dollars|euros?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UseMatch:
    """A category the use description touches, how closely, and the words that say so."""

    category: str
    strength: str  # "direct" or "related"
    cue: str


@dataclass(frozen=True)
class UseProfile:
    """What railkit understood of a use description."""

    use: str
    matches: tuple[UseMatch, ...]
    commercial: bool
    research: bool
    users: float | None
    revenue: float | None
    protective: bool = False
    """The use works against the harms it names (detecting, moderating, red-teaming...)."""

    def strength(self, category: str) -> str | None:
        for m in self.matches:
            if m.category == category:
                return m.strength
        return None


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


@lru_cache(maxsize=1)
def _use_lexicon() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(category or feature, strength, pattern) for every use cue."""
    import yaml

    text = (resources.files("railkit") / "data" / "classifier" / "uses.yaml").read_text(
        encoding="utf-8"
    )
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out = []
    for cat, body in (data.get("categories") or {}).items():
        for strength in ("direct", "related"):
            for phrase in (body or {}).get(strength) or []:
                out.append((cat, strength, re.compile(compile_phrase(phrase), re.I)))
    for feature, phrases in (data.get("features") or {}).items():
        for phrase in phrases or []:
            out.append((f"feature:{feature}", "direct", re.compile(compile_phrase(phrase), re.I)))
    return tuple(out)


def _amount(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * _UNIT.get((unit or "").lower(), 1.0)


def _first_hit(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    for m in pattern.finditer(text):
        if not _NEGATED.search(text, max(0, m.start() - 24), m.start()):
            return m
    return None


def describe_use(use: str) -> UseProfile:
    """Map a plain-words use description to categories and feature facts."""
    found: dict[str, UseMatch] = {}
    flags: dict[str, str] = {}
    for key, strength, pattern in _use_lexicon():
        m = _first_hit(pattern, use)
        if m is None:
            continue
        if key.startswith("feature:"):
            flags.setdefault(key[8:], m.group())
            continue
        old = found.get(key)
        if old is None or (old.strength == "related" and strength == "direct"):
            found[key] = UseMatch(key, strength, m.group())
    for cats in lexicon().categories:
        for cue in cats.cues.values():
            m = _first_hit(cue.pattern, use)
            if m is None:
                continue
            # A multi-word clause cue names an activity ("tax advice"); a single word or a weak
            # cue names a topic ("children"), which only relates the use to the category.
            strength = "direct" if cue.weight >= 1 and len(m.group().split()) > 1 else "related"
            old = found.get(cats.category)
            if old is None or (old.strength == "related" and strength == "direct"):
                found[cats.category] = UseMatch(cats.category, strength, m.group())
            if strength == "direct":
                break
    protective = PROTECTIVE.search(use)
    if protective:
        found = {
            cat: UseMatch(cat, "related", f"{m.cue} ({protective.group(0)})")
            for cat, m in found.items()
        }
    users = _USERS.search(use)
    money = _MONEY.search(use)
    order = {c: i for i, c in enumerate(lexicon().ids)}
    return UseProfile(
        use=use,
        matches=tuple(sorted(found.values(), key=lambda m: order.get(m.category, 99))),
        commercial="commercial" in flags or bool(users),
        research="research" in flags,
        protective=bool(protective),
        users=_amount(users.group(1), users.group(2)) if users else None,
        revenue=_amount(money.group(1) or money.group(3), money.group(2) or money.group(4))
        if money
        else None,
    )


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
    return _amount(number, unit) if number else None


def _feature_findings(analysis: Analysis, profile: UseProfile) -> list[Finding]:
    out = []
    for f in analysis.features:
        if f.id == "non-commercial" and profile.commercial:
            level = NEEDS_REVIEW if profile.research else RESTRICTED
            reason = "the license limits use to non-commercial or research purposes"
        elif f.id == "user-threshold" and (profile.users or profile.revenue):
            limit_users, limit_money = _threshold(f.text, _USERS), _threshold(f.text, _MONEY)
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
