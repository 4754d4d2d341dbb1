"""The clause classifier's cue lexicon: recognising phrases per category, compiled once.

Cues live as data in ``railkit/data/classifier/cues.yaml`` (the project's own short phrases,
written against the category scopes of the taxonomy), merged with the ``recognition`` phrases
of the category records in ``railkit/data/categories/``. A small phrase syntax (documented at
the top of the YAML file) is compiled into regular expressions whose only repetitions are
bounded runs over disjoint character classes, so matching stays linear in the input length.

All categories share one compiled :class:`Lexicon`, built lazily on first use and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

SEP = r"(?:[^\w;.!?]{1,4}|\.(?=\w)|\.[^\S\n]{1,2}(?=(?-i:[a-z])))"
"""Between two words: a few spaces or punctuation marks, never a sentence or item break; a full
stop only inside an abbreviation ("U.S. export laws", "e.g. weapons")."""

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "or",
        "and",
        "of",
        "to",
        "from",
        "for",
        "in",
        "on",
        "by",
        "with",
        "their",
        "its",
        "any",
        "all",
        "such",
        "as",
        "that",
        "which",
        "who",
        "whom",
        "this",
        "these",
        "those",
        "into",
    ]
)
_GAP = re.compile(r"^\.\.(\d{1,2})$")


@dataclass(frozen=True)
class Cue:
    """One recognising phrase of a category, compiled on first use."""

    category: str
    phrase: str
    weight: float
    unless: tuple[str, ...]
    group: str
    source: str = ""
    keys: frozenset[str] = frozenset()
    curated: bool = True
    """False for a phrase taken from a category record (it defers to curated cues)."""
    last_keys: frozenset[str] = frozenset()
    """Word starts of the phrase's last required word (a text must contain one, too)."""

    @property
    def pattern(self) -> re.Pattern[str]:
        found = _COMPILED.get(self.source)
        if found is None:
            found = _COMPILED[self.source] = re.compile(self.source, re.IGNORECASE)
        return found


_COMPILED: dict[str, re.Pattern[str]] = {}


@dataclass(frozen=True)
class CategoryCues:
    """The compiled cues and blockers of one category."""

    category: str
    blockers: re.Pattern[str] | None
    cues: dict[str, Cue]
    keys: frozenset[str]
    """Word starts (up to 4 letters) one of which a text must contain for a cue to match."""


@dataclass(frozen=True)
class Lexicon:
    """Every category's cues, in taxonomy order."""

    categories: tuple[CategoryCues, ...]
    ids: tuple[str, ...] = ()
    index: dict[str, tuple[Cue, ...]] = field(default_factory=dict)
    """Word start -> the cues whose first required word starts so."""

    def candidates(self, keys: set[str]) -> dict[str, list[Cue]]:
        """The cues, by category, that can match a text with these word starts."""
        found: dict[str, dict[str, Cue]] = {}
        for key in keys:
            for cue in self.index.get(key, ()):
                if cue.last_keys and keys.isdisjoint(cue.last_keys):
                    continue
                found.setdefault(cue.category, {})[cue.group] = cue
        order = {cat: i for i, cat in enumerate(self.ids)}
        return {
            cat: sorted(found[cat].values(), key=lambda c: int(c.group[1:]))
            for cat in sorted(found, key=order.__getitem__)
        }


def _word(word: str) -> str:
    """One word of the phrase syntax (``_`` joins several) as a regular expression."""
    if "_" in word:
        return r"\s+".join(_word(part) for part in word.split("_") if part)
    star = word.endswith("*")
    short = word.endswith("+")
    inflected = word.endswith("~")
    word = word.rstrip("*+~")
    parts = []
    for ch in word:
        if ch == "-":
            parts.append(r"[\s\-]?")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    if inflected:
        return "".join(parts) + "(?:s|es|e|ed|d|ing|ly)?"
    if star or short:
        return "".join(parts) + (r"\w*" if star else r"\w{0,3}")
    return _number(word, "".join(parts))


