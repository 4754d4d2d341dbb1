"""Fingerprints of known documents: hashed word shingles and per-clause locators.

A document's fingerprint is the sequence of 64-bit hashes of its overlapping word 5-grams
("shingles"), after a normalisation that survives re-wrapping, Markdown conversion, changed
case and punctuation, and renumbered list markers. Each clause of a known document is kept
as its locator, the range of shingle positions lying wholly inside it, a hash of its
normalised text and the categories it restricts. No text is stored: only hashes.

The committed fingerprints (``railkit/data/fingerprints``) are two files written by
``scripts/build_fingerprints.py``: ``documents.json`` (metadata and clause tables) and
``shingles.bin`` (every document's shingle hashes, little-endian unsigned 64-bit).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
import sys
from array import array
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

SHINGLE = 5
"""Words per shingle."""
FORMAT = 1
"""Version of the fingerprint file layout."""

_MASK = (1 << 64) - 1
_MULTIPLIERS = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD,
)
_WORD = re.compile(r"\d+(?:\.\d+)+(?=\W|$)|[^\W_]{2,}|\d")
_ROMAN = frozenset(
    f"{tens}{units}"
    for tens in ("", "x", "xx", "xxx")
    for units in ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
)


_URL = re.compile(r"(?:https?://|www\.)[^\s()\[\]<>\"'`]{1,500}")
_MARKUP = re.compile(
    r"(?<=\])\([^()\s]{0,1000}(?:\s+\"[^\"\n]{0,300}\")?\)"  # a Markdown link target
    r"|</?[A-Za-z][^<>\n]{0,200}>"  # an inline tag
    r"|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});"  # an entity
)
_MARKER_LEAD = " \t#*->(+"


@dataclass(frozen=True)
class Tokens:
    """The kept words of a text, with their character offsets in that text."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _is_marker(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is a list or section marker ("12.", "(3)").

    Judged from the characters next to it, not from its place in a line, so re-wrapping
    (which moves words to and from line starts) does not change the answer.
    """
    if end >= len(text) or text[end] not in ".)":
        return False
    after = text[end + 1 : end + 2]
    before = text[start - 1] if start else " "
    return (not after or after.isspace() or after in ")*_") and (
        before.isspace() or before in _MARKER_LEAD
    )


def tokenize(text: str) -> Tokens:
    """Split ``text`` into normalised words with offsets.

    Words are runs of two or more letters or digits, lower-cased, and numbers; a dotted
    number ("3.1", "2.0") is one word, so version siblings differ in their shingles. Single
    letters, roman numerals and numbers opening a line ("a.", "(iii)", "12.": list and
    section markers) are left out, so renumbered or re-marked lists keep their shingles;
    web addresses are left out too (Markdown conversion keeps or drops link targets).
    """
    folded = text.lower()
    if len(folded) != len(text):  # a few characters lower-case to two; keep offsets exact
        folded = "".join(ch.lower()[0] for ch in text)
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    if "://" in folded or "www." in folded:  # addresses are not words of the license
        folded = _URL.sub(lambda m: " " * len(m.group()), folded)
    for match in _WORD.finditer(folded):
        word = match.group()
        if word in _ROMAN or (word[0].isdigit() and _is_marker(folded, match.start(), match.end())):
            continue
        words.append(word)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(words), tuple(starts), tuple(ends))


def read_words(text: str) -> Tokens:
    """The words of ``text`` with offsets into it; HTML and Markdown markup are read past.

    Tags, link targets and entities are not words of the license, so a converted copy
    shingles like the original. HTML goes through :func:`railkit.licensing.text.normalise`;
    other text has its inline markup blanked out in place (offsets unchanged), which is all
    that Markdown adds to the words and much faster than converting it.
    """
    if "<" in text:
        from railkit.licensing.text import detect_format, normalise

        try:
            plain = normalise(text, "html") if detect_format(text) == "html" else None
        except Exception:  # the converter is another module's; plain words still identify
            plain = None
        if plain is not None:
            found = tokenize(plain.text)
            starts = tuple(plain.original(i) for i in found.starts)
            ends = tuple(plain.original(i - 1) + 1 for i in found.ends)
            return Tokens(found.words, starts, ends)
    if "](" in text or "<" in text or "&" in text:
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    return tokenize(text)


@functools.lru_cache(maxsize=65536)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def shingle_hashes(words: tuple[str, ...] | list[str]) -> list[int]:
    """The hash of every run of :data:`SHINGLE` consecutive words, in order."""
    if len(words) < SHINGLE:
        return []
    wh = [_word_hash(w) for w in words]
    m1, m2, m3, m4, m5 = _MULTIPLIERS
    out = []
    for i in range(len(wh) - SHINGLE + 1):
        h = wh[i] * m1 + wh[i + 1] * m2 + wh[i + 2] * m3 + wh[i + 3] * m4 + wh[i + 4] * m5
        out.append((h ^ (h >> 64)) & _MASK)
    return out


def token_range(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """The kept words lying in the character range ``start:end``, as ``(first, last)``."""
    return bisect.bisect_left(tokens.starts, start), bisect.bisect_left(tokens.starts, end)


def inner_shingles(first_word: int, last_word: int) -> tuple[int, int]:
    """Positions of the shingles wholly inside words ``first_word:last_word``."""
    return first_word, max(first_word, last_word - SHINGLE + 1)


def text_hash(words: tuple[str, ...] | list[str]) -> str:
    """A short hash of normalised text (used to recognise an unchanged clause)."""
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()


@dataclass(frozen=True)
class ClausePrint:
    """One clause of a known document, without its text.

    ``first``/``last`` bound the shingle positions wholly inside the clause
    (``first <= i < last``); ``words`` is its length in kept words.
    """

    ref: str
    first: int
    last: int
    words: int
    digest: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentPrint:
    """The fingerprint of one known document and the registry facts identification reports."""

    id: str
    name: str
    scancode_key: str | None
    hf_id: str | None
    type: str
    family: str
    source_sha256: str
    shingles: tuple[int, ...]
    clauses: tuple[ClausePrint, ...]
    shingle_set: frozenset[int] = field(default=frozenset(), compare=False, repr=False)
    twins: tuple[tuple[str, str], ...] = ()  # (id, name) of records naming the same text

    @property
    def size(self) -> int:
        """Distinct shingles in the document."""
        return len(self.shingle_set)


@dataclass(frozen=True)
class PrintSet:
    """Every known document's fingerprint, in registry-id order."""

    documents: tuple[DocumentPrint, ...]
    registry_ids: tuple[str, ...]

    def by_id(self) -> dict[str, DocumentPrint]:
        """The fingerprints keyed by registry id."""
        return {d.id: d for d in self.documents}


