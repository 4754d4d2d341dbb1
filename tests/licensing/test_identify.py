"""License identification: known documents found under alteration, differences, no false matches.

Reference texts come from ScanCode's package data at test time (never from this repository);
the alterations are built here. The committed fingerprints must match the registry.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from railkit.kb import Catalog
from railkit.licensing.fingerprint import (
    build_document,
    fingerprint_dir,
    load_prints,
    shingle_hashes,
    tokenize,
)
from railkit.licensing.identify import Identification, identify
from railkit.licensing.segment import segment
from tests.conftest import scancode_text

TEAM_PROSE = (
    "Our reading group meets every second Thursday in the small room above the bakery. "
    "We pick one novel a month, usually something short enough to finish on a train ride, "
    "and we take turns bringing tea and biscuits. Last winter the heating broke and we met "
    "in coats, which made the discussion of a desert adventure story feel rather strange. "
    "New members are welcome; bring a book you loved as a child and tell us why it stuck. "
)

ADDED_CLAUSE = (
    "You must not use the Work to compose threatening letters addressed to the members of "
    "any village choir or to rank them by how loudly they sing on Sundays."
)


@pytest.fixture(scope="module")
def text_of(scancode_licenses: Path):  # type: ignore[no-untyped-def]
    def read(key: str) -> str:
        return scancode_text(scancode_licenses, key)

    return read


def ids(result: Identification) -> list[str]:
    return [m.id for m in result.matches]


def top_id(result: Identification) -> str:
    assert result.matches, "no match"
    return result.matches[0].id


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def rewrap(text: str, width: int) -> str:
    return "\n\n".join(
        textwrap.fill(" ".join(p.split()), width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs(text)
    )


def to_markdown(text: str) -> str:
    out = []
    for p in paragraphs(text):
        flat = " ".join(p.split())
        out.append(("## " if len(flat) < 70 else "") + flat)
    return "\n\n".join(out)


@pytest.mark.parametrize(
    "key", ["apache-2.0", "mit", "gemma-pup-2024-02-21", "hippocratic-3.0", "cc-by-4.0"]
)
def test_verbatim_rewrapped_markdown(text_of, key: str) -> None:  # type: ignore[no-untyped-def]
    text = text_of(key)
    for variant in (text, rewrap(text, 60), to_markdown(text), text.upper()):
        result = identify(variant, differences=False)
        assert top_id(result) == key
        assert result.matches[0].score > 0.97


def test_scores_and_fields_of_a_verbatim_match(text_of) -> None:  # type: ignore[no-untyped-def]
    match = identify(text_of("apache-2.0")).matches[0]
    assert match.scancode_key == "apache-2.0"
    assert match.score == pytest.approx(1.0)
    assert match.coverage == pytest.approx(1.0)
    assert match.name


def test_middle_third_is_found(text_of) -> None:  # type: ignore[no-untyped-def]
    text = text_of("apache-2.0")
    third = text[len(text) // 3 : 2 * len(text) // 3]
    result = identify(third)
    assert top_id(result) == "apache-2.0"
    assert 0.2 < result.matches[0].coverage < 0.5
    assert any(d.kind == "truncated" for d in result.differences)


def test_dropped_paragraph_is_named(text_of) -> None:  # type: ignore[no-untyped-def]
    text = text_of("apache-2.0")
    target = next(p for p in paragraphs(text) if "Grant of Patent License" in p)
    start = text.index(target)
    altered = text.replace(target, "", 1)
    expected = {c.ref for c in segment(text) if c.start <= start + 40 < c.end}
    result = identify(altered)
    assert top_id(result) == "apache-2.0"
    named = {d.ref for d in result.differences if d.kind in ("dropped", "changed")}
    assert expected & named


def test_added_clause_is_reported_with_its_text(text_of) -> None:  # type: ignore[no-untyped-def]
    text = text_of("gemma-pup-2024-02-21")
    cut = text.index("\n", len(text) // 2)
    altered = text[:cut] + "\n\n" + ADDED_CLAUSE + "\n" + text[cut:]
    result = identify(altered)
    assert top_id(result) == "gemma-pup-2024-02-21"
    added = [d for d in result.differences if d.kind in ("added", "changed") and d.text]
    assert any("village choir" in (d.text or "") for d in added)
    hit = next(d for d in added if "village choir" in (d.text or ""))
    assert hit.start is not None and altered[hit.start : hit.end].strip()


def test_joined_license_and_policy_lists_both(text_of) -> None:  # type: ignore[no-untyped-def]
    joined = text_of("gemma-tou-2025-03-24") + "\n\n" + text_of("gemma-pup-2024-02-21")
    found = ids(identify(joined, differences=False))
    assert {"gemma-tou-2025-03-24", "gemma-pup-2024-02-21"} <= set(found)


@pytest.mark.parametrize(
    ("key", "sibling"),
    [
        ("gemma-tou-2024-04-01", "gemma-tou-2025-03-24"),
        ("gemma-tou-2025-03-24", "gemma-tou-2024-04-01"),
        ("ltxv-owl-2025-04-17", "ltxv-owl-2025-05-05"),
        ("ltxv-owl-2025-05-05", "ltxv-owl-2025-04-17"),
        ("cc-by-nc-sa-4.0", "cc-by-sa-4.0"),
    ],
)
def test_version_siblings_are_told_apart(text_of, key: str, sibling: str) -> None:  # type: ignore[no-untyped-def]
    result = identify(rewrap(text_of(key), 72), differences=False)
    assert top_id(result) == key
    scores = {m.id: m.score for m in result.matches}
    assert scores.get(sibling, 0.0) < scores[key] - 0.02


@pytest.mark.parametrize(
    "text",
    [
        TEAM_PROSE * 4,
        "This model is released under the Apache 2.0 license.",
        "MIT",
        "",
    ],
)
def test_text_that_is_no_license_matches_nothing(text: str) -> None:
    assert identify(text).matches == ()


@pytest.mark.parametrize(
    "key", ["cc-by-nd-4.0", "cc-by-nc-nd-4.0", "isc", "zlib", "gpl-2.0", "apache-1.1", "epl-2.0"]
)
def test_licenses_outside_the_registry_match_nothing(text_of, key: str) -> None:  # type: ignore[no-untyped-def]
    """Relatives of registry documents (CC BY-ND beside CC BY) and other licenses."""
    assert identify(text_of(key)).matches == ()


def test_a_borrowed_paragraph_is_not_a_match(text_of) -> None:  # type: ignore[no-untyped-def]
    disclaimer = next(p for p in paragraphs(text_of("apache-2.0")) if "Disclaimer of Warranty" in p)
    mixed = TEAM_PROSE * 3 + "\n\n" + disclaimer + "\n\n" + TEAM_PROSE * 2
    assert identify(mixed).matches == ()


def test_shingles_survive_rewrapping_and_case() -> None:
    a = shingle_hashes(tokenize("The Quick brown fox jumps over the lazy dog, twice.").words)
    b = shingle_hashes(tokenize("the quick\nbrown   FOX jumps over\nthe lazy dog twice").words)
    assert a == b and a


def test_version_numbers_are_words() -> None:
    assert (
        tokenize("Llama 3.1 Community License").words
        != tokenize("Llama 3.2 Community License").words
    )


def test_committed_fingerprints_match_the_registry(catalog: Catalog) -> None:
    prints = load_prints()
    with_text = sorted(d.id for d in catalog.licenses.values() if d.text.origin != "none")
    assert sorted(d.id for d in prints.documents) == with_text
    assert list(prints.registry_ids) == sorted(catalog.licenses)
    for doc in prints.documents:
        record = catalog.licenses[doc.id]
        assert doc.name == record.name
        assert doc.scancode_key == record.identifiers.scancode
        assert doc.hf_id == (record.identifiers.hf[0] if record.identifiers.hf else None)
        twins = sorted(d.id for d in catalog.licenses.values() if d.same_as == doc.id)
        assert sorted(t[0] for t in doc.twins) == twins


def test_committed_fingerprints_match_the_scancode_texts(catalog: Catalog, text_of) -> None:  # type: ignore[no-untyped-def]
    prints = load_prints().by_id()
    for record in catalog.licenses.values():
        if record.text.origin != "scancode":
            continue
        rebuilt = build_document(
            {"id": record.id, "name": record.name, "type": record.type, "family": record.family},
            text_of(record.text.key or record.id),
        )
        assert rebuilt.source_sha256 == prints[record.id].source_sha256, record.id
        assert rebuilt.shingles == prints[record.id].shingles, record.id


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def test_fingerprints_hold_no_license_text() -> None:
    data = json.loads((fingerprint_dir() / "documents.json").read_text(encoding="utf-8"))
    strings = _strings(data)
    assert strings and max(len(s) for s in strings) <= 100  # names, locators, hashes only
    assert all(len(c[0]) <= 100 for d in data["documents"] for c in d["clauses"])


def test_dev_cases_when_shared_is_present(shared: Path) -> None:
    cases_dir = shared / "eval" / "identify-dev"
    cases = json.loads((cases_dir / "cases.json").read_text())
    right = 0
    for case in cases:
        result = identify((cases_dir / case["file"]).read_text(), differences=False)
        got = [m.id for m in result.matches]
        if not case["expect"]:
            right += not got
        elif len(case["expect"]) == 1:
            right += bool(got) and got[0] == case["expect"][0]
        else:
            right += set(case["expect"]) <= set(got)
    assert right / len(cases) >= 0.98


def test_renumbered_lists_keep_their_shingles() -> None:
    a = tokenize("1. You shall not harm people.\n2. You shall not deceive people.").words
    b = tokenize("1. You shall not harm people.\n1. You shall not deceive people.").words
    assert a == b
    assert "30" in tokenize("Notice within\n30 days.").words


def test_html_copy_is_identified(text_of) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"<p>{' '.join(p.split())}</p>\n" for p in paragraphs(text_of("mpl-2.0")))
    result = identify(f"<html><body><h1>License</h1>\n{body}</body></html>")
    assert top_id(result) == "mpl-2.0"
    assert result.matches[0].score > 0.97


def test_repeated_copies_are_one_match(text_of) -> None:  # type: ignore[no-untyped-def]
    result = identify(text_of("apache-2.0") * 5)
    assert ids(result) == ["apache-2.0"]


def test_identifier_resolution(catalog: Catalog) -> None:
    from railkit.errors import UnknownIdError
    from railkit.licensing.registry import AmbiguousIdError, resolve_id, select

    assert resolve_id(catalog, "Apache-2.0") == "apache-2.0"
    assert resolve_id(catalog, "llama-3.3-license-2024") == "llama3.3-license"
    assert resolve_id(catalog, "LicenseRef-scancode-gemma-pup-2024-02-21") == (
        "gemma-pup-2024-02-21"
    )
    with pytest.raises(AmbiguousIdError) as family:
        resolve_id(catalog, "openrail")
    assert "creativeml-openrail-m" in family.value.candidates
    with pytest.raises(UnknownIdError) as unknown:
        resolve_id(catalog, "apache-2.1")
    assert unknown.value.suggestions
    aups = select(catalog, type="aup")
    assert aups and all(d.type == "acceptable-use-policy" for d in aups)


def test_a_removed_negation_is_a_changed_clause(text_of) -> None:  # type: ignore[no-untyped-def]
    text = text_of("bigscience-open-rail-m")
    altered = text.replace("You agree not to use the Model", "You agree to use the Model", 1)
    assert altered != text
    result = identify(altered)
    assert top_id(result) == "bigscience-openrail-m"
    changed = [d for d in result.differences if d.kind == "changed"]
    assert any("You agree to use the Model" in (d.text or "") for d in changed)
    assert all(d.ref for d in changed)


def test_dev_differences_when_shared_is_present(shared: Path) -> None:
    cases_dir = shared / "eval" / "identify-dev"
    cases = json.loads((cases_dir / "cases.json").read_text())
    for case in cases:
        if case["kind"] not in ("dropped-item", "added-item"):
            continue
        result = identify((cases_dir / case["file"]).read_text())
        doc = case["expect"][0]
        if case["kind"] == "dropped-item":
            assert any(
                d.kind in ("dropped", "changed") and d.document == doc and d.ref
                for d in result.differences
            ), case["file"]
        else:
            assert any(d.kind in ("added", "changed") and d.text for d in result.differences), case[
                "file"
            ]
