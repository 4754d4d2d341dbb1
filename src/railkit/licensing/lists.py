"""List markers and the numbering stack that turns them into printed locators.

A marker at the start of a line (``1.``, ``5.1``, ``a)``, ``(iii)``, ``Section 4``, ``-``) is
parsed into its candidate readings: a lone ``i`` may be the ninth letter or the roman one,
and only the list around it can tell. :class:`ListStack` places each marker in the hierarchy
(by indentation where the document indents its lists, otherwise by numbering: the next
expected number continues a level, a first number opens a sub-level) and renders the path
the way documents print it: ``1.a.iii``, ``2(d)``, ``Section 5``, ``item 3``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARKER = re.compile(
    r"(?P<bullet>[-*+•·▪◦‣●○■□►➢–—])[^\S\r\n]+"
    r"|\((?P<paren>\d{1,3}|[A-Za-z]|[ivxlcdmIVXLCDM]{2,7})\)[^\S\r\n]*"
    r"|(?P<sect>Section|SECTION|Article|ARTICLE|§)[^\S\r\n]*(?P<sectnum>\d{1,3}(?:\.\d{1,3}){0,3})"
    r"[.:]?[^\S\r\n]+(?:[-–—:][^\S\r\n]+)?"
    r"|(?P<compound>\d{1,3}(?:\.\d{1,3}){1,4})\.?(?:[^\S\r\n]+|(?=[A-Z“\"]))"
    r"|(?P<num>\d{1,3})(?P<numclose>[.)])(?:[^\S\r\n]+|(?=[A-Z“\"]))"
    r"|(?P<letter>[A-Za-z]|[ivxlcdmIVXLCDM]{2,7})(?P<close>[.)])[^\S\r\n]+"
)
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

Key = tuple[str, ...]


def roman_value(token: str) -> int | None:
    """Value of a roman numeral (either case), or None."""
    low = token.lower()
    if not low or _ROMAN.fullmatch(low) is None:
        return None
    total = 0
    for i, ch in enumerate(low):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[low[i + 1]] if i + 1 < len(low) else 0
        total += -v if v < nxt else v
    return total


@dataclass(frozen=True)
class Reading:
    """One way to read a marker: its numbering style, value and printed label."""

    key: Key
    value: int
    label: str


@dataclass(frozen=True)
class Marker:
    """A list marker found at the start of a line; ``body`` is where its text begins."""

    readings: tuple[Reading, ...]
    body: int
    numbered: bool = True
    compound: tuple[int, ...] = ()


def parse_marker(text: str, at: int, end: int) -> Marker | None:
    """The marker starting at ``text[at]`` (the line ends at ``end``), if any."""
    m = _MARKER.match(text, at, end)
    if m is None:
        return None
    body = m.end()
    if m.group("bullet"):
        return Marker((Reading(("bullet", m.group("bullet")), 1, "item"),), body, numbered=False)
    paren = m.group("paren")
    if paren is not None:
        return _letters(paren, ("p",), f"({paren})", body)
    if m.group("sect"):
        parts = tuple(int(p) for p in m.group("sectnum").split("."))
        label = f"{m.group('sect').capitalize()} {m.group('sectnum')}"
        reading = Reading(("sect",), parts[-1], label)
        return Marker((reading,), body, compound=parts if len(parts) > 1 else ())
    compound = m.group("compound")
    if compound is not None:
        parts = tuple(int(p) for p in compound.split("."))
        return Marker((Reading(("dec", "."), parts[-1], compound),), body, compound=parts)
    num = m.group("num")
    if num is not None:
        return Marker((Reading(("dec", m.group("numclose")), int(num), num),), body)
    return _letters(m.group("letter"), (m.group("close"),), m.group("letter"), body)


def _letters(token: str, form: Key, label: str, body: int) -> Marker | None:
    if token.isdigit():
        return Marker((Reading(("pdec",), int(token), label),), body)
    case = "upper" if token.isupper() else "lower"
    readings = []
    if len(token) == 1:
        readings.append(Reading(("alpha", case, *form), ord(token.lower()) - 96, label))
    value = roman_value(token)
    if value is not None:
        readings.append(Reading(("roman", case, *form), value, label))
    return Marker(tuple(readings), body) if readings else None


@dataclass
class Level:
    """One open level of the list hierarchy."""

    key: Key
    value: int
    indent: int
    label: str
    major: int | None = None
    lead: str | None = None
    titled: bool = False

    def expects(self, reading: Reading) -> bool:
        """Whether ``reading`` continues this level (the next number)."""
        if reading.key != self.key:
            return False
        return reading.value == self.value + 1 or (
            self.major is not None and reading.value == self.major + 1
        )


@dataclass
class ListStack:
    """The open list levels, outermost first."""

    levels: list[Level] = field(default_factory=list)
    informative: bool = False  # the document indents nested lists

    def __len__(self) -> int:
        return len(self.levels)

    def top(self) -> Level:
        return self.levels[-1]

    def clear(self) -> None:
        self.levels.clear()

    def truncate(self, depth: int) -> None:
        del self.levels[depth:]

    def path(self) -> str:
        out = ""
        bullet_before = False
        for level in self.levels:
            label = level.label
            if level.key[0] == "bullet":
                if bullet_before:
                    out += f".{level.value}"
                else:
                    label = f"item {level.value}"
                    out = f"{out}, {label}" if out else label
            elif not out or label.startswith("("):
                out += label
            else:
                out += "." + label
            bullet_before = level.key[0] == "bullet"
        return out

    def place(self, marker: Marker, indent: int) -> None:
        """Put ``marker`` (at ``indent``) into the hierarchy."""
        readings = marker.readings
        if not marker.numbered:
            self._place_bullet(readings[0], indent)
            return
        if readings[0].key == ("sect",) or marker.compound:
            r = readings[0]
            major = marker.compound[0] if marker.compound else None
            self.levels = [Level(r.key, r.value, indent, r.label, major=major)]
            return
        if self.informative:
            self._place_by_indent(readings, indent)
        else:
            self._place_by_number(readings, indent)

    def _push(self, reading: Reading, indent: int) -> None:
        self.levels.append(Level(reading.key, reading.value, indent, reading.label))

    def _replace(self, depth: int, reading: Reading, indent: int) -> None:
        del self.levels[depth:]
        self._push(reading, indent)

    def _place_bullet(self, reading: Reading, indent: int) -> None:
        while self.levels and self.levels[-1].indent > indent + 1:
            self.levels.pop()
        for i in range(len(self.levels) - 1, -1, -1):
            level = self.levels[i]
            if level.key == reading.key and abs(level.indent - indent) <= 1:
                value = level.value + 1
                self._replace(i, Reading(reading.key, value, "item"), indent)
                return
        self._push(reading, indent)

    def _place_by_indent(self, readings: tuple[Reading, ...], indent: int) -> None:
        while self.levels and self.levels[-1].indent > indent + 1:
            self.levels.pop()
        if self.levels and abs(self.levels[-1].indent - indent) <= 1:
            top = self.levels[-1]
            for r in readings:
                if top.expects(r):
                    self._replace(len(self.levels) - 1, r, indent)
                    return
            for r in readings:
                if r.key == top.key:
                    self._replace(len(self.levels) - 1, r, indent)
                    return
            for i in range(len(self.levels) - 2, -1, -1):
                level = self.levels[i]
                if abs(level.indent - indent) <= 1:
                    for r in readings:
                        if level.expects(r):
                            self._replace(i, r, indent)
                            return
            if len(readings) == 1 or readings[0].value == 1:
                self._push(readings[0], indent)
            else:
                self._push(next((r for r in readings if r.value == 1), readings[0]), indent)
            return
        first = next((r for r in readings if r.value == 1), None)
        self._push(first or readings[0], indent)

    def _place_by_number(self, readings: tuple[Reading, ...], indent: int) -> None:
        if self.levels:
            top = self.levels[-1]
            for r in readings:
                if top.expects(r):
                    self._replace(len(self.levels) - 1, r, indent)
                    return
            for r in readings:
                if r.value == 1:
                    self._push(r, indent)
                    return
            for i in range(len(self.levels) - 2, -1, -1):
                for r in readings:
                    if self.levels[i].expects(r):
                        self._replace(i, r, indent)
                        return
            for i in range(len(self.levels) - 1, -1, -1):
                for r in readings:
                    if r.key == self.levels[i].key:
                        self._replace(i, r, indent)
                        return
        first = [r for r in readings if r.value == 1]
        alpha = [r for r in readings if r.key[0] == "alpha"]
        self._push((first or alpha or list(readings))[0], indent)
