"""Blocks of a license text: headings, list items and paragraphs, one per logical line.

Lines are read in order. A line that starts with a list marker opens an item; a Markdown
heading, or a short stand-alone line that reads as a title ("Use Restrictions",
"ATTACHMENT A"), is a heading; other lines open paragraphs. A line continues the block above
when the text was hard-wrapped: it starts in lower case, sits under a hanging indent, or
follows a line that stopped mid-sentence ("... subject to the"). Items run together on one
line ("c. Keep notices; d. Mark changes") are split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from railkit.licensing.lists import Marker, parse_marker


@dataclass
class Block:
    """A heading, list item or paragraph: its body's plain-text span and its indentation."""

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
LABEL = re.compile(
    r"(?P<word>Attachment|Exhibit|Appendix|Schedule|Annex|Addendum|Part|Section|Article|"
    r"Chapter)[ \t]+(?P<id>[A-Z0-9]{1,6}|[IVXivx]{1,6})\b",
    re.IGNORECASE,
)
_JOINING = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "for", "by", "with", "under", "on", "as"]
)
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


def strip_md(s: str) -> str:
    """``s`` without surrounding space and Markdown emphasis marks."""
    return s.strip().strip("*_").strip()


def heading_like(body: str) -> bool:
    """Whether a stand-alone line reads as a heading rather than a sentence."""
    s = strip_md(body)
    if not s or len(s) > 90 or s.endswith((":", ",", ";")):
        return False
    words = s.split()
    if len(words) > 10:
        return False
    if LABEL.match(s) and len(words) <= 12:
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


def title_sentence(s: str) -> bool:
    """A short sentence that names a section ("Grant of Rights.") rather than rules."""
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


def read_blocks(plain: str) -> list[Block]:
    """The blocks of plain text ``plain``, in order."""
    blocks: list[Block] = []
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
                block = Block("item", item_start, item_end, indent, item_marker)
                block.titled = is_md_heading
                blocks.append(block)
            open_line = marker.body >= body_end or (
                len(line) >= 40 and stripped[-1] not in _TERMINAL
            )
        elif is_md_heading:
            blocks.append(Block("heading", body_at, body_end, indent))
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
            blocks.append(Block("heading", body_at, body_end, indent))
            open_line = False
        elif title_sentence(stripped) and heading_like(stripped.rstrip(".")):
            blocks.append(Block("heading", body_at, body_end, indent, weak=True))
            open_line = False
        else:
            blocks.append(Block("para", body_at, body_end, indent))
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
            title = strip_md(body)
            block.titled = title_sentence(title) and heading_like(title.rstrip("."))
    return blocks
