"""Route tests for /compare, its downloads and /api/compare."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.web.conftest import csrf_from

MINE = (
    "You agree not to use the Model to identify people by facial recognition.\n\n"
    "You agree not to use the Model to generate malware.\n"
)


def _token(client: TestClient) -> str:
    return csrf_from(client.get("/compare").text)


def test_form_lists_registry_licenses(client: TestClient) -> None:
    html = client.get("/compare").text
    assert '<label for="licenses">' in html and "multiple" in html
    assert 'value="bigscience-openrail-m"' in html
    assert '<label for="text-1">' in html and '<label for="text-2">' in html


def test_two_registry_licenses_and_a_text(client: TestClient) -> None:
    data = {
        "csrf_token": _token(client),
        "licenses": ["bigscience-openrail-m", "llama3.1-aup"],
        "texts": [MINE, ""],
        "names": ["my license", ""],
    }
    response = client.post("/compare", data=data)
    assert response.status_code == 200, response.text[:300]
    html = response.text
    assert '<table class="matrix">' in html
    assert 'href="/licenses/bigscience-openrail-m"' in html and "my license" in html
    assert 'href="/taxonomy/biometrics"' in html  # a category row
    assert 'href="/taxonomy/attribution-notice"' in html  # a feature row
    assert "Download CSV" in html and "Download Markdown" in html


def test_get_with_ids_shows_matrix(client: TestClient) -> None:
    response = client.get("/compare?licenses=llama3.1-aup&licenses=bigscience-openrail-m")
    assert response.status_code == 200
    assert '<table class="matrix">' in response.text


def test_csv_and_markdown_downloads(client: TestClient) -> None:
    data = {
        "csrf_token": _token(client),
        "licenses": ["bigscience-openrail-m", "llama3.1-aup"],
        "format": "csv",
    }
    response = client.post("/compare/download", data=data)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:2] == ["kind", "id"] and len(rows[0]) == 4
    assert any(r[1] == "child-safety" and r[2] == "Attachment A (b)" for r in rows[1:])
    md = client.post("/compare/download", data={**data, "format": "markdown"})
    assert md.status_code == 200 and md.text.startswith("| ")
    assert "not legal advice" in md.text


def test_one_license_is_400(client: TestClient) -> None:
    data = {"csrf_token": _token(client), "licenses": ["llama3.1-aup"]}
    response = client.post("/compare", data=data)
    assert response.status_code == 400
    assert "at least 2 licenses" in response.text


def test_unknown_id_is_404_with_suggestion(client: TestClient) -> None:
    data = {"csrf_token": _token(client), "licenses": ["llama3.1-aupp", "mit"]}
    response = client.post("/compare", data=data)
    assert response.status_code == 404
    assert "did you mean" in response.text and "llama3.1-aup" in response.text
    api = client.post("/api/compare", json={"licenses": ["llama3.1-aupp", "mit"]})
    assert api.status_code == 404 and "llama3.1-aup" in api.json()["error"]


def test_family_name_is_ambiguous_400(client: TestClient) -> None:
    response = client.post("/api/compare", json={"licenses": ["llama", "mit"]})
    assert response.status_code == 400
    assert "ambiguous" in response.json()["error"]


def test_missing_csrf_is_403(client: TestClient) -> None:
    response = client.post("/compare", data={"licenses": ["mit", "apache-2.0"]})
    assert response.status_code == 403
    assert "security token" in response.text


def test_api_compare(client: TestClient) -> None:
    body = {"licenses": ["bigscience-openrail-m"], "texts": [MINE], "names": ["mine"]}
    response = client.post("/api/compare", json=body)
    assert response.status_code == 200
    data = response.json()
    assert data["licenses"] == ["BigScience Open RAIL-M License", "mine"]
    rows = {r["id"]: r["licenses"] for r in data["rows"]}
    assert rows["biometrics"]["mine"] and not rows["biometrics"]["BigScience Open RAIL-M License"]
    assert rows["child-safety"]["BigScience Open RAIL-M License"] == ["Attachment A (b)"]
    assert [s["source"] for s in data["sources"]] == ["registry", "text"]
    csv_response = client.post("/api/compare", json={**body, "format": "csv"})
    assert csv_response.text.startswith("kind,id,")


def test_api_limits_are_4xx(client: TestClient) -> None:
    many = {"licenses": ["mit"] * 13}
    assert client.post("/api/compare", json=many).status_code == 422
    assert client.post("/api/compare", json={"texts": ["\x00\x00", "x"]}).status_code == 400


def test_license_column_includes_incorporated_policy(client: TestClient) -> None:
    response = client.get("/compare?licenses=llama3.1-license&licenses=mit")
    assert "with Llama 3.1 Acceptable Use Policy" in response.text
    assert "llama3.1-aup: Prohibited Uses" in response.text
