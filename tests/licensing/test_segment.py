"""Segmentation: locators as printed, lead-in context, offsets, Markdown/HTML, real licenses."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from railkit.licensing.segment import Clause, segment
from railkit.licensing.text import normalise
from tests.conftest import scancode_text


def flat(s: str) -> str:
    return " ".join(s.split())


def refs(clauses: list[Clause]) -> list[str]:
    return [c.ref for c in clauses]


def assert_offsets(text: str, clauses: list[Clause], fmt: str = "text") -> None:
    for c in clauses:
        assert 0 <= c.start < c.end <= len(text)
        assert flat(normalise(text[c.start : c.end], fmt).text) == c.text, c.ref


LEAD_IN = """EXAMPLE TOOL LICENSE

Use Restrictions

You agree not to use the Tool:
(a) to build weapons of any kind;
(b) to track people without their consent; and
(c) to give legal advice.
"""


def test_list_with_lead_in_gives_one_clause_per_item_with_context() -> None:
    clauses = segment(LEAD_IN)
    items = [c for c in clauses if c.ref.endswith(")")]
    assert refs(items) == ["Use Restrictions (a)", "Use Restrictions (b)", "Use Restrictions (c)"]
    assert items[1].text == "to track people without their consent; and"
    assert all(c.context == "You agree not to use the Tool:" for c in items)
    assert_offsets(LEAD_IN, clauses)


def test_inline_enumeration_is_split_and_keeps_lead_in() -> None:
    text = (
        "7. Limits. The licensee shall not use the Tool: (a) for mass surveillance; "
        "(b) to score citizens; or (c) in weapons. Other terms follow here."
    )
    clauses = segment(text)
    by_ref = {c.ref: c for c in clauses}
    assert by_ref["7(a)"].text == "for mass surveillance"
    assert by_ref["7(b)"].text == "to score citizens"
    assert by_ref["7(c)"].text == "in weapons."
    assert by_ref["7(b)"].context is not None
    assert by_ref["7(b)"].context.endswith("shall not use the Tool:")
    assert clauses[-1].ref == "7" and clauses[-1].text == "Other terms follow here."
    assert_offsets(text, clauses)


def test_cross_references_are_not_lists() -> None:
    text = "The rights in Section 2(a) and (b) end when this agreement ends."
    assert refs(segment(text)) == ["¶1"]


NESTED = """1. Permissions and duties.
a. Grant. You may run the Tool.
b. Sharing:
i. keep this notice;
ii. keep the list of changes.
c. Scope. This covers copies.
2. Ending. These terms can end.
"""


def test_flush_left_nesting_follows_the_numbering() -> None:
    clauses = segment(NESTED)
    assert "1.b.i" in refs(clauses) and "1.b.ii" in refs(clauses)
    assert "1.c" in refs(clauses) and "2" in refs(clauses)
    ii = next(c for c in clauses if c.ref == "1.b.ii")
    assert ii.text == "keep the list of changes."
    assert ii.context is not None and "Sharing:" in ii.context
    # "Grant." and "Ending." are titles, not clauses
    assert all(c.text not in ("Grant.", "Ending.") for c in clauses)
    assert_offsets(NESTED, clauses)


MARKDOWN = """# Example Use Policy

## Prohibited Uses

You will not use the **Model** to:

