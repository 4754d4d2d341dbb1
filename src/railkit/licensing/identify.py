"""Identification of known license documents in a text, and what was changed.

The input is cut into the same hashed word shingles as the committed fingerprints
(:mod:`railkit.licensing.fingerprint`). For every known document sharing enough shingles the
engine finds the stretch of the input it covers (a maximum-density run, so a license joined
with its policy splits into two stretches) and the matching stretch of the known document,
then scores how exactly the two agree:

- ``similarity``: Jaccard similarity of the two stretches' shingle sets. Every shingle a
  version sibling has and the input lacks (or the reverse) lowers it, so the exact
  differences between Llama 3.1 / 3.2 / 3.3 or two Gemma dates decide between them;
- ``coverage``: share of the known document present (a truncated copy covers less);
- ``distinct``: among candidates covering the same input, the share of a candidate's
  distinctive shingles (in no rival) that the input holds.

``score = (0.97 * similarity + 0.03 * coverage) * (1 - 0.1 * (1 - distinct))``.

Documents are chosen in rounds: the best-scoring one, then the best on the input it does not
explain (a license joined with its policy takes two rounds). A document explaining the same
stretch as a chosen one is kept only when it scores as well: a sibling whose differences the
input does not show. The result types live in :mod:`railkit.licensing.identification`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from railkit.licensing.fingerprint import (
    DocumentPrint,
    PrintSet,
    Tokens,
    load_prints,
    read_words,
    shingle_hashes,
)
from railkit.licensing.identification import Difference, Identification, Match

__all__ = ["Difference", "Identification", "Match", "identify"]

MIN_SHARED = 12
"""Fewest shared shingles before a document is considered at all."""
MIN_SIMILARITY = 0.6
"""Lowest stretch similarity reported as a match."""
MIN_COVERAGE = 0.15
"""Smallest share of a known document that must be present."""
SOLID_COVERAGE = 0.45
"""Share of a known document that is a match by itself; below it, the document must also
explain :data:`MIN_SHARE` of the input (a truncated copy, not a borrowed paragraph)."""
MIN_SHARE = 0.6
"""Share of the unexplained input a partly present document must explain."""
UNREGISTERED_SIBLING = 0.34
"""A best candidate holding less than this share of its distinctive wording is a sibling
the registry lacks (CC BY-ND beside CC BY, BY-NC...): no match, unless near-exact."""
SURE = 0.97
"""Similarity above which a candidate is accepted whatever its distinctive wording."""
SIBLING_WEIGHT = 0.1
"""Largest score loss of a sibling whose distinctive wording is missing from the input."""
CONTENDER = 0.3
"""A document sharing less than this share of the best one's shingles with the unexplained
input is not aligned in that round (it can still win a later round, on the rest)."""
NESTED_GAIN = 1.15
"""A containing document must match this much more input than the one it contains..."""
NESTED_SLACK = 0.1
"""...and be at most this much less similar (see :func:`_widest`)."""
SAMPLE = 4
"""Every SAMPLE-th input shingle is used to skip documents that cannot match."""
MAX_DOCUMENTS = 6
"""Most documents looked for in one text."""
TIE = 0.02
"""Scores this close count as indistinguishable."""
GAP_COST = 0.35
"""Cost of an unmatched input shingle inside a stretch, relative to a matched one's gain
(added text is bridged)."""
DOC_GAP_COST = 1.0
"""The same cost on the known document's side: its matched stretch stays dense."""


@dataclass
class Candidate:
    """A document's best alignment with the input (internal working state)."""

    doc: DocumentPrint
    first: int  # input shingle positions first..last (inclusive)
    last: int
    doc_first: int  # document shingle positions doc_first..doc_last (inclusive)
    doc_last: int
    similarity: float
    coverage: float
    explained: int = 0  # bit set of the input positions this document matches
    distinct: float = 1.0  # share of its distinctive shingles present (1.0: none to show)
    primary: bool = True  # False: an indistinguishable sibling of a chosen document

    @property
    def matched(self) -> int:
        """Input positions this document matches."""
        return self.explained.bit_count()

    @property
    def base(self) -> float:
        """The score before the sibling weighting."""
        return 0.97 * self.similarity + 0.03 * self.coverage

    @property
    def score(self) -> float:
        return self.base * (1.0 - SIBLING_WEIGHT * (1.0 - self.distinct))


_RUNS = re.compile(rb"\x01+|\x00+")


def densest_run(flags: bytes, gap: float = GAP_COST) -> tuple[int, int, float]:
    """The stretch maximising matched minus ``gap`` x unmatched (Kadane's algorithm).

    ``flags`` holds one byte per position (1: matched); runs are walked, not positions.
    """
    best, best_first, best_last = 0.0, 0, -1
    run, run_first = 0.0, 0
    for m in _RUNS.finditer(flags):
        length = m.end() - m.start()
        if flags[m.start()]:
            run += length
            if run > best:
                best, best_first, best_last = run, run_first, m.end() - 1
        else:
            run -= gap * length
            if run <= 0:
                run, run_first = 0.0, m.end()
    return best_first, best_last, best