_NOT_PLURAL = frozenset((
    "news", "series", "species", "always", "nowadays", "bus", "gas", "yes", "this", "its",
    "his", "has", "was", "does", "less", "across", "whereas", "thus", "plus", "status",
    "analysis", "process", "access", "address", "business", "harass", "means", "sometimes",
    "bias", "canvas", "lens", "alias", "atlas", "chaos", "ethos", "virus", "census", "campus",
    "bonus", "consensus",
))  # fmt: skip


def _number(word: str, body: str) -> str:
    """A plain word of a cue also matches its other grammatical number ("worm" and "worms",
    "policy" and "policies"), a light lemmatisation that keeps the match at word bounds."""
    if len(word) < 4 or not word.isalpha() or word.lower() in _NOT_PLURAL:
        return body
    low = word.lower()
    if low.endswith("ies"):
        return body[:-3] + "(?:ies|y)"
    if low.endswith(("ss", "us", "is")):
        return body + "(?:es)?"
    if low.endswith("s"):
        return body[:-1] + "s?"
    if low.endswith("y") and low[-2] not in "aeiou":
        return body[:-1] + "(?:y|ies)"
    if low.endswith(("sh", "ch", "x", "z")):
        return body + "(?:es)?"
    return body + "s?"


def _token(token: str) -> str:
    if token.startswith("(") and token.endswith(")"):
        alts = token[1:-1].split("|")
        return "(?:" + "|".join(_word(a) for a in alts if a) + ")"
    return _word(token)


def compile_phrase(phrase: str) -> str:
    """Translate one cue of the phrase syntax into a regular expression."""
    pieces: list[str] = []
    need_sep = False
    gap = 0
    for raw in phrase.split():
        gap_match = _GAP.match(raw)
        if gap_match:
            gap = int(gap_match.group(1))
            continue
        optional = False
        if raw.startswith("[") and raw.endswith("]"):
            raw, optional = raw[1:-1], True
        elif raw.endswith("?") and len(raw) > 1:
            raw, optional = raw[:-1], True
        body = _token(raw)
        lead = ""
        if need_sep:
            lead = SEP + (rf"(?:\w+{SEP}){{0,{gap}}}?" if gap else "")
        gap = 0
        if optional and need_sep:
            pieces.append(f"(?:{lead}{body})?")
        elif optional:
            pieces.append(f"(?:{body}{SEP})?")
        else:
            pieces.append(lead + body)
            need_sep = True
    return r"(?<!\w)" + "".join(pieces) + r"(?!\w)"


KEY_LEN = 4


def _word_key(core: str, wild: bool) -> str:
    """The index key of a word: its first letters, or ``=word`` for a short exact word."""
    if len(core) >= KEY_LEN:
        return core[:KEY_LEN]
    return core if wild else "=" + core


def _stem_keys(token: str, last: bool = False) -> set[str]:
    body = token.strip("[]")
    if body.endswith("?"):
        body = body[:-1]
    alts = body[1:-1].split("|") if body.startswith("(") and body.endswith(")") else [body]
    keys = set()
    for alt in alts:
        words = alt.lower().split("_")
        first = words[-1] if last else words[0]
        wild = first.endswith(("*", "+", "~"))
        pieces = re.split(r"[\-'’]", first.rstrip("*+~"))
        if len(pieces) > 1:  # "de-anonymi*": the text has "de" alone or "deanonymize"
            keys.add(_word_key(pieces[-1] if last else pieces[0], wild if last else False))
            keys.add(_word_key("".join(pieces), wild))
        else:
            keys.add(_word_key(pieces[0], wild))
    return keys


def phrase_keys(phrase: str, *, last: bool = False) -> set[str]:
    """Word starts that any match of ``phrase`` must contain (from its first required word,
    or with ``last`` from its last one)."""
    keys: set[str] = set()
    tokens = phrase.split()
    for raw in reversed(tokens) if last else tokens:
        if _GAP.match(raw):
            continue
        keys |= _stem_keys(raw, last)
        optional = (raw.startswith("[") and raw.endswith("]")) or (
            raw.endswith("?") and len(raw) > 1
        )
        if not optional:
            break
    return keys


def text_keys(text: str) -> set[str]:
    """Every start (1 to 4 letters) of every word of ``text``, lower-cased, and ``=word`` for
    every word shorter than four letters."""
    keys: set[str] = set()
    for word in set(re.findall(r"\w+", text.lower())):
        keys.update(word[:n] for n in range(1, min(len(word), KEY_LEN) + 1))
        if len(word) < KEY_LEN:
            keys.add("=" + word)
    return keys


