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

from railkit.licensing.blocks import LABEL, Block, read_blocks, strip_md, title_sentence
from railkit.licensing.lists import ListStack
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


_ATTACHMENT_WORDS = frozenset(
    {"attachment", "exhibit", "appendix", "schedule", "annex", "addendum"}
)
_LINE_BREAKS = str.maketrans(
    {"\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n"}
)
_LONE_CR = re.compile(r"\r(?!\n)")
_WHOLE_ITEM = 1500  # characters: an item of a list of uses up to this long stays whole
_PARA_ITEM = 600  # characters: a paragraph up to this long after a lead-in reads as its item


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
        blocks = read_blocks(self.text)
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

    def _heading(self, block: Block) -> None:
        title = strip_md(self.text[block.start : block.end]).rstrip(".:")
        self.stack.clear()
        self.base_lead = None
        self.para_leads = []
        label = LABEL.match(title)
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

    def _item(self, block: Block) -> None:
        assert block.marker is not None
        self.numbered = self.numbered or block.marker.numbered
        self.para_leads = []
        self.stack.place(block.marker, block.indent)
        ref = self._ref()
        context = self._context()
        level = self.stack.top()
        body = strip_md(self.text[block.start : block.end])
        if block.titled and not (context and context.endswith(":")):
            # (an item of a "You must not:" list is a provision, however short)
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

    def _para(self, block: Block) -> None:
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
        if len(spans) > 1 and title_sentence(self.text[spans[0][0] : spans[0][1]].strip()):
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
    # other line breaks (lone CR, form feed, Unicode separators) become "\n", one for one,
    # so offsets into the result are offsets into ``text``
    text = _LONE_CR.sub("\n", text.translate(_LINE_BREAKS))
    return _Segmenter(normalise(text, fmt)).run()
