"""Route tests for the core pages and API endpoints, including errors and headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from railkit.kb import Catalog

PAGES = [
    "/",
    "/about",
    "/taxonomy",
    "/taxonomy/biometrics",
    "/taxonomy/user-threshold",
    "/glossary",
    "/glossary?q=model",
    "/licenses",
    "/api",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_notice_and_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]
    assert "not legal advice" in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in response.text  # no inline script


def test_every_category_page_renders(client: TestClient, catalog: Catalog) -> None:
    for cid, cat in catalog.categories.items():
        response = client.get(f"/taxonomy/{cid}")
        assert response.status_code == 200, cid
        assert cat.clause.short.split()[0] in response.text


def test_unknown_category_is_404_with_suggestion(client: TestClient) -> None:
    response = client.get("/taxonomy/biometric")
    assert response.status_code == 404
    assert "biometrics" in response.text
    api = client.get("/api/taxonomy/biometric")
    assert api.status_code == 404 and "did you mean" in api.json()["error"]


def test_user_text_is_escaped(client: TestClient) -> None:
    response = client.get("/glossary", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_api_lists_taxonomy_and_glossary(client: TestClient, catalog: Catalog) -> None:
    data = client.get("/api/taxonomy").json()
    assert {c["id"] for c in data["categories"]} == set(catalog.categories)
    assert len(client.get("/api/glossary").json()) == len(catalog.glossary)
    about = client.get("/api/about").json()
    assert "not legal advice" in about["notice"] and about["law_as_of"]


def test_openapi_schema_is_served(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/taxonomy" in schema["paths"]


def test_oversized_request_is_413(client: TestClient) -> None:
    response = client.post(
        "/glossary", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 413
    assert "limit" in response.text


def test_api_write_requires_json(client: TestClient) -> None:
    response = client.post("/api/about", data={"a": "b"})
    assert response.status_code in {405, 415}


def test_csrf_cookie_is_set_httponly_strict(client: TestClient) -> None:
    fresh = TestClient(client.app)
    response = fresh.get("/")
    cookie = response.headers.get("set-cookie", "")
    assert "railkit_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_static_assets(client: TestClient) -> None:
    assert client.get("/static/railkit.css").status_code == 200
    assert client.get("/static/railkit.js").status_code == 200
    assert client.get("/static/../../pyproject.toml").status_code == 404