def _bits(flags: bytes, first: int, last: int) -> int:
    """Positions ``first..last`` of ``flags`` that are set, as an integer bit set."""
    n = len(flags)
    return int.from_bytes(b"\x00" * first + flags[first : last + 1] + b"\x00" * (n - 1 - last))


def align(
    doc: DocumentPrint, seq: list[int], hits: bytes, masked: bytes | bytearray
) -> Candidate | None:
    """Locate ``doc`` in the input shingle sequence and score the alignment.

    The matched stretches are widened over unmatched flanks present on both sides (a
    changed title or closing line is a substitution, and counts against similarity).
    """
    first, last, _ = densest_run(hits)
    if last < first:
        return None
    window = set(seq[first : last + 1])
    doc_first, doc_last, _ = densest_run(
        bytes(map(window.__contains__, doc.shingles)), DOC_GAP_COST
    )
    if doc_last < doc_first:
        return None
    free_before = first - 1 - masked.rfind(b"\x01", 0, first)
    stop = masked.find(b"\x01", last + 1)
    free_after = (len(masked) if stop < 0 else stop) - last - 1
    before = min(doc_first, free_before)
    after = min(len(doc.shingles) - 1 - doc_last, free_after)
    explained = _bits(hits, first, last)
    first, doc_first, last, doc_last = (
        first - before,
        doc_first - before,
        last + after,
        doc_last + after,
    )
    if before or after:
        window.update(seq[first : first + before], seq[last + 1 - after : last + 1])
    if doc_first == 0 and doc_last == len(doc.shingles) - 1:
        region: set[int] | frozenset[int] = doc.shingle_set
    else:
        region = set(doc.shingles[doc_first : doc_last + 1])
    shared = len(window & region)
    if shared < MIN_SHARED:
        return None
    similarity = shared / (len(window) + len(region) - shared)
    coverage = shared / max(1, doc.size)
    return Candidate(doc, first, last, doc_first, doc_last, similarity, coverage, explained)


def candidates(
    seq: list[int], docs: list[DocumentPrint], masked: bytes | bytearray
) -> list[Candidate]:
    """Known documents aligned with the unmasked part of the input, scored and filtered.

    A document shingle explains only its first unmasked occurrence in the input, so a
    document does not stretch over a second, similar document joined after it.
    """
    seen: set[int] = set()
    eligible = bytearray(len(seq))
    for i, h in enumerate(seq):
        if not masked[i] and h not in seen:
            seen.add(h)
            eligible[i] = 1
    free = masked.count(0)
    allowed = int.from_bytes(eligible)
    shared = {doc.id: len(doc.shingle_set & seen) for doc in docs}
    floor = CONTENDER * max(shared.values(), default=0)
    out = []
    for doc in docs:
        if shared[doc.id] < max(floor, MIN_SHARED, MIN_COVERAGE * doc.size):
            continue
        raw = int.from_bytes(bytes(map(doc.shingle_set.__contains__, seq))) & allowed
        hits = raw.to_bytes(len(seq))
        found = align(doc, seq, hits, masked)
        if found is None or found.similarity < MIN_SIMILARITY:
            continue
        share = found.explained.bit_count() / max(1, free)
        if found.coverage >= SOLID_COVERAGE or (
            found.coverage >= MIN_COVERAGE and share >= MIN_SHARE
        ):
            out.append(found)
    return out


def _same_stretch(a: Candidate, b: Candidate) -> bool:
    both = (a.explained & b.explained).bit_count()
    return both >= 0.9 * a.matched and both >= 0.9 * b.matched


def weigh_siblings(found: list[Candidate], seq: list[int]) -> None:
    """Score what tells version siblings apart: their distinctive shingles.

    For each candidate, the shingles of its matched stretch that no rival covering the same
    input has are its distinctive shingles; the share of them present in the input becomes
    ``distinct``. A sibling whose distinctive wording is absent loses up to
    :data:`SIBLING_WEIGHT` of its score; identical stretches (nothing distinctive) lose nothing.
    """
    top = max((c.base for c in found), default=0.0)
    band = [c for c in found if c.base >= top - SIBLING_WEIGHT - TIE]  # the only contenders
    for cand in band:
        rivals = [
            o.doc.shingle_set
            for o in band
            if o is not cand and (o.explained & cand.explained).bit_count() >= 0.5 * cand.matched
        ]
        if not rivals:
            continue
        own = set(cand.doc.shingles[cand.doc_first : cand.doc_last + 1])
        own.difference_update(*rivals)
        if own:
            window = set(seq[cand.first : cand.last + 1])
            cand.distinct = len(own & window) / len(own)


