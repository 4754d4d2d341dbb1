"""End-to-end flows in a real browser: analyze a license, compare two, check a use, and go
through the rights interview to a memo and its downloads (screenshots kept by ``page``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import scancode_text

pytestmark = pytest.mark.e2e

ANSWERS: dict[str, str | list[str]] = {
    "role": "writer",
    "residence": "FR",
    "ai-use": "text-generation",
    "work-kind": "book",
    "work-published": "yes",
    "work-where": "publisher",
    "work-personal-data": "no",
    "work-optout": "yes",
    "work-us-registered": "no",
    "concerns": ["training-on-my-work", "outputs-reproduce-my-work"],
    "goals": ["compensation", "stop-future-use"],
    "developer-name": "Example Labs",
    "developer-establishments": "US",
    "developer-offers": "EU, US",
}


def test_analyze_a_pasted_license(page: Any, base_url: str, scancode_licenses: Path) -> None:
    text = scancode_text(scancode_licenses, "bigscience-open-rail-m")
    page.goto(base_url + "/analyze")
    page.get_by_label("License text").fill(text)
    page.get_by_role("button", name="Analyze").click()
    page.get_by_role("heading", name="Results").wait_for()
    match = page.locator("table.matches a[href='/licenses/bigscience-openrail-m']")
    assert match.is_visible()
    assert page.locator("ol.clauses li.flagged").count() >= 10
    assert page.locator("ol.clauses mark").count() >= 5
    # focus moved to the results for keyboard and screen-reader users
    assert page.evaluate("document.activeElement.id") == "results-heading"
    page.locator("ol.clauses li.flagged a[href^='/taxonomy/']").first.click()
    page.get_by_role("heading", name="Standardized clause").wait_for()


def test_bad_upload_shows_message(page: Any, base_url: str, tmp_path: Path) -> None:
    binary = tmp_path / "model.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    page.goto(base_url + "/analyze")
    page.get_by_label("Or upload a file").set_input_files(str(binary))
    page.get_by_role("button", name="Analyze").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "looks binary" in alert.inner_text()


def test_compare_two_licenses_and_download_csv(page: Any, base_url: str) -> None:
    page.goto(base_url + "/compare")
    page.get_by_label("Known licenses").select_option(["bigscience-openrail-m", "llama3.1-aup"])
    page.get_by_role("button", name="Compare").click()
    table = page.locator("table.matrix")
    table.wait_for()
    headers = table.locator("thead th").all_inner_texts()
    assert any("BigScience Open RAIL-M" in h for h in headers)
    assert any("Llama 3.1" in h for h in headers)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    data = Path(info.value.path()).read_text(encoding="utf-8")
    assert data.startswith("kind,id,")
    assert "child-safety" in data and "Attachment A (b)" in data


def test_check_a_use(page: Any, base_url: str) -> None:
    page.goto(base_url + "/check-use")
    page.get_by_label("Intended use").fill("generate fake news articles to mislead voters")
    page.get_by_label("Known licenses").select_option(["bigscience-openrail-m", "mit"])
    page.get_by_role("button", name="Check").click()
    page.get_by_role("heading", name="Verdicts").wait_for()
    cards = page.locator("section.verdict-card")
    assert cards.count() == 2
    rail = cards.filter(has_text="BigScience Open RAIL-M").inner_text()
    assert "Restricted" in rail or "Needs review" in rail
    assert "Attachment A" in rail
    assert "No restriction found" in cards.filter(has_text="MIT License").inner_text()


def _answer_step(page: Any, qid: str) -> None:
    reply = ANSWERS.get(qid, "")
    if isinstance(reply, list):
        for value in reply:
            page.locator(f"#answer-{value}").check()
    elif page.locator("select#answer").count():
        page.locator("select#answer").select_option(reply)
    elif page.locator("#answer-yes").count():
        page.locator(f"#answer-{reply}").check()
    else:
        field = page.locator("#answer")
        field.fill(reply)
        if field.evaluate("e => e.tagName") == "INPUT":
            field.press("Enter")  # keyboard: Enter submits with the first button (Next)
            return
    page.get_by_role("button", name="Next").click()


def test_rights_interview_memo_and_downloads(page: Any, base_url: str) -> None:
    page.goto(base_url + "/rights")
    asked = []
    for _ in range(30):
        question = page.locator("input[name=question]")
        if question.count() == 0:
            break
        qid = question.get_attribute("value")
        asked.append(qid)
        _answer_step(page, qid)
        page.wait_for_load_state()
    assert "residence" in asked and "goals" in asked
    page.get_by_role("heading", name="Applicable", exact=False).first.wait_for()
    assert page.locator("article.mechanism").count() > 10
    page.get_by_role("button", name="Write the research memo").click()
    page.get_by_role("heading", name="Table of authorities").wait_for()
    assert "Example Labs" not in page.url  # answers travel in the form, never in the URL
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Markdown").click()
    markdown = Path(info.value.path()).read_bytes()
    assert markdown.startswith(b"# ") and b"not legal advice" in markdown
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Word (DOCX)").click()
    assert Path(info.value.path()).read_bytes()[:4] == b"PK\x03\x04"
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download PDF").click()
    assert Path(info.value.path()).read_bytes()[:5] == b"%PDF-"


def test_save_and_delete_a_case(page: Any, base_url: str) -> None:
    page.goto(base_url + "/rights/form")
    page.get_by_label("What do you do?").select_option("photographer")
    page.get_by_label("Where do you live?").fill("GB")
    page.get_by_role("button", name="See my options").click()
    page.get_by_label("Name of the case").fill("Photos on my blog")
    page.get_by_role("button", name="Save this case").click()
    page.get_by_role("status").filter(has_text="The case was saved.").wait_for()
    assert page.get_by_role("link", name="Photos on my blog").is_visible()
    page.get_by_role("button", name="Delete Photos on my blog").click()
    page.get_by_role("status").filter(has_text="The item was deleted.").wait_for()
    assert page.get_by_role("link", name="Photos on my blog").count() == 0
