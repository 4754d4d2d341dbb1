"""Segmentation of license text into clauses with locators and character offsets.

A license is read line by line (after :mod:`railkit.licensing.text` has turned Markdown or
HTML into plain lines). Lines become blocks: headings, list items (``1.``, ``a.``, ``iii.``,
``(c)``, ``5.1``, ``Section 5``, bullets) and paragraphs; wrapped lines are joined back.
A numbering stack rebuilds the printed hierarchy, so locators read as printed ("1.a.iii",
"2(d)", "Attachment A (c)", "Prohibited Uses 1.1.1"); where the document indents its lists,
indentation decides nesting, otherwise the numbering does (``1.`` after ``4.`` opens a
sub-list, ``5.`` closes it). Each block is then cut into clauses: inline enumerations
("... shall (A) do this; and (B) that") give one clause per item, long paragraphs one clause
per sentence. A list item carries the lead-ins above it ("You agree not to use the Model:")
as ``context``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from railkit.licensing.lists import ListStack, Marker, parse_marker
from railkit.licensing.sentences import inline_items, sentences
from railkit.licensing.text import PlainText, normalise


@dataclass(frozen=True)
class Clause:
    """One clause of a document.

    ``start``/``end`` are character offsets into the original input text; ``text`` is the
    clause text with whitespace normalised; ``ref`` is the locator as printed in the document
    ("Attachment A (c)", "1.a.iii", "Section 5"); ``context`` is the lead-in of a list item
    ("You agree not to use the Model:") or None.
    """

    ref: str
    text: str
    start: int
    end: int
    context: str | None = None


@dataclass
class _Block:
    kind: str  # "heading" | "item" | "para"
    start: int  # plain offset of the body (after any marker)
    end: int
    indent: int
    marker: Marker | None = None
    lines: int = 1
    titled: bool = False  # an item that is only a title, its body follows as paragraphs
    weak: bool = False  # a heading only because it is a short title sentence


_MD_HEADING = re.compile(r"[ ]{0,3}(#{1,6})[ \t]+")
_TERMINAL = ".;:!?"
_LABEL = re.compile(
    r"(?P<word>Attachment|Exhibit|Appendix|Schedule|Annex|Addendum|Part|Section|Article|"
    r"Chapter)[ \t]+(?P<id>[A-Z0-9]{1,6}|[IVXivx]{1,6})\b",
    re.IGNORECASE,
)
_ATTACHMENT_WORDS = frozenset(
    {"attachment", "exhibit", "appendix", "schedule", "annex", "addendum"}
)
_WHOLE_ITEM = 1500
_JOINING = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "for", "by", "with", "under", "on", "as"]
)
_PARA_ITEM = 600
_MODALS = frozenset(
    ["shall", "must", "may", "will", "can", "should", "agree", "agrees", "is", "are", "not"]
)


def _indent(line: str) -> int:
    width = 0
    for ch in line[:400]:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width = (width // 4 + 1) * 4
        else:
            break
    return width


def _strip_md(s: str) -> str:
    return s.strip().strip("*_").strip()


def heading_like(body: str) -> bool:
    """Whether a stand-alone line reads as a heading rather than a sentence."""
    s = _strip_md(body)
    if not s or len(s) > 90 or s.endswith((":", ",", ";")):
        return False
    words = s.split()
    if len(words) > 10:
        return False
    if _LABEL.match(s) and len(words) <= 12:
        return True
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    if s[-1] in _TERMINAL:
        return False
    alpha_words = [w for w in words if w[0].isalpha()]
    long_words = [w for w in alpha_words if len(w) > 3] or alpha_words
    capital = sum(1 for w in long_words if w[0].isupper())
    return bool(long_words) and capital >= 0.6 * len(long_words) and s[0].isupper()


def _standalone_heading(plain: str, stripped: str, nxt: int, before: str) -> bool:
    """A heading-like line whose next line starts something new (not a wrapped line)."""
    if not stripped[0].isupper() or stripped[-1] in _TERMINAL or not heading_like(stripped):
        return False
    last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    if last_word in _JOINING:
        return False
    nl = plain.find("\n", nxt)
    following = plain[nxt : nl if nl >= 0 else len(plain)][:200].strip()
    return not following or not following[0].islower()


def _title_sentence(s: str) -> bool:
    words = s.rstrip(".").split()
    return (
        0 < len(words) <= 7
        and s.endswith(".")
        and s[0].isupper()
        and not any(w.lower() in _MODALS for w in words)
    )


def _split_run_on(plain: str, marker: Marker, end: int) -> list[tuple[int, int, Marker]]:
    """Items run together on one line ("c. Do this; d. Do that"): split at the next marker."""
    out: list[tuple[int, int, Marker]] = []
    current = marker
    start = marker.body
    for _ in range(26):
        reading = current.readings[0]
        label = reading.label
        if reading.key[0] == "alpha" and len(label) == 1 and label.isalpha() and label not in "zZ":
            token = chr(ord(label) + 1)
        elif reading.key[0] == "dec" and label.isdigit():
            token = str(int(label) + 1)
        else:
            break
        found = re.compile(r"[;:][^\S\n]+" + re.escape(token) + r"[.)][^\S\n]").search(
            plain, start, end
        )
        if found is None:
            break
        nxt = parse_marker(plain, found.end() - len(token) - 2, end)
        if nxt is None:
            break
        out.append((start, found.start() + 1, current))
        current, start = nxt, nxt.body
    out.append((start, end, current))
    return out


def _blocks(plain: str) -> list[_Block]:
    blocks: list[_Block] = []
    open_line = False  # the previous non-blank line may continue on the next one
    after_blank = True
    last_line = ""
    pos = 0
    n = len(plain)
    while pos <= n:
        nl = plain.find("\n", pos)
        end = n if nl < 0 else nl
        line = plain[pos:end]
        start = pos
        pos = end + 1
        stripped = line.strip()
        if not stripped or (len(stripped) >= 3 and not stripped.strip("-=_*~#| \t")):
            open_line, after_blank = False, True
            if nl < 0:
                break
            continue
        indent = _indent(line)
        body_at = start + (len(line) - len(line.lstrip()))
        heading = _MD_HEADING.match(line)
        is_md_heading = heading is not None
        if heading is not None:
            body_at = start + heading.end()
        marker = parse_marker(plain, body_at, end)
        prev = blocks[-1] if blocks else None
        body_end = start + len(line.rstrip())
        last_word = last_line.rsplit(None, 1)[-1].lower() if last_line else ""
        open_line = open_line or (not after_blank and last_word in _JOINING)
        if (
            marker is not None
            and open_line
            and not after_blank
            and prev is not None
            and indent > prev.indent + 1
            and plain[marker.body : marker.body + 1].islower()
        ):
            marker = None  # "3.1 or outputs" wrapped under a hanging indent: not a list item
        if marker is not None:
            for item_start, item_end, item_marker in _split_run_on(plain, marker, body_end):
                block = _Block("item", item_start, item_end, indent, item_marker)
                block.titled = is_md_heading
                blocks.append(block)
            open_line = marker.body >= body_end or (
                len(line) >= 40 and stripped[-1] not in _TERMINAL
            )
        elif is_md_heading:
            blocks.append(_Block("heading", body_at, body_end, indent))
            open_line = False
        elif (
            prev is not None
            and not after_blank
            and prev.kind != "heading"
            and (
                # a hanging indent continues the block above (unless that ends a lead-in)
                (indent > prev.indent + 1 and not last_line.endswith(":"))
                or stripped[0].islower()
                or stripped[0] in "([,;"
                or (open_line and not _standalone_heading(plain, stripped, pos, last_line))
            )
        ):
            prev.end = body_end
            prev.lines += 1
            open_line = len(line) >= 40 and stripped[-1] not in _TERMINAL
        elif heading_like(stripped):
            blocks.append(_Block("heading", body_at, body_end, indent))
            open_line = False
        elif _title_sentence(stripped) and heading_like(stripped.rstrip(".")):
            blocks.append(_Block("heading", body_at, body_end, indent, weak=True))
            open_line = False
        else:
            blocks.append(_Block("para", body_at, body_end, indent))
            open_line = len(line) >= 40 and stripped[-1] not in _TERMINAL
        after_blank = False
        last_line = stripped
        if nl < 0:
            break
    for i, block in enumerate(blocks):
        if block.kind != "item" or block.titled:
            continue
        body = plain[block.start : block.end]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.kind == "para" and block.lines == 1 and heading_like(body):
            block.titled = True
        elif body.rstrip().endswith(".") and nxt is not None and nxt.kind == "para":
            block.titled = _title_sentence(_strip_md(body))
    return blocks


class _Segmenter:
    def __init__(self, plain: PlainText) -> None:
        self.plain = plain
        self.text = plain.text
        self.clauses: list[Clause] = []
        self.stack = ListStack()
        self.prefix: str | None = None
        self.section: str | None = None
        self.base_lead: str | None = None
        self.para_leads: list[str] = []
        self.numbered = False
        self.paragraphs = 0
        self.seen_heading = False
        self.last_kind = ""
        self.last_labelled = False

    def run(self) -> list[Clause]:
        blocks = _blocks(self.text)
        self.stack.informative = any(
            b.indent >= 2 for b in blocks if b.kind == "item" and b.marker and b.marker.numbered
        )
        for block in blocks:
            if block.kind == "heading":
                self._heading(block)
            elif block.kind == "item":
                self._item(block)
            else:
                self._para(block)
            self.last_kind = block.kind
        return self.clauses

    # -- blocks ----------------------------------------------------------------------------

    def _heading(self, block: _Block) -> None:
        title = _strip_md(self.text[block.start : block.end]).rstrip(".:")
        self.stack.clear()
        self.base_lead = None
        self.para_leads = []
        label = _LABEL.match(title)
        first = not self.seen_heading and not self.clauses
        self.seen_heading = True
        if label is not None:
            text = f"{label.group('word').capitalize()} {label.group('id')}"
            if label.group("word").lower() in _ATTACHMENT_WORDS:
                self.prefix, self.section = text, None
            else:
                self.prefix, self.section = None, text
            self.last_labelled = True
            return
        if first or (self.last_kind == "heading" and self.last_labelled):
            return
        if block.weak and self.numbered:
            return  # in a numbered document a stray title sentence only ends the lists
        self.last_labelled = False
        words = title.split()
        low = title.lower()
        if "terms and conditions" in low or low.startswith(("end of", "preamble")):
            self.prefix = self.section = None
            return
        plain_words = len(words) <= 5 and not any(c.isdigit() or c == ":" for c in title)
        self.prefix = title if plain_words else None
        self.section = None

    def _item(self, block: _Block) -> None:
        assert block.marker is not None
        self.numbered = self.numbered or block.marker.numbered
        self.para_leads = []
        self.stack.place(block.marker, block.indent)
        ref = self._ref()
        context = self._context()
        level = self.stack.top()
        body = _strip_md(self.text[block.start : block.end])
        if block.titled:
            level.titled = True
            level.lead = body.rstrip(".")
            return
        if context and ":" in context and block.end - block.start <= _WHOLE_ITEM:
            # an item of a list of uses: its sentences qualify one provision, keep it whole
            emitted: list[Clause] = []
            self._add(emitted, ref, block.start, block.end, context)
        else:
            emitted = self._emit(block.start, block.end, ref, context)
        if emitted and emitted[-1].text.endswith(":"):
            level.lead = emitted[-1].text
        elif emitted and len(emitted[0].text.split()) <= 6:
            level.lead = emitted[0].text.rstrip(".")

    def _para(self, block: _Block) -> None:
        self.paragraphs += 1
        top = self.stack.top() if len(self.stack) else None
        inside = top is not None and (
            top.titled or (self.stack.informative and block.indent > top.indent + 1)
        )
        # paragraphs after a lead-in paragraph ("You may not use X to:") read as its items
        listed = bool(self.para_leads) and block.end - block.start <= _PARA_ITEM
        if inside:
            ref, context = self._ref(), self._context(include_top=True)
        else:
            ref = self.prefix or self.section or f"¶{self.paragraphs}"
            leads = [self.para_leads[0], self.para_leads[-1]] if listed else []
            context = " ".join(dict.fromkeys(leads)) or None
        emitted = self._emit(block.start, block.end, ref, context)
        lead = emitted[-1].text if emitted and emitted[-1].text.endswith(":") else None
        if inside and top is not None:
            if lead:
                top.lead = lead
            return
        if lead:
            self.para_leads = [*(self.para_leads if listed else []), lead]
        elif not listed:
            self.para_leads = []
        if lead:
            self.stack.clear()
            self.base_lead = lead
        else:
            self.stack.truncate(1)
            self.base_lead = None

    # -- helpers ---------------------------------------------------------------------------

    def _ref(self) -> str:
        path = self.stack.path()
        if not path:
            return self.prefix or self.section or f"¶{self.paragraphs}"
        if self.prefix:
            return f"{self.prefix}, {path}" if path.startswith("item") else f"{self.prefix} {path}"
        return path

    def _context(self, *, include_top: bool = False) -> str | None:
        leads = [self.base_lead] if self.base_lead else []
        levels = self.stack.levels if include_top else self.stack.levels[:-1]
        leads += [lv.lead for lv in levels if lv.lead]
        return " ".join(leads) if leads else None

    def _emit(
        self, start: int, end: int, ref: str, context: str | None, depth: int = 0
    ) -> list[Clause]:
        out: list[Clause] = []
        lead, items = inline_items(self.text, start, end) if depth < 2 else (end, [])
        spans = sentences(self.text, start, lead)
        if len(spans) > 1 and _title_sentence(self.text[spans[0][0] : spans[0][1]].strip()):
            spans = spans[1:]
        for s, e in spans:
            self._add(out, ref, s, e, context)
        if not items:
            return out
        lead_text = out[-1].text if out else None
        item_context = " ".join(x for x in (context, lead_text) if x) or None
        for k, (label, bare, s, e) in enumerate(items):
            if bare:  # a run-in section: everything up to the next marker is its own
                joint = "." if ref[-1:].isalnum() and " " not in ref and "¶" not in ref else " "
                out += self._emit(s, e, f"{ref}{joint}{label}", item_context, depth + 1)
                continue
            parts = sentences(self.text, s, e)
            if k + 1 < len(items):
                for ss, se in parts:
                    self._add(out, f"{ref}({label})", ss, se, item_context)
                continue
            # the last item ends at its first sentence; what follows is the block's again
            if parts:
                self._add(out, f"{ref}({label})", parts[0][0], parts[0][1], item_context)
            for ss, se in parts[1:]:
                self._add(out, ref, ss, se, context)
        return out

    def _add(self, out: list[Clause], ref: str, s: int, e: int, context: str | None) -> None:
        raw = self.text[s:e]
        words = raw.split()
        if not words or not any(c.isalpha() for c in raw):
            return
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        ostart, oend = self.plain.span(s + lead, e - trail)
        clause = Clause(ref, " ".join(words), ostart, oend, context)
        out.append(clause)
        self.clauses.append(clause)


def segment(text: str, fmt: str = "auto") -> list[Clause]:
    """Split ``text`` (plain text, Markdown or HTML; ``fmt`` auto-detects) into clauses."""
    if not text.strip():
        return []
    return _Segmenter(normalise(text, fmt)).run()