def _widest(ranked: list[Candidate]) -> Candidate:
    """The best candidate, preferring a document that contains the top one's stretch.

    When a larger known document (a modified MIT text, a license with its policy appended)
    matches a stretch holding the top candidate's whole stretch and much more input, nearly
    as exactly, the input is the larger document with a change outside the smaller one.
    """
    best = ranked[0]
    for cand in ranked[1:]:
        if (
            cand.first <= best.first
            and cand.last >= best.last
            and cand.matched >= NESTED_GAIN * best.matched
            and cand.similarity >= best.similarity - NESTED_SLACK
            and (cand.explained & best.explained).bit_count() >= 0.9 * best.matched
        ):
            best = cand
    return best


def _mask(masked: bytearray, cand: Candidate) -> bool:
    """Mask a candidate's stretch; True when no input is left."""
    masked[cand.first : cand.last + 1] = b"\x01" * (cand.last + 1 - cand.first)
    return masked.count(0) == 0


def _mask_copies(masked: bytearray, seq: list[int], doc: DocumentPrint) -> bytearray:
    """Mask every input position holding one of ``doc``'s shingles."""
    hits = int.from_bytes(bytes(map(doc.shingle_set.__contains__, seq)))
    return bytearray((int.from_bytes(masked) | hits).to_bytes(len(seq)))


def choose(seq: list[int], prints: PrintSet) -> list[Candidate]:
    """Greedy choice in rounds: the best-scoring document, then the rest of the input.

    Each round aligns the documents with the input not yet explained, takes the best, keeps
    beside it any document indistinguishable from it (same stretch, score within
    :data:`TIE`, coverage within 0.1: a sibling whose differences the input does not show),
    and masks the stretch it covers. A joined license and policy take two rounds.
    """
    sample = set(seq[::SAMPLE])
    pool = [
        d
        for d in prints.documents
        if d.size
        and len(d.shingle_set & sample) * SAMPLE * 2 >= max(MIN_SHARED, MIN_COVERAGE * d.size)
    ]
    masked = bytearray(len(seq))
    chosen: list[Candidate] = []
    for _ in range(MAX_DOCUMENTS):
        found = candidates(seq, pool, masked)
        if not found:
            break
        weigh_siblings(found, seq)
        ranked = sorted(found, key=lambda c: (-c.score, -c.matched, c.doc.id))
        best = _widest(ranked)
        if best.distinct < UNREGISTERED_SIBLING and best.similarity < SURE:
            # a relative of known documents that has none of their own wording: skip it
            if _mask(masked, best):
                break
            continue
        if any(c.doc.id == best.doc.id for c in chosen):  # another copy of a found document
            masked = _mask_copies(masked, seq, best.doc)
            if _mask(masked, best):
                break
            continue
        ranked.remove(best)
        ranked.insert(0, best)
        chosen.append(best)
        for cand in ranked[1:]:
            if (
                _same_stretch(cand, best)
                and cand.score >= best.score - TIE
                and cand.coverage >= best.coverage - 0.1
            ):
                cand.primary = False
                chosen.append(cand)
        if _mask(masked, best):
            break
    return chosen


def identify(
    text: str, prints: PrintSet | None = None, *, differences: bool = True
) -> Identification:
    """Which known documents ``text`` contains, best first, and how it departs from them."""
    prints = prints if prints is not None else load_prints()
    tokens = read_words(text)
    seq = shingle_hashes(tokens.words)
    if not seq:
        return Identification(())
    chosen = choose(seq, prints)
    ordered = sorted(chosen, key=lambda c: (-c.score, c.first))
    matches = tuple(m for c in ordered for m in _matches(c, tokens))
    if not differences or not ordered:
        return Identification(matches)
    from railkit.licensing.differences import differences as find_differences

    return Identification(matches, tuple(find_differences(text, tokens, seq, ordered)))


def _matches(cand: Candidate, tokens: Tokens) -> list[Match]:
    """The match for a chosen document, then one per registry record naming the same text."""
    doc = cand.doc
    last_word = min(len(tokens.ends) - 1, cand.last + 4)
    match = Match(
        id=doc.id,
        scancode_key=doc.scancode_key,
        hf_id=doc.hf_id,
        name=doc.name,
        score=min(1.0, cand.score),
        similarity=cand.similarity,
        coverage=cand.coverage,
        start=tokens.starts[cand.first],
        end=tokens.ends[last_word],
        type=doc.type,
    )
    twins = [
        replace(match, id=twin, name=name, scancode_key=None, hf_id=None, same_as=doc.id)
        for twin, name in doc.twins
    ]
    return [match, *twins]
