"""Sentences and inline enumerations inside one block of license text.

Both work on spans of a larger string so that every piece keeps its offsets. A sentence ends
at ``.``, ``!`` or ``?`` followed by space and a capital, a digit or an opening quote, unless
the word before the stop is a known abbreviation ("e.g.", "Inc.", "U.S."). An inline
enumeration is a run of consecutive markers ``(a) ... ; (b) ... ; and (c)`` (or ``(i)``,
``(A)``, ``(1)``) where every marker after the first follows a ``;``, ``,``, ``:`` or ``.``,
so cross-references such as "Section 2(a) and (b)" are not mistaken for lists.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"”’')\]]*[ \t\r\n]+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "art",
        "arts",
        "sec",
        "secs",
        "vs",
        "v",
        "cf",
        "u.s",
        "u.k",
        "mr",
        "ms",
        "mrs",
        "dr",
        "st",
        "jr",
        "sr",
        "para",
        "paras",
        "fig",
        "approx",
        "incl",
        "viz",
        "al",
        "llc",
        "plc",
        "gmbh",
        "s.a",
        "b.v",
        "pp",
        "p",
        "ch",
        "cl",
        "subsec",
    ]
)
_INLINE = re.compile(r"\((?P<t>[a-zA-Z]|[ivxIVX]{2,5}|\d{1,2})\)(?=[ \t\r\n])")
_BARE = re.compile(r"(?P<t>[a-z]|\d{1,2})\.(?=[ \t]+[A-Z\"“(])")
_MAX_CANDIDATES = 300
_MAX_STARTS = 20
_MAX_ITEM = 1500  # an inline item longer than this is not an item of the same list
_MAX_SECTION = 6000  # the same for run-in sections ("b. Use Restrictions. ...")
_CONNECTORS = ("and/or", "and", "or")


def _word_before(text: str, at: int, floor: int) -> str:
    i = at
    while i > floor and at - i < 12 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:at].lower().rstrip(".")


def _quoted_number(text: str, at: int, floor: int) -> bool:
    """A stop right after a number that opens a quotation or parenthesis (“3. Title”)."""
    i = at
    while i > floor and at - i < 4 and text[i - 1].isdigit():
        i -= 1
    return i < at and i > floor and text[i - 1] in "“\"‘('"


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (stops included, surrounding space excluded)."""
    out: list[tuple[int, int]] = []
    begin = start
    for m in _END.finditer(text, start, end):
        if text[m.start()] == "." and (
            _word_before(text, m.start(), begin) in _ABBREVIATIONS
            or _quoted_number(text, m.start(), begin)
        ):
            continue
        stop = m.start() + len(m.group().rstrip())
        out.append((begin, stop))
        begin = m.end()
    if begin < end:
        out.append((begin, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _roman(n: int) -> str:
    pairs = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, sym in pairs:
        while n >= value:
            out += sym
            n -= value
    return out


def _successor(first: str, index: int) -> str:
    """The ``index``-th token (0-based) of the sequence that starts with ``first``."""
    if first.isdigit():
        return str(int(first) + index)
    if first in ("i", "I"):
        token = _roman(index + 1)
        return token.upper() if first == "I" else token
    return chr(ord(first) + index) if index < 26 else ""


def _separated(text: str, floor: int, at: int, *, strict: bool = False) -> bool:
    before = text[max(floor, at - 24) : at].rstrip()
    if strict:  # a run-in marker follows the end of a sentence or a lead-in
        return (bool(before) and before[-1] in ".;:") or (not before and at == floor)
    low = before.lower()
    for word in _CONNECTORS:
        if low.endswith(word) and (len(low) == len(word) or not low[-len(word) - 1].isalnum()):
            before = before[: -len(word)].rstrip()
            break
    return bool(before) and before[-1] in ";,:."


def _trim(text: str, s: int, e: int) -> int:
    piece = text[s:e].rstrip()
    low = piece.lower()
    for word in _CONNECTORS:
        if low.endswith(word) and len(low) > len(word) and not low[-len(word) - 1].isalnum():
            piece = piece[: -len(word)].rstrip()
            break
    piece = piece.rstrip(";,").rstrip()
    return s + len(piece)


def _chain(
    text: str, marks: list[tuple[int, int, str]], strict: bool
) -> list[tuple[int, int, str]]:
    """The longest run of consecutive markers, each after the right punctuation."""
    best: list[tuple[int, int, str]] = []
    starts = 0
    for i, first in enumerate(marks):
        if first[2] not in ("a", "A", "i", "I", "1"):
            continue
        if strict and not _separated(text, max(first[0] - 24, 0), first[0], strict=True):
            continue
        starts += 1
        if starts > _MAX_STARTS:
            break
        chain = [first]
        for cand in marks[i + 1 :]:
            if cand[0] - chain[-1][1] > (_MAX_SECTION if strict else _MAX_ITEM):
                break
            if cand[2] == _successor(first[2], len(chain)) and _separated(
                text, chain[-1][1], cand[0], strict=strict
            ):
                chain.append(cand)
        if len(chain) > len(best):
            best = chain
    return best if len(best) >= 2 else []


def _marks(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    marks: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text, start, end):
        if m.start() > start and not text[m.start() - 1].isspace():
            continue
        marks.append((m.start(), m.end(), m.group("t")))
        if len(marks) >= _MAX_CANDIDATES:
            break
    return marks


def inline_items(text: str, start: int, end: int) -> tuple[int, list[tuple[str, bool, int, int]]]:
    """Split ``text[start:end]`` at an inline enumeration.

    Returns the end of the lead-in and the items as ``(label, bare, start, end)``: ``bare``
    for run-in markers such as ``b. Use Restrictions.`` (a section run into one paragraph),
    otherwise ``(b)``. The enumeration that starts first wins (the outer one); with none the
    lead-in is the whole span and the list is empty.
    """
    chains = [
        (chain, bare)
        for chain, bare in (
            (_chain(text, _marks(_INLINE, text, start, end), strict=False), False),
            (_chain(text, _marks(_BARE, text, start, end), strict=True), True),
        )
        if chain
    ]
    if not chains:
        return end, []
    best, bare = min(chains, key=lambda pair: pair[0][0][0])
    items = []
    for k, (_, mark_end, token) in enumerate(best):
        stop = best[k + 1][0] if k + 1 < len(best) else end
        begin = mark_end
        while begin < stop and text[begin].isspace():
            begin += 1
        items.append((token, bare, begin, _trim(text, begin, stop)))
    return best[0][0], items
