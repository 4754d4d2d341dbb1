"""Browse the knowledge base in a real browser: navigation, a category page, copy button."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def test_home_to_category_and_copy_clause(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.get_by_role("heading", name="Licensing").is_visible()
    page.get_by_role("link", name="Taxonomy", exact=True).first.click()
    page.get_by_role("link", name="Biometric identification and categorisation").click()
    assert page.get_by_role("heading", name="Standardized clause").is_visible()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy clause").click()
    page.get_by_role("button", name="Copied").wait_for(timeout=3000)


def test_glossary_search_keyboard_only(page: Any, base_url: str) -> None:
    page.goto(base_url + "/glossary")
    page.get_by_label("Find a term").fill("model")
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary?q=model")
    assert page.locator("article.term").count() >= 1