1. Break the law, including to:
    1. Plan violent acts
    2. Sell illegal goods, see [the list](https://example.org/list)
2. Deceive people
"""


def test_markdown_list_by_indentation_and_markup_dropped() -> None:
    clauses = segment(MARKDOWN)
    by_ref = {c.ref: c for c in clauses}
    assert by_ref["Prohibited Uses 1.2"].text == "Sell illegal goods, see the list"
    assert by_ref["Prohibited Uses 2"].text == "Deceive people"
    assert by_ref["Prohibited Uses 1.1"].context == (
        "You will not use the Model to: Break the law, including to:"
    )
    original = MARKDOWN[by_ref["Prohibited Uses 1.2"].start : by_ref["Prohibited Uses 1.2"].end]
    assert original.endswith("(https://example.org/list)")
    assert_offsets(MARKDOWN, clauses, "markdown")


HTML = """<html><body><h1>Example Model License</h1><h2>Use Restrictions</h2>
<p>You agree not to use the Model:</p>
<ol type="a"><li>to stalk anyone;</li><li>to make &amp; sell malware.</li></ol>
</body></html>"""


def test_html_lists_get_printed_markers_and_original_offsets() -> None:
    clauses = segment(HTML)
    by_ref = {c.ref: c for c in clauses}
    assert by_ref["Use Restrictions b"].text == "to make & sell malware."
    assert by_ref["Use Restrictions b"].context == "You agree not to use the Model:"
    b = by_ref["Use Restrictions b"]
    assert HTML[b.start : b.end] == "to make &amp; sell malware."


def test_sentences_split_but_not_at_abbreviations() -> None:
    text = (
        "The Tool may be used for any purpose, e.g. research or teaching. You must keep "
        "this notice. The licensor, Example Inc. of the U.S. market, gives no warranty."
    )
    clauses = segment(text)
    assert len(clauses) == 3
    assert clauses[0].text.endswith("research or teaching.")
    assert clauses[2].text.startswith("The licensor, Example Inc. of the U.S. market")


def test_hard_wrapped_item_is_one_clause() -> None:
    text = (
        "Attachment A\n\nYou agree not to use the Model:\n"
        "(a) to generate or disseminate false information with the purpose\n"
        "    of harming others, including in elections;\n"
        "(b) to impersonate others.\n"
    )
    clauses = segment(text)
    a = next(c for c in clauses if c.ref == "Attachment A (a)")
    assert a.text.endswith("including in elections;")
    assert_offsets(text, clauses)


@pytest.mark.parametrize("text", ["", "   \n\n", "12345\n----\n....\n"])
def test_text_without_clauses_gives_nothing(text: str) -> None:
    assert segment(text) == []


@pytest.mark.parametrize(
    "text", ["(a" * 20_000, "x" + " " * 50_000 + "." * 50_000, "a. " * 30_000, "<ol><li>" * 2000]
)
def test_hostile_text_is_handled(text: str) -> None:
    for clause in segment(text):
        assert clause.start <= clause.end


# --- real licenses (ScanCode package data) ----------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "bigscience-open-rail-m",
        "bigcode-open-rail-m-v1",
        "llama-3.1-license-2024",
        "llama-4-cla-2025",
        "gemma-tou-2024-04-01",
        "gemma-pup-2024-02-21",
        "qwen-2024",
        "deepseek-la-1.0",
        "apache-2.0",
    ],
)
def test_real_license_offsets_point_into_the_original(scancode_licenses: Path, key: str) -> None:
    text = scancode_text(scancode_licenses, key)
    clauses = segment(text)
    assert len(clauses) >= 10
    assert_offsets(text, clauses)
    assert [c.start for c in clauses] == sorted(c.start for c in clauses)


def test_openrail_attachment_items(scancode_licenses: Path) -> None:
    clauses = segment(scancode_text(scancode_licenses, "bigscience-open-rail-m"))
    items = [c for c in clauses if c.ref.startswith("Attachment A (")]
    assert [c.ref for c in items[:3]] == [
        "Attachment A (a)",
        "Attachment A (b)",
        "Attachment A (c)",
    ]
    assert len(items) >= 10
    assert all(c.context and c.context.lower().startswith("you agree not to use") for c in items)


def test_llama_nested_locators(scancode_licenses: Path) -> None:
    clauses = segment(scancode_text(scancode_licenses, "llama-3.1-license-2024"))
    found = set(refs(clauses))
    assert {"1.a", "1.b.i", "1.b.ii", "1.b.iii", "1.b.iv", "2", "5.c"} <= found
    assert {"1.b.i(A)", "1.b.i(B)"} <= found
    threshold = next(c for c in clauses if c.ref == "2")
    assert "monthly active users" in threshold.text


def test_policy_paragraphs_after_a_lead_in_carry_it(scancode_licenses: Path) -> None:
    clauses = segment(scancode_text(scancode_licenses, "gemma-pup-2024-02-21"))
    with_context = [c for c in clauses if c.context]
    assert len(with_context) >= 10
    assert all("use" in (c.context or "").lower() for c in with_context)


def test_hanging_indent_keeps_an_item_whole_across_sentences() -> None:
    text = (
        "You agree not to use the Software to:\n\n"
        " i.  Infer the health of any person from photos or voice.\n"
        "     Inference for accessibility features is allowed when the\n"
        "     user agrees.\n"
        " ii. Rank job applicants without human review.\n"
    )
    clauses = segment(text)
    first = next(c for c in clauses if c.ref == "i")
    assert first.text.endswith("when the user agrees.")
    assert (
        next(c for c in clauses if c.ref == "ii").context == "You agree not to use the Software to:"
    )
    assert_offsets(text, clauses)


def test_indented_unmarked_items_under_a_lead_in_stay_separate() -> None:
    text = (
        "You must not use the Service to:\n\n"
        "    Harm people, including:\n"
        "        Stalking someone;\n"
        "        Threatening someone;\n"
    )
    clauses = segment(text)
    assert [c.text for c in clauses[-2:]] == ["Stalking someone;", "Threatening someone;"]
    assert all(c.context and "must not use" in c.context for c in clauses[-2:])


def test_crlf_line_endings_give_the_same_clauses() -> None:
    crlf = NESTED.replace("\n", "\r\n")
    assert [(c.ref, c.text) for c in segment(crlf)] == [(c.ref, c.text) for c in segment(NESTED)]
    assert_offsets(crlf, segment(crlf))


def test_items_run_together_on_one_line_are_split() -> None:
    text = "4. Conditions:\na. Keep the notice; b. Mark changes; c. Share the terms.\n"
    clauses = segment(text)
    assert [(c.ref, c.text) for c in clauses[1:]] == [
        ("4.a", "Keep the notice;"),
        ("4.b", "Mark changes;"),
        ("4.c", "Share the terms."),
    ]


def test_run_in_sections_of_a_pasted_pdf() -> None:
    text = (
        "GENERAL TERMS\n\nThe following terms apply. a. Sharing. If you share the Model, you "
        "shall: (i) keep this notice, (ii) name the author, and (iii) link the terms. "
        "b. Limits. You may not sell the Model.\n"
    )
    refs = [(c.ref, c.text) for c in segment("TITLE\n\n" + text)]
    assert ("GENERAL TERMS a(ii)", "name the author") in refs
    assert ("GENERAL TERMS b", "You may not sell the Model.") in refs


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1. ",
                "a. ",
                "(i) ",
                "(b) ",
                "- ",
                "    ",
                "\n",
                "\n\n",
                "Attachment A",
                ": ",
                "; ",
                "You may not use it",
                "to harm people",
                ". ",
                "Section 2 ",
                "e.g. ",
                "*",
                "[x](y)",
            ]
        ),
        max_size=40,
    )
)
def test_any_text_gives_valid_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    for clause in segment(text, "text"):
        assert 0 <= clause.start < clause.end <= len(text)
        assert flat(text[clause.start : clause.end]) == clause.text


def test_short_last_item_before_a_paragraph_is_a_clause_not_a_title() -> None:
    text = "You must not:\n1. Harm people.\n2. Spam anyone.\nPlease report misuse to us.\n"
    clauses = segment(text)
    assert ("2", "Spam anyone.") in [(c.ref, c.text) for c in clauses]
    assert clauses[-1].text == "Please report misuse to us." and clauses[-1].ref.startswith("¶")


def test_html_nested_lists() -> None:
    page = (
        "<h1>T</h1><p>You must not:</p><ol><li>Harm people, including:<ol type='a'>"
        "<li><p>stalking;</p></li><li>threats.</li></ol></li><li>Spam <b>anyone</b>.</li></ol>"
    )
    got = [(c.ref, c.text) for c in segment(page)]
    assert got[1:] == [
        ("1", "Harm people, including:"),
        ("1.a", "stalking;"),
        ("1.b", "threats."),
        ("2", "Spam anyone."),
    ]


def test_title_case_item_of_a_list_of_uses_is_kept() -> None:
    text = "You must not use it for:\n1. Mass Surveillance\n2. Social Scoring\nReport misuse.\n"
    assert [(c.ref, c.text) for c in segment(text)][1:3] == [
        ("1", "Mass Surveillance"),
        ("2", "Social Scoring"),
    ]


def test_roman_sections_and_article_headings() -> None:
    text = (
        "SAMPLE TERMS\n\nI. GRANT\nA. You may run it.\nB. You may share it.\nII. LIMITS\n"
        "A. You may not track people.\n\nArticle 7 - Export\nYou will follow export laws.\n"
        "Section 8.1 Keep records.\n"
    )
    got = [(c.ref, c.text) for c in segment(text)]
    assert ("I.B", "You may share it.") in got
    assert ("II.A", "You may not track people.") in got
    assert ("Article 7", "You will follow export laws.") in got
    assert ("Section 8.1", "Keep records.") in got


@pytest.mark.parametrize("sep", ["\r", "\u2028", "\x0c"])
def test_other_line_breaks(sep: str) -> None:
    text = NESTED.replace("\n", sep)
    assert [(c.ref, c.text) for c in segment(text)] == [(c.ref, c.text) for c in segment(NESTED)]
    assert_offsets(text, segment(text))
