"""What a text changed from a known document it was identified as: dropped, added, changed.

Works with no reference text at run time. The known document's shingle sequence (from its
fingerprint) is aligned with the input's (``difflib.SequenceMatcher`` over hashes): a run of
the document's shingles missing from the input marks removed words, a run of input shingles
the document lacks marks added words. Removed words are charged to the known document's
clauses (locator, word range and categories are in the fingerprint); added words to the
input's clauses (from :func:`railkit.licensing.segment.segment`, run only when text was
added). A clause mostly removed is ``dropped``; an input clause mostly new is ``added``
(with its text and the classifier's categories); a clause partly altered is ``changed``
(with the input's text where there is one). Known clauses beyond either end of the input
are one ``truncated`` difference per side (with the categories they restrict), or
``dropped`` when only a little is missing; input far from any match is ``unmatched``."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from railkit.licensing.fingerprint import SHINGLE, ClausePrint, Tokens, token_range
from railkit.licensing.identification import Difference
from railkit.licensing.segment import Clause, segment

if TYPE_CHECKING:
    from railkit.licensing.identify import Candidate

MOSTLY = 0.6
"""Share of a clause's words that makes it dropped (or added) rather than changed."""
MARGIN = 400
"""Unexplained input shingles, each side of a match, compared clause by clause."""
SHORT_END = 0.15
"""Largest share of a document missing at one end that still counts as dropped clauses."""


def _changed_words(first: int, last: int, base: int) -> tuple[int, int]:
    """Word range [a, b) altered, from a run of missing shingles first..last (offsets + base).

    A changed stretch of w words leaves w + SHINGLE - 1 shingles missing; the words are the
    run's inner part. A shorter run changes no word: it is the seam where text was removed,
    and yields an empty range.
    """
    return base + first + SHINGLE - 1, base + last + 1


def _categories(text: str, context: str | None) -> tuple[str, ...]:
    """The classifier's categories for added text, when the classifier is available."""
    try:
        from railkit.licensing.classify import classify

        return tuple(classify(text, context=context).categories)
    except Exception:  # the classifier is another module's; its failure must not hide diffs
        return ()


def _segment(text: str) -> list[Clause]:
    """The input's clauses; paragraphs if the segmenter (another module) fails."""
    try:
        return segment(text)
    except Exception:
        return [
            Clause(str(n), " ".join(m.group().split()), m.start(), m.end())
            for n, m in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text), start=1)
        ]


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _spans(chosen: list[Candidate], size: int) -> dict[int, tuple[int, int]]:
    """The input shingle span each primary match answers for (inclusive).

    Each match takes its own stretch plus unexplained input next to it (up to its
    neighbours, at most :data:`MARGIN` shingles each side), so text added before the first
    or after the last document is still charged to one.
    """
    primaries = sorted((c for c in chosen if c.primary), key=lambda c: c.first)
    spans: dict[int, tuple[int, int]] = {}
    for n, cand in enumerate(primaries):
        start = 0 if n == 0 else cand.first
        end = size - 1 if n == len(primaries) - 1 else primaries[n + 1].first - 1
        start = max(start, cand.first - MARGIN)
        end = min(end, cand.last + MARGIN)
        spans[id(cand)] = (start, max(start, end))
    return spans


def _unmatched(
    spans: list[tuple[int, int]], tokens: Tokens, size: int, document: str
) -> list[Difference]:
    """Stretches of input outside every span (text no match answers for), one each."""
    out = []
    edge = 0
    for start, end in [*sorted(spans), (size + SHINGLE - 1, size + SHINGLE - 1)]:
        if start - edge >= SHINGLE:
            first_word, last_word = edge, min(start, len(tokens.starts)) - 1
            out.append(
                Difference(
                    "unmatched",
                    document,
                    None,
                    start=tokens.starts[first_word],
                    end=tokens.ends[last_word],
                    detail=f"{last_word - first_word + 1} words outside the matched text",
                )
            )
        edge = max(edge, end + SHINGLE)
    return out


def _charge(words: tuple[int, int], ranges: list[tuple[int, int]], into: dict[int, int]) -> None:
    """Add the words ``a:b`` to the count of every clause range they overlap."""
    a, b = words
    if b <= a:
        return
    for n, (cs, ce) in enumerate(ranges):
        got = _overlap(a, b, cs, ce)
        if got:
            into[n] = into.get(n, 0) + got


def _compare(
    cand: Candidate, seq: list[int], span: tuple[int, int]
) -> tuple[dict[int, int], dict[int, int], list[tuple[int, int, int]], int, int]:
    """Align a known document with its input span.

    Returns words removed per document clause, the input word where each such clause's
    removal sits, the input word ranges added (with the document word where they sit), and
    how many document shingles lie before and after the part the input covers (truncation).
    """
    doc = cand.doc
    start, end = span
    doc_ranges = [(c.first, c.first + c.words) for c in doc.clauses]
    removed: dict[int, int] = {}
    seams: dict[int, int] = {}
    added: list[tuple[int, int, int]] = []
    matcher = difflib.SequenceMatcher(None, doc.shingles, seq[start : end + 1], autojunk=False)
    ops = matcher.get_opcodes()
    equal = [op for op in ops if op[0] == "equal"]
    if not equal:
        return removed, seams, added, 0, 0
    head, tail = equal[0][1], equal[-1][2]
    size = end + 1 - start
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("delete", "replace") and head <= i1 and i2 <= tail:
            before = set(removed)
            _charge(_changed_words(0, i2 - i1 - 1, i1), doc_ranges, removed)
            for n in set(removed) - before:
                seams[n] = start + j1 + SHINGLE - 1
        if tag in ("insert", "replace"):
            a, b = _changed_words(0, j2 - j1 - 1, start + j1)
            if j1 == 0:  # at the start of the span no earlier word shares its shingles
                a = start
            if j2 == size:  # at the end, the last shingles' trailing words are new too
                b = start + j2 + SHINGLE - 1
            if b > a:
                added.append((a, b, i1 + SHINGLE - 1))
    return removed, seams, added, head, len(doc.shingles) - tail


