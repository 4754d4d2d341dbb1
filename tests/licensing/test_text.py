"""Normalisation of Markdown and HTML to plain text with a map back to the original."""

from __future__ import annotations

import pytest

from railkit.licensing.text import detect_format, normalise


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><p>x</p></html>", "html"),
        ("<p>a</p><p>b</p><ul><li>c</li></ul>", "html"),
        ("# Title\n\nSome **bold** words.", "markdown"),
        ("See [the policy](https://example.org).", "markdown"),
        ("1. Plain numbered text.\n(a) item", "text"),
    ],
)
def test_detect_format(text: str, fmt: str) -> None:
    assert detect_format(text) == fmt


def test_markdown_markup_removed_and_mapped() -> None:
    src = "Keep **this** and [that](http://x.org/a) \\* here"
    plain = normalise(src, "markdown")
    assert plain.text == "Keep this and that * here"
    at = plain.text.index("that")
    start, end = plain.span(at, at + 4)
    assert src[start:end].startswith("[that](http://x.org/a)")
    assert src[plain.original(plain.text.index("this"))] == "t"


def test_html_blocks_become_lines_and_entities_map_to_their_source() -> None:
    src = "<h1>Terms</h1><p>Use &amp; share</p><ol><li>one</li><li>two</li></ol>"
    plain = normalise(src, "html")
    lines = [x.strip() for x in plain.text.splitlines() if x.strip()]
    assert lines == ["# Terms", "Use & share", "1. one", "2. two"]
    amp = plain.text.index("&")
    assert src[plain.original(amp) :].startswith("&amp;")


def test_plain_text_is_identity() -> None:
    plain = normalise("a  b\nc", "text")
    assert plain.text == "a  b\nc" and plain.span(2, 4) == (2, 4)


def test_broken_html_does_not_raise() -> None:
    plain = normalise("<p>open <b>bold <li>item</p></div></span><", "html")
    assert "item" in plain.text


def test_markdown_blockquote_marks_dropped() -> None:
    plain = normalise("> You may not resell it.\n> Nor rent it.", "markdown")
    assert plain.text == "You may not resell it.\nNor rent it."
