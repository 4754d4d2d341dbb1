"""Structural license features (flow-down, attribution, thresholds...) found in clauses.

Each of the 11 feature ids of the taxonomy has a few precise patterns, written from how
licenses phrase the obligation in general (not from any one license): a pattern is a tuple of
short regular expressions that must all match the same clause, which keeps every expression
small and linear. A feature is also found, more weakly, where one clause holds two or more of
the cue phrases of the feature's knowledge-base record (``usual_wording``). Every finding
names the clause that evidences it and the cue that matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from railkit.licensing.segment import Clause

FEATURE_IDS: tuple[str, ...] = (
    "use-restrictions-flowdown",
    "aup-incorporated",
    "remote-restriction",
    "non-commercial",
    "user-threshold",
    "attribution-notice",
    "naming-requirement",
    "output-terms",
    "territorial-restriction",
    "litigation-termination",
    "modification-notice",
)

_MAX_CLAUSE = 4000  # characters of a clause that feature patterns look at

_G = r"[^.;]{0,80}"  # a short gap inside one sentence
_OUT = r"\boutputs?\b"
_RAW_PATTERNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "use-restrictions-flowdown": (
        (rf"\brestrictions?\b{_G}\b(must|shall) be included\b",),
        (r"\bas an enforceable provision\b",),
        (r"\bdoes not contradict the (use[- ]based )?restrictions\b",),
        (r"\b(at least as|equally) (restrictive|protective)\b",),
        (r"\bgive notice to subsequent (users|licensees|recipients)\b",),
        (
            rf"\b(include|incorporate|impose|pass on|flow down|carry|bind)\w*{_G}"
            r"\b(use[- ]based|use|usage|these|the same|such|those) restrictions\b",
            r"\b(licen[cs]e|agreement|terms|recipients?|users?|licensees?|downstream|derivatives?"
            r"|distribut\w*)",
        ),
        (rf"\b(downstream|subsequent) (users?|recipients?|licensees?)\b{_G}\brestrictions\b",),
        (rf"\brequire (all )?(of )?your (users|customers|end users|licensees)\b{_G}\bcomply\b",),
    ),
    "aup-incorporated": (
        (r"\b(acceptable|prohibited|responsible)[ -]use polic(y|ies)\b", r"\bincorporated\b"),
        (
            r"\b(comply with|adhere to|abide by|subject to|in accordance with)\b[^.;]{0,60}"
            r"\b(acceptable|prohibited|responsible)[ -]use polic(y|ies)",
        ),
        (rf"\b(usage|use) polic(y|ies)\b{_G}\b(available at|located at|found at)\b",),
    ),
    "remote-restriction": (
        (r"\brestrict \(?remotely\b",),
        (r"\bremotely\b[^.;]{0,40}\b(restrict|disable|limit|deactivate|suspend)",),
        (r"\b(restrict|disable|limit|deactivate|suspend)\w*\b[^.;]{0,60}\bremotely\b",),
        (r"\bupdate the (model|software|materials)\b[^.;]{0,30}\belectronic means\b",),
        (r"\bto (use|run|deploy)\b[^.;]{0,30}\bthe latest version\b",),
        (r"\b(use|run|deploy)s? (only )?the latest version\b",),
        (r"\bdisabling instructions\b",),
        (r"\bdisable (any|the|all) (contribution|model|software|materials)",),
        (
            r"\b(reserves? the right|may at any time)\b[^.;]{0,40}"
            r"\b(restrict|suspend|limit|disable)\w*\b[^.;]{0,30}\b(use|usage|access)\b",
        ),
    ),
    "non-commercial": (
        (r"\bnon[- ]?commercial (purposes?|use|uses|research)\b",),
        (
            r"\bresearch (and|or|and/or) (evaluation|non[- ]?commercial|academic) "
            r"(purposes )?only\b",
        ),
        (r"\bresearch purposes only\b",),
        (
            r"\b(academic|research|non-?profit|evaluation|personal)\b[^.;]{0,40}"
            r"\b(use|uses|purposes?) only\b",
        ),
        (r"\bnot (be used )?for (any )?commercial (use|purposes?)\b",),
        (r"\bno commercial use\b",),
        (r"\bcommercial use (is|are) (not permitted|prohibited|not allowed|not licensed)\b",),
        (r"\b(may|shall|must) not\b[^.;]{0,60}\b(for|in) (any )?commercial (purposes?|use)\b",),
        (r"\bcommercially using\b[^.;]{0,40}\b(shall|must) (request|obtain) a licen[cs]e\b",),
    ),
    "user-threshold": (
        (r"\b(monthly|daily|weekly) active users\b",),
        (
            r"\b(more than|greater than|exceed\w*|in excess of)\b[^.;]{0,40}"
            r"\b\d[\d,.]*\s*(million|billion|thousand)?\s*(monthly |daily )?(users|end users)\b",
        ),
        (
            rf"\bannual (gross )?(revenue|turnover)\b{_G}"
            r"\b(exceed\w*|more than|greater than|above)\b",
        ),
        (
            r"\b(exceed\w*|more than|greater than)\b[^.;]{0,40}"
            r"\bannual (gross )?(revenue|turnover)\b",
        ),
    ),
    "attribution-notice": (
        (
            rf"\b(give|provide|include|deliver|accompan\w*|distribute)\b{_G}"
            r"\bcop(y|ies) of (this|the) (licen[cs]e|agreement)\b",
        ),
        (rf"\bretain\b{_G}\b(attribution|copyright)\b[^.;]{{0,40}}\bnotices?\b",),
        (r"\battribution notices?\b",),
        (rf"\binclude\b[^.;]{{0,40}}\b(text|uri|copy)\b{_G}\bthis (public )?licen[cs]e\b",),
        (r"\bnotices?\b[^.;]{0,60}\b(shall|must) be (included|retained|reproduced)\b",),
        (r"\b(display|include|state|show)\w*\b[^.;]{0,40}[\"']?built with\b",),
        (
            r"\b(must|shall) (include|reproduce|retain)\b[^.;]{0,60}"
            r"\b(notices?|attribution|credit)\b",
        ),
        (r"\b(give|provide)\b[^.;]{0,30}\b(appropriate )?(credit|attribution)\b",),
    ),
    "naming-requirement": (
        (r"\bmodel name\b",),
        (r"\bat the beginning of\b[^.;]{0,30}\bname\b",),
        (r"\b(include|prefix|add)\w*\b[^.;]{0,40}\bin the name of\b",),
        (r"\b(must|shall|may) not\b[^.;]{0,40}\b(be named|be called|use the name)\b",),
        (r"\b(must|shall)\b[^.;]{0,30}\b(be named|be called)\b",),
    ),
    "output-terms": (
        (rf"\bclaims? no (rights?|ownership)\b[^.;]{{0,30}}{_OUT}",),
        (rf"\b(own|owns|ownership of|rights? in|title to)\b[^.;]{{0,40}}{_OUT}",),
        (
            rf"{_OUT}[^.;]{{0,120}}\b(improve|train|develop)\w*\b{_G}\bother\b[^.;]{{0,40}}\bmodels?\b",
        ),
        (rf"{_OUT}[^.;]{{0,40}}\bhuman[- ]generated\b",),
        (rf"{_OUT}[^.;]{{0,120}}\b(train|improve|develop)\w*\b[^.;]{{0,30}}\b(competing|rival)\b",),
        (rf"\baccountable for the {_OUT}",),
        (rf"\bno use of the {_OUT}",),
        (rf"{_OUT}[^.;]{{0,80}}\b(as is|without warrant)",),
        (
            rf"\b(use|using) (of )?(the |any |such )?{_OUT}{_G}"
            r"\b(contravene|must not|may not|shall not|prohibited|restricted)\b",
        ),
    ),
    "territorial-restriction": (
        (
            r"\b(not (being )?granted|not licensed|not permitted|not available|no rights?)\b"
            r"[^.]{0,120}"
            r"\b(domiciled|resident|located|based|principal place of business)\b",
        ),
        (
            r"\b(domiciled|resident|located) in\b[^.]{0,120}"
            r"\b(not (being )?granted|not permitted|may not use|prohibited)\b",
        ),
        (rf"\bterritor(y|ies)\b{_G}\b(excluded|not (granted|licensed|permitted)|prohibited)\b",),
    ),
    "litigation-termination": (
        (
            r"\b(institute|commence|bring|file|initiate|assert)\w*\b[^.;]{0,120}"
            r"\b(litigation|lawsuit|proceedings?|legal action)\b",
            r"\bterminat\w*",
        ),
        (r"\b(sue|sues|suing)\b", r"\b(terminat\w*|(rights?|licen[cs]es?) (will )?(end|cease))"),
    ),
    "modification-notice": (
        (rf"\bmodified files\b{_G}\bnotices?\b",),
        (r"\bstating that you (have )?(changed|modified)\b",),
        (r"\bindicate (if|that|whether) you (have )?(modified|changed)\b",),
        (r"\bdocument\w*\b[^.;]{0,30}\bthe changes\b",),
        (
            rf"\b(state|indicate|mark|note|say)s?\b{_G}\b(it|they|the (work|model|files?)) "
            r"(was|were|has been|have been) (changed|modified)\b",
        ),
        (r"\bprominent notices?\b[^.;]{0,60}\b(changed|modified)\b",),
    ),
}
_GATES: dict[str, tuple[str, ...]] = {
    # words one of which every pattern of the feature needs: a cheap test before the regexes
    "use-restrictions-flowdown": (
        "restriction",
        "enforceable",
        "protective",
        "subsequent",
        "comply",
    ),
    "aup-incorporated": ("polic",),
    "remote-restriction": (
        "remote",
        "latest version",
        "electronic means",
        "disabl",
        "reserve",
        "at any time",
    ),
    "non-commercial": ("commercial", "research", " only"),
    "user-threshold": ("user", "revenue", "turnover"),
    "attribution-notice": ("cop", "notice", "built with", "attribution", "credit"),
    "naming-requirement": ("name", "call"),
    "output-terms": ("output",),
    "territorial-restriction": ("domicil", "resident", "principal place", "territor", "located"),
    "litigation-termination": ("terminat", "sue"),
    "modification-notice": ("modif", "change"),
}
_GUARDS: dict[str, re.Pattern[str]] = {
    "non-commercial": re.compile(
        r"\bcommercial (or|and|and/or) non[- ]?commercial\b|\bnon[- ]?commercial (or|and|and/or) "
        r"commercial\b|\bactive users\b"
    ),
    "attribution-notice": re.compile(r"\b(is|are) permitted to\b"),
}
_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], ...], ...]] = {
    fid: tuple(tuple(re.compile(p) for p in group) for group in groups)
    for fid, groups in _RAW_PATTERNS.items()
}
_ANY_FIRST: dict[str, re.Pattern[str]] = {
    # one search tells whether any pattern of the feature can match at all
    fid: re.compile("|".join(f"(?:{group[0]})" for group in groups))
    for fid, groups in _RAW_PATTERNS.items()
}
_DEFINITION = re.compile(r"[\"']?[\w][\w ./&-]{0,60}[\"']?(\s*\([^)]{0,80}\))? (shall )?means?\b")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass(frozen=True)
class FeatureFinding:
    """A structural feature and the clause that evidences it.

    ``clause`` is the index of the evidencing clause in the segmented document; ``cue`` is
    the wording that matched; ``strength`` is "pattern" (a precise pattern) or "cues" (two or
    more cue phrases of the feature record).
    """

    id: str
    clause: int
    ref: str
    text: str
    start: int
    end: int
    cue: str
    strength: str


def _flat(text: str) -> str:
    return " ".join(text[:_MAX_CLAUSE].translate(_QUOTES).lower().split())


@lru_cache(maxsize=1)
def record_cues() -> dict[str, tuple[str, ...]]:
    """Cue phrases (``usual_wording``) of each feature record, read straight from the data."""
    import yaml

    cues: dict[str, tuple[str, ...]] = {}
    try:
        folder = resources.files("railkit").joinpath("data/features")
        files = [f for f in folder.iterdir() if f.name.endswith(".yaml")]
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        return cues
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for file in files:
        try:
            data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("id") in _PATTERNS:
            wording = data.get("usual_wording") or ()
            cues[str(data["id"])] = tuple(
                _flat(str(w)) for w in wording if len(str(w).split()) >= 2
            )
    return cues


def _pattern_hits(fid: str, flat: str) -> tuple[str, int]:
    """The first matching wording and how many of the feature's patterns match."""
    if not any(word in flat for word in _GATES[fid]):
        return "", 0
    if _ANY_FIRST[fid].search(flat) is None:
        return "", 0
    guard = _GUARDS.get(fid)
    if guard is not None and guard.search(flat):
        return "", 0
    cue, count = "", 0
    for group in _PATTERNS[fid]:
        first = group[0].search(flat)
        if first is not None and all(p.search(flat) for p in group[1:]):
            cue = cue or first.group()
            count += 1
    return cue, count