def recognition_phrase(phrase: str) -> str:
    """Turn a plain recognising phrase of a category record into the phrase syntax.

    Words match with their common inflections ("track" also matches "tracks", "tracked",
    "tracking"); small function words become short gaps.
    """
    words = re.findall(r"[\w'’-]+", phrase.lower())
    out: list[str] = []
    for w in words:
        if w in _STOPWORDS:
            if out and not out[-1].startswith(".."):
                out.append("..2")
            continue
        stem = w
        for end in ("ing", "ed", "es", "s", "e"):
            if len(stem) - len(end) >= 4 and stem.endswith(end):
                stem = stem[: -len(end)]
                break
        out.append(stem + "~")
    while out and out[-1].startswith(".."):
        out.pop()
    return " ".join(out)


def _entries(raw: Any) -> list[tuple[str, float, tuple[str, ...]]]:
    entries: list[tuple[str, float, tuple[str, ...]]] = []
    for item in raw or []:
        if isinstance(item, str):
            entries.append((item, 1.0, ()))
        elif isinstance(item, dict):
            entries.append(
                (
                    str(item["cue"]),
                    float(item.get("weight", 1.0)),
                    tuple(str(u) for u in item.get("unless") or ()),
                )
            )
    return entries


def _load_yaml(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def _record_recognition() -> dict[str, list[str]]:
    """The ``recognition`` phrases of the packaged category records, by category id."""
    found: dict[str, list[str]] = {}
    folder = resources.files("railkit") / "data" / "categories"
    if not folder.is_dir():
        return found
    pattern = re.compile(r"^recognition:\s*\n((?:[ \t]+-.*\n?)+)", re.MULTILINE)
    for entry in folder.iterdir():
        if not entry.name.endswith(".yaml"):
            continue
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        block = pattern.search(text)
        if not block:
            continue
        try:
            items = _load_yaml(block.group(0)).get("recognition") or []
        except Exception:  # a record being written by someone else: skip it
            continue
        found[entry.name[:-5]] = [str(i) for i in items if isinstance(i, str)]
    return found


def build_lexicon(spec: dict[str, Any], recognition: dict[str, list[str]]) -> Lexicon:
    """Compile a cue specification (the YAML file's mapping) plus records' phrases."""
    categories = []
    counter = 0
    for cat_id, body in (spec.get("categories") or {}).items():
        body = body or {}
        entries = [(*e, True) for e in _entries(body.get("cues"))]
        known = {e[0] for e in entries}
        for phrase in recognition.get(cat_id, []):
            converted = recognition_phrase(phrase)
            if converted and converted not in known:
                entries.append((converted, 1.0, (), False))
        cues: dict[str, Cue] = {}
        keys: set[str] = set()
        for phrase, weight, unless, curated in entries:
            group = f"g{counter}"
            counter += 1
            source = compile_phrase(phrase)
            cue_keys = frozenset(phrase_keys(phrase))
            last_keys = frozenset(phrase_keys(phrase, last=True))
            cues[group] = Cue(
                cat_id, phrase, weight, unless, group, source, cue_keys, curated, last_keys
            )
            keys |= cue_keys
        blockers = [compile_phrase(b) for b in body.get("blockers") or []]
        categories.append(
            CategoryCues(
                category=cat_id,
                blockers=re.compile("|".join(blockers), re.IGNORECASE) if blockers else None,
                cues=cues,
                keys=frozenset(keys),
            )
        )
    index: dict[str, list[Cue]] = {}
    for cats in categories:
        for cue in cats.cues.values():
            for key in cue.keys:
                index.setdefault(key, []).append(cue)
    return Lexicon(
        tuple(categories),
        tuple(c.category for c in categories),
        {k: tuple(v) for k, v in index.items()},
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (cue file plus category records), compiled once."""
    text = (resources.files("railkit") / "data" / "classifier" / "cues.yaml").read_text(
        encoding="utf-8"
    )
    return build_lexicon(_load_yaml(text), _record_recognition())
