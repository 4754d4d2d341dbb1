"""Normalisation of a license document (plain text, Markdown or HTML) to plain text.

The segmenter works on plain text, but every clause must point back into the text the user
gave us. :func:`normalise` therefore returns a :class:`PlainText`: the plain text plus an
offset map from each plain character to the original character it came from. Markup that
carries no words (emphasis, link targets, tags) is dropped; block structure (paragraphs,
list items, headings) becomes line structure the segmenter understands. Synthetic characters
(an HTML ``<li>`` becomes ``"1. "``) map to the tag that produced them.

Every pattern here is linear: bounded repetitions and no nested quantifiers.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

Format = Literal["auto", "text", "markdown", "html"]
FORMATS: tuple[str, ...] = ("auto", "text", "markdown", "html")


@dataclass(frozen=True)
class PlainText:
    """Plain text with a map back to the original.

    ``pieces`` holds ``(plain_start, original_start, length)`` runs in plain order and
    ``starts`` their plain starts; when both are empty the text is the original itself.
    """

    text: str
    format: str
    pieces: tuple[tuple[int, int, int], ...] = ()
    starts: tuple[int, ...] = ()
    source: str = ""  # the original, for Markdown (to keep whole markup around a span)

    def original(self, index: int) -> int:
        """Original offset of plain character ``index``."""
        if not self.pieces:
            return index
        k = bisect.bisect_right(self.starts, index) - 1
        if k < 0:
            return self.pieces[0][1]
        plain_start, orig_start, length = self.pieces[k]
        return orig_start + min(index - plain_start, max(length - 1, 0))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` span of the plain span ``[start, end)``."""
        if not self.pieces:
            return start, end
        if end <= start:
            at = self.original(start)
            return at, at
        ostart, oend = self.original(start), self.original(end - 1) + 1
        if self.source:
            # take in the markup that opens or closes right at the span's edges ("[", "**",
            # "](url)") so that the original span reads as the same words
            floor = self.original(start - 1) + 1 if start > 0 else 0
            opening = _MD_OPEN.search(self.source, floor, ostart)
            if opening is not None and opening.end() == ostart:
                ostart = opening.start()
            ceiling = self.original(end) if end < len(self.text) else len(self.source)
            closing = _MD_CLOSE.match(self.source, oend, ceiling)
            if closing is not None:
                oend = closing.end()
        return ostart, oend


_MD_OPEN = re.compile(r"(?:\[|\*\*|__|\*|`)+$")
_MD_CLOSE = re.compile(r"(?:\]\([^)\n]{0,1000}\)|\*\*|__|\*|`)+")