def _clause_at(clauses: tuple[ClausePrint, ...], word: int) -> ClausePrint | None:
    """The known document's clause holding ``word`` (or the last one before it)."""
    found = None
    for clause in clauses:
        if clause.first <= word:
            found = clause
        if word < clause.first + clause.words:
            break
    return found


def _missing_ends(cand: Candidate, head: int, tail: int) -> list[Difference]:
    """Clauses of the known document before or after the part the input covers.

    A short missing end (at most :data:`SHORT_END` of the document's words) is reported as
    dropped clauses; a longer one as one ``truncated`` difference per side.
    """
    doc = cand.doc
    total = sum(c.words for c in doc.clauses) or 1
    end_word = len(doc.shingles) - tail + SHINGLE - 1
    out = []
    for side, missing in (
        ("start", [c for c in doc.clauses if c.first + c.words <= head]),
        ("end", [c for c in doc.clauses if c.first >= end_word]),
    ):
        if not missing:
            continue
        if sum(c.words for c in missing) <= SHORT_END * total:
            refs: list[str] = []
            for c in missing:
                if c.ref not in refs:
                    refs.append(c.ref)
                    cats = sorted({x for m in missing if m.ref == c.ref for x in m.categories})
                    out.append(
                        Difference(
                            "dropped",
                            doc.id,
                            c.ref,
                            tuple(cats),
                            detail=f"missing at the {side} of the input",
                        )
                    )
            continue
        span = f"{missing[0].ref} .. {missing[-1].ref}"
        lost = tuple(sorted({cat for c in missing for cat in c.categories}))
        out.append(
            Difference(
                "truncated",
                doc.id,
                span,
                lost,
                detail=f"{len(missing)} clauses of the known document missing at the {side}",
            )
        )
    return out


def differences(
    text: str, tokens: Tokens, seq: list[int], chosen: list[Candidate]
) -> list[Difference]:
    """Every difference between ``text`` and each primary matched document."""
    clauses: list[Clause] | None = None  # the input's clauses, segmented only when needed
    input_ranges: list[tuple[int, int]] = []
    out: list[Difference] = []
    spans = _spans(chosen, len(seq))
    primary = next(c for c in chosen if c.primary)
    out.extend(_unmatched(list(spans.values()), tokens, len(seq), primary.doc.id))
    for cand in chosen:
        if not cand.primary:
            continue
        doc = cand.doc
        removed, seams, added_words, head, tail = _compare(cand, seq, spans[id(cand)])
        added: dict[int, int] = {}
        where: dict[int, int] = {}  # input clause -> document word where its new text sits
        if added_words:
            if clauses is None:
                clauses = _segment(text)
                input_ranges = [token_range(tokens, c.start, c.end) for c in clauses]
            for a, b, doc_word in added_words:
                before = dict(added)
                _charge((a, b), input_ranges, added)
                for n in added:
                    if n not in before:
                        where[n] = doc_word
        out.extend(_missing_ends(cand, head, tail))
        seen: set[tuple[str, str]] = set()
        for n, words in sorted(removed.items()):
            known = doc.clauses[n]
            kind = "dropped" if words >= MOSTLY * known.words else "changed"
            if (kind, known.ref) in seen:
                continue
            seen.add((kind, known.ref))
            here: Clause | None = None
            if kind == "changed" and n in seams:  # show the input's altered clause
                if clauses is None:
                    clauses = _segment(text)
                    input_ranges = [token_range(tokens, c.start, c.end) for c in clauses]
                here = next(
                    (
                        c
                        for c, (cs, ce) in zip(clauses, input_ranges, strict=True)
                        if cs <= seams[n] < ce
                    ),
                    None,
                )
            out.append(
                Difference(
                    kind,
                    doc.id,
                    known.ref,
                    known.categories,
                    text=here.text if here else None,
                    start=here.start if here else None,
                    end=here.end if here else None,
                    detail=f"{words} of its {known.words} words missing from the input",
                )
            )
        for n, words in sorted(added.items()):
            assert clauses is not None
            clause = clauses[n]
            first, last = input_ranges[n]
            size = max(1, last - first)
            kind = "added" if words >= MOSTLY * size else "changed"
            at = _clause_at(doc.clauses, where.get(n, 0) - (1 if kind == "added" else 0))
            ref = at.ref if at is not None and kind == "changed" else None
            if ref is not None and ("changed", ref) in seen:  # keep the one with the text
                out = [d for d in out if not (d.kind == "changed" and d.ref == ref)]
            place = f"; after known clause {at.ref}" if at is not None and kind == "added" else ""
            out.append(
                Difference(
                    kind,
                    doc.id,
                    ref,
                    _categories(clause.text, clause.context),
                    text=clause.text,
                    start=clause.start,
                    end=clause.end,
                    detail=f"{words} of its {size} words not in the known document"
                    + (f" (input clause {clause.ref}{place})" if clause.ref else place),
                )
            )
    return out
