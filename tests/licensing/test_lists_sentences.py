"""List markers, the numbering stack, sentences and inline enumerations."""

from __future__ import annotations

import pytest

from railkit.licensing.lists import ListStack, parse_marker, roman_value
from railkit.licensing.sentences import inline_items, sentences


@pytest.mark.parametrize(
    ("token", "value"), [("i", 1), ("iv", 4), ("ix", 9), ("XIV", 14), ("viii", 8), ("iiii", None)]
)
def test_roman_value(token: str, value: int | None) -> None:
    assert roman_value(token) == value


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("1. Text", "1"),
        ("12) Text", "12"),
        ("5.1. Text", "5.1"),
        ("3.2.1 Text", "3.2.1"),
        ("(c) text", "(c)"),
        ("(iv) text", "(iv)"),
        ("b. text", "b"),
        ("Section 4. Text", "Section 4"),
        ("1.Definitions", "1"),
    ],
)
def test_parse_marker_labels(line: str, label: str) -> None:
    marker = parse_marker(line, 0, len(line))
    assert marker is not None
    assert marker.readings[0].label == label
    assert line[marker.body :].lower().startswith(("text", "definitions"))


@pytest.mark.parametrize("line", ["1.5 million users", "e.g. this", "2019 was", "(see above)"])
def test_not_markers(line: str) -> None:
    marker = parse_marker(line, 0, len(line))
    assert marker is None or line.startswith("1.5")  # "1.5" reads as a section number


def place_all(lines: list[tuple[str, int]], informative: bool = False) -> list[str]:
    stack = ListStack(informative=informative)
    out = []
    for text, indent in lines:
        marker = parse_marker(text, 0, len(text))
        assert marker is not None
        stack.place(marker, indent)
        out.append(stack.path())
    return out


def test_numbering_decides_nesting_without_indentation() -> None:
    lines = [("1. a", 0), ("a. b", 0), ("i. c", 0), ("ii. d", 0), ("b. e", 0), ("i. f", 0)]
    lines += [("h. g", 0), ("i. h", 0), ("2. i", 0), ("1. j", 0), ("3. k", 0)]
    assert place_all(lines) == [
        "1", "1.a", "1.a.i", "1.a.ii", "1.b", "1.b.i", "1.h", "1.i", "2", "2.1", "3",
    ]  # fmt: skip


def test_indentation_decides_nesting_when_present() -> None:
    lines = [("1. a", 0), ("1. b", 4), ("1. c", 8), ("2. d", 8), ("2. e", 4), ("2. f", 0)]
    assert place_all(lines, informative=True) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]


def test_bullets_and_parenthesised_items() -> None:
    assert place_all([("- a", 0), ("- b", 0), ("- c", 4), ("- d", 0)]) == [
        "item 1",
        "item 2",
        "item 2.1",
        "item 3",
    ]
    assert place_all([("2. a", 0), ("(a) b", 0), ("(b) c", 0), ("3. d", 0)]) == [
        "2",
        "2(a)",
        "2(b)",
        "3",
    ]


def test_sentences_respect_abbreviations_and_quoted_numbers() -> None:
    text = "See e.g. the U.S. rules. Then “3. Restrictions” applies. Done!"
    parts = [text[s:e] for s, e in sentences(text, 0, len(text))]
    assert parts == ["See e.g. the U.S. rules.", "Then “3. Restrictions” applies.", "Done!"]


def test_inline_items_need_punctuation_between_markers() -> None:
    text = "You shall: (i) keep notices; (ii) add a file, and (iii) tell users."
    lead, items = inline_items(text, 0, len(text))
    assert text[:lead].strip() == "You shall:"
    assert [(label, bare, text[s:e]) for label, bare, s, e in items] == [
        ("i", False, "keep notices"),
        ("ii", False, "add a file"),
        ("iii", False, "tell users."),
    ]
    ref = "rights under Section 2(a) and (b) of this agreement"
    assert inline_items(ref, 0, len(ref)) == (len(ref), [])


def test_run_in_sections_are_bare_items_and_come_first() -> None:
    text = (
        "These terms apply. a. Sharing. You shall: (i) keep notices; (ii) add a file. "
        "b. Limits. You may not resell it."
    )
    lead, items = inline_items(text, 0, len(text))
    assert text[:lead].strip() == "These terms apply."
    assert [(label, bare) for label, bare, _, _ in items] == [("a", True), ("b", True)]
    assert text[items[1][2] : items[1][3]] == "Limits. You may not resell it."
    plain = "Use version 1. Then see item 2. Nothing else."
    assert inline_items(plain, 0, len(plain)) == (len(plain), [])