def detect_features(clauses: Sequence[Clause]) -> list[FeatureFinding]:
    """The features present in ``clauses``, each with its strongest, then first, evidence.

    Strongest: a pattern in an operative clause, before a pattern in a definition, before
    cue phrases; among patterns, a clause matching clearly more of the feature's patterns.
    """
    cues = record_cues()
    best: dict[str, tuple[tuple[int, int], FeatureFinding]] = {}
    for index, clause in enumerate(clauses):
        flat = _flat(clause.text)
        # a list item is read with its lead-in ("You must: ... a copyright notice;")
        joined = _flat(f"{clause.context} {clause.text}") if clause.context else ""
        definition = _DEFINITION.match(flat) is not None
        for fid in FEATURE_IDS:
            held = best.get(fid)
            cue, count = _pattern_hits(fid, flat)
            if not count and joined and (held is None or held[0][0] > 0):
                cue, count = _pattern_hits(fid, joined)
            if count:
                # a clause must match two more patterns to displace an earlier one
                rank = (1 if definition else 0, -((count - 1) // 2))
                if held is None or rank < held[0]:
                    best[fid] = (rank, _finding(fid, index, clause, cue, "pattern"))
                continue
            if held is not None:
                continue
            found = [c for c in cues.get(fid, ()) if c in flat]
            if len(found) >= 2:
                best[fid] = ((2, 0), _finding(fid, index, clause, "; ".join(found[:3]), "cues"))
    return sorted((f for _, f in best.values()), key=lambda f: (f.clause, FEATURE_IDS.index(f.id)))


def _finding(fid: str, index: int, clause: Clause, cue: str, strength: str) -> FeatureFinding:
    return FeatureFinding(
        fid, index, clause.ref, clause.text, clause.start, clause.end, cue, strength
    )