class _Builder:
    """Accumulates plain text and its offset runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int, int]] = []
        self.size = 0

    def add(self, text: str, original_start: int, *, synthetic: bool = False) -> None:
        if not text:
            return
        self.parts.append(text)
        if synthetic:
            # a run of length 1: every synthetic character maps to the same original place
            self.pieces.append((self.size, original_start, 1))
        else:
            self.pieces.append((self.size, original_start, len(text)))
        self.size += len(text)

    def build(self, fmt: str, source: str = "") -> PlainText:
        pieces = tuple(self.pieces)
        return PlainText("".join(self.parts), fmt, pieces, tuple(p[0] for p in pieces), source)


_HTML_HINT = re.compile(
    r"<(?:!doctype|html|body|p|div|li|ol|ul|h[1-6]|br|table|span|section)\b", re.IGNORECASE
)
_MD_HINT = re.compile(
    r"^\s{0,3}#{1,6}\s|\*\*[^*\n]{1,200}\*\*|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)|^__|\\[_*\[\]#]",
    re.MULTILINE,
)


def detect_format(text: str) -> str:
    """Guess ``html``, ``markdown`` or ``text`` from the first 64 KB."""
    head = text[:65536]
    tags = len(_HTML_HINT.findall(head[:20000]))
    if tags >= 3 or head.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return "html"
    if _MD_HINT.search(head):
        return "markdown"
    return "text"


def normalise(text: str, fmt: str = "auto") -> PlainText:
    """Plain text of ``text`` (``fmt``: auto, text, markdown or html) with its offset map."""
    if fmt == "auto":
        fmt = detect_format(text)
    if fmt == "html":
        return _from_html(text)
    if fmt == "markdown":
        return _from_markdown(text)
    return PlainText(text, "text")


# --- Markdown -------------------------------------------------------------------------------

# Alternatives: image, link, bold/underline marker, single-star emphasis, inline code tick,
# backslash escape, inline HTML tag, HTML entity, blockquote mark at a line start.
_MD_TOKEN = re.compile(
    r"(?P<image>!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\))"
    r"|(?P<link>\[(?P<label>[^\]\n]{0,500})\]\([^)\n]{0,1000}\))"
    r"|(?P<strong>\*\*|__)"
    r"|(?P<em>(?<![\w*])\*(?=[^\s*]))"
    r"|(?P<emclose>(?<=[^\s*])\*(?![\w*]))"
    r"|(?P<tick>`)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>]))"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,200}>)"
    r"|(?P<entity>&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});)"
    r"|(?P<quote>^[ ]{0,3}>[ ]?)",
    re.MULTILINE,
)


def _from_markdown(text: str) -> PlainText:
    out = _Builder()
    pos = 0
    for m in _MD_TOKEN.finditer(text):
        out.add(text[pos : m.start()], pos)
        pos = m.end()
        if m.group("link") is not None:
            out.add(m.group("label"), m.start("label"))
        elif m.group("escape") is not None:
            out.add(m.group("escaped"), m.start("escaped"))
        elif m.group("entity") is not None:
            out.add(html.unescape(m.group()), m.start(), synthetic=True)
        elif m.group("tag") is not None and re.match(r"</?(?:br|p|div|li)\b", m.group(), re.I):
            out.add("\n", m.start(), synthetic=True)
    out.add(text[pos:], pos)
    return out.build("markdown", text)


# --- HTML -----------------------------------------------------------------------------------

_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ol",
        "ul",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "dt",
        "dd",
        "hr",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "title",
    ]
)
_SKIP = frozenset({"script", "style", "head", "noscript", "template"})


def _alpha(n: int, upper: bool) -> str:
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        letters = chr(97 + r) + letters
    return letters.upper() if upper else letters


def _roman(n: int, upper: bool) -> str:
    values: tuple[tuple[int, str], ...] = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = ""
    for value, sym in values:
        while n >= value:
            out += sym
            n -= value
    return out.upper() if upper else out


class _HtmlText(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for m in re.finditer("\n", source):
            self.line_starts.append(m.end())
        self.out = _Builder()
        self.skip = 0
        self.lists: list[list[object]] = []  # [tag, type, counter]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        at = self._offset()
        if tag in ("ol", "ul"):
            kind = dict(attrs).get("type") or ("1" if tag == "ol" else "-")
            start = dict(attrs).get("start") or "1"
            first = int(start) if start.isdigit() else 1
            self.lists.append([tag, kind, first - 1])
        if tag in _BLOCK:
            self.out.add("\n", at, synthetic=True)
        if tag.startswith("h") and tag[1:].isdigit():
            self.out.add("#" * int(tag[1:]) + " ", at, synthetic=True)
        if tag == "li":
            depth = min(max(len(self.lists) - 1, 0), 8)
            marker = "- "
            if self.lists:
                entry = self.lists[-1]
                entry[2] = int(str(entry[2])) + 1
                n, kind = int(str(entry[2])), str(entry[1])
                if entry[0] == "ol":
                    if kind in ("a", "A"):
                        marker = f"{_alpha(n, kind == 'A')}. "
                    elif kind in ("i", "I"):
                        marker = f"{_roman(n, kind == 'I')}. "
                    else:
                        marker = f"{n}. "
            self.out.add("    " * depth + marker, at, synthetic=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
            return
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in _BLOCK:
            self.out.add("\n", self._offset(), synthetic=True)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.out.add(data.replace("\n", " ").replace("\r", " "), self._offset())

    def _ref(self, raw: str) -> None:
        if not self.skip:
            self.out.add(html.unescape(raw), self._offset(), synthetic=True)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def _from_html(text: str) -> PlainText:
    parser = _HtmlText(text)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    return parser.out.build("html")