def fingerprint_dir() -> Any:
    """The packaged folder holding the committed fingerprints."""
    return resources.files("railkit") / "data" / "fingerprints"


def _document_meta(doc: DocumentPrint, offset: int) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "scancode_key": doc.scancode_key,
        "hf_id": doc.hf_id,
        "type": doc.type,
        "family": doc.family,
        "source_sha256": doc.source_sha256,
        "offset": offset,
        "count": len(doc.shingles),
        "twins": [list(t) for t in doc.twins],
        "clauses": [
            [c.ref, c.first, c.last, c.words, c.digest, list(c.categories)] for c in doc.clauses
        ],
    }


def dump(prints: PrintSet) -> tuple[str, bytes]:
    """Serialise fingerprints deterministically: (documents.json text, shingles.bin bytes)."""
    blob = array("Q")
    metas = []
    for doc in prints.documents:
        metas.append(_document_meta(doc, len(blob)))
        blob.extend(doc.shingles)
    if sys.byteorder != "little":
        blob.byteswap()
    meta = {
        "format": FORMAT,
        "shingle": SHINGLE,
        "registry_ids": list(prints.registry_ids),
        "documents": metas,
    }
    return json.dumps(meta, ensure_ascii=False, indent=1) + "\n", blob.tobytes()


def parse(meta_text: str, blob_bytes: bytes) -> PrintSet:
    """Rebuild fingerprints from the two serialised files."""
    meta = json.loads(meta_text)
    if meta.get("format") != FORMAT or meta.get("shingle") != SHINGLE:
        raise ValueError("fingerprint files have an unknown layout; rebuild them")
    blob = array("Q")
    blob.frombytes(blob_bytes)
    if sys.byteorder != "little":
        blob.byteswap()
    docs = []
    for m in meta["documents"]:
        seq = tuple(blob[m["offset"] : m["offset"] + m["count"]])
        clauses = tuple(
            ClausePrint(ref, first, last, words, digest, tuple(cats))
            for ref, first, last, words, digest, cats in m["clauses"]
        )
        docs.append(
            DocumentPrint(
                id=m["id"],
                name=m["name"],
                scancode_key=m["scancode_key"],
                hf_id=m["hf_id"],
                type=m["type"],
                family=m["family"],
                source_sha256=m["source_sha256"],
                shingles=seq,
                clauses=clauses,
                shingle_set=frozenset(seq),
                twins=tuple((t[0], t[1]) for t in m.get("twins", ())),
            )
        )
    return PrintSet(tuple(docs), tuple(meta["registry_ids"]))


@functools.cache
def load_prints() -> PrintSet:
    """The committed fingerprints, loaded once (empty when none are built yet)."""
    folder = fingerprint_dir()
    meta_file, blob_file = folder / "documents.json", folder / "shingles.bin"
    if not meta_file.is_file() or not blob_file.is_file():
        return PrintSet((), ())
    return parse(meta_file.read_text(encoding="utf-8"), blob_file.read_bytes())


def build_document(
    meta: dict[str, Any],
    text: str,
    categories_for: Any = None,
) -> DocumentPrint:
    """Fingerprint one reference text.

    ``meta`` holds id, name, scancode_key, hf_id, type, family and twins (records whose
    ``same_as`` names this one: (id, name) pairs); ``categories_for`` (a
    callable ``(ref, clause_text) -> tuple of category ids``) labels each clause at build time
    so that differences can name the categories of a dropped clause without its text.
    """
    from railkit.licensing.segment import segment

    tokens = read_words(text)
    seq = tuple(shingle_hashes(tokens.words))
    clauses = []
    for clause in segment(text):
        first_word, last_word = token_range(tokens, clause.start, clause.end)
        words = tokens.words[first_word:last_word]
        if not words:
            continue
        first, last = inner_shingles(first_word, last_word)
        cats = tuple(categories_for(clause.ref, clause.text)) if categories_for else ()
        clauses.append(
            ClausePrint(clause.ref, first, last, len(words), text_hash(words), tuple(sorted(cats)))
        )
    return DocumentPrint(
        id=meta["id"],
        name=meta["name"],
        scancode_key=meta.get("scancode_key"),
        hf_id=meta.get("hf_id"),
        type=meta["type"],
        family=meta["family"],
        source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        shingles=seq,
        clauses=tuple(clauses),
        shingle_set=frozenset(seq),
        twins=tuple(meta.get("twins", ())),
    )
