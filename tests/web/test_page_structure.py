"""Accessibility structure of the analysis, comparison, use-check, rights and saved pages:
one h1, no skipped heading levels, every visible form control labelled, no inline script or
style, a CSRF field in every POST form."""

from __future__ import annotations

import itertools
import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import csrf_from

TEXT = (
    "1. You agree not to use the Model to identify people by facial recognition.\n\n"
    "2. You agree not to use the Model to generate malware.\n"
)


def _pages(client: TestClient) -> dict[str, str]:
    token = csrf_from(client.get("/analyze").text)
    situation = '{"person": {"role": "writer", "residence": "FR"}}'
    posts = {
        "/analyze": {"text": TEXT},
        "/compare": {"licenses": ["llama3.1-license", "bigscience-openrail-m"]},
        "/check-use": {"use": "face recognition of shoppers", "licenses": ["llama3.1-aup"]},
        "/rights/assess": {"person.role": "writer"},
        "/rights/memo": {"situation": situation},
    }
    pages = {p: client.get(p).text for p in ("/analyze", "/compare", "/check-use", "/rights")}
    pages["/rights/form"] = client.get("/rights/form").text
    pages["/saved"] = client.get("/saved").text
    for path, data in posts.items():
        response = client.post(path, data={"csrf_token": token, **data})
        assert response.status_code == 200, (path, response.text[:300])
        pages["POST " + path] = response.text
    return pages


@pytest.fixture(scope="module")
def pages(client: TestClient) -> dict[str, str]:
    return _pages(client)


def test_headings_are_in_order(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
        assert levels.count(1) == 1, name
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not jumps, (name, jumps)


def test_every_control_is_labelled(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        labelled = set(re.findall(r'<label for="([^"]+)"', html))
        for match in re.finditer(r"<(input|select|textarea)\b([^>]*)>", html):
            attrs = match.group(2)
            if 'type="hidden"' in attrs:
                continue
            inside_label = html.rfind("<label", 0, match.start()) > html.rfind(
                "</label>", 0, match.start()
            )
            found = re.search(r'id="([^"]+)"', attrs)
            assert inside_label or (found and found.group(1) in labelled), (name, match.group(0))


def test_no_inline_script_or_style_and_csrf_in_forms(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        assert "<script>" not in html and " style=" not in html, name
        assert not re.search(r"\son[a-z]+=", html), name
        for form in re.findall(r'<form method="post".*?</form>', html, flags=re.S):
            assert 'name="csrf_token"' in form, (name, form[:120])


def test_results_are_announced(pages: dict[str, str]) -> None:
    for name in ("POST /analyze", "POST /compare", "POST /check-use", "POST /rights/assess"):
        assert 'aria-live="polite"' in pages[name], name
