"""Intended uses described in plain words, mapped to the taxonomy.

:func:`describe_use` maps a use description ("screen job applicants' CVs", "a chatbot giving
tax advice", "commercial app with 900 million monthly users") to taxonomy categories, each
``direct`` (the use is the restricted kind of activity) or ``related`` (the use falls in the
category's domain), and to the facts that meet structural features: commercial or research
use, a user count, a revenue figure. The use lexicon is data (``data/classifier/uses.yaml``);
the clause lexicon is matched too. A use that works against a harm ("detect fraud") only
relates to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from railkit.licensing.cues import compile_phrase, lexicon

PROTECTIVE = re.compile(
    r"\b(?:detect\w*|prevent\w*|moderat\w*|filter\w*|flag\w*|block\w*|fight\w*|counter\w*|"
    r"combat\w*|protect\w*|report\w*|defen[cs]\w*|research\w*|stud(?:y|ies|ying)|"
    r"red[\s-]?team\w*|audit\w*|safety\s+test\w*|screen\w*\s+for)\b",
    re.IGNORECASE,
)
"""A use that works against a harm (content moderation, fraud detection) only relates to it."""

_NEGATED = re.compile(r"\b(?:no|not|without|never|avoid\w*|exclud\w*)\s+(?:\w+\s+)?$", re.I)
_UNIT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9,
         "bn": 1e9, "billion": 1e9}  # fmt: skip
USERS_PATTERN = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?\s+"
    r"(?:\w+\s+){0,2}?(?:users|mau|customers|subscribers|people|members)\b",
    re.IGNORECASE,
)
MONEY_PATTERN = re.compile(
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


def amount(number: str, unit: str | None) -> float:
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
    users = USERS_PATTERN.search(use)
    money = MONEY_PATTERN.search(use)
    order = {c: i for i, c in enumerate(lexicon().ids)}
    return UseProfile(
        use=use,
        matches=tuple(sorted(found.values(), key=lambda m: order.get(m.category, 99))),
        commercial="commercial" in flags or bool(users),
        research="research" in flags,
        protective=bool(protective),
        users=amount(users.group(1), users.group(2)) if users else None,
        revenue=amount(money.group(1) or money.group(3), money.group(2) or money.group(4))
        if money
        else None,
    )
