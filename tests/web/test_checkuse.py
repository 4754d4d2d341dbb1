"""Route tests for /check-use and /api/check-use."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import csrf_from

MINE = "You agree not to use the Model to identify people by facial recognition.\n"


def _token(client: TestClient) -> str:
    return csrf_from(client.get("/check-use").text)


def test_form_is_labelled(client: TestClient) -> None:
    html = client.get("/check-use").text
    for control in ("use", "licenses", "name", "text"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html


def test_verdict_per_license_with_clauses(client: TestClient) -> None:
    data = {
        "csrf_token": _token(client),
        "use": "identify shoppers by facial recognition in CCTV footage",
        "licenses": ["bigscience-openrail-m", "mit"],
        "text": MINE,
        "name": "my terms",
    }
    response = client.post("/check-use", data=data)
    assert response.status_code == 200, response.text[:300]
    html = response.text
    assert "MIT License" in html and "No restriction found" in html
    assert "my terms" in html
    assert 'class="verdict-restricted"' in html or 'class="verdict-needs-review"' in html
    assert 'href="/taxonomy/biometrics"' in html
    assert "Reasoning" in html


def test_empty_use_is_400(client: TestClient) -> None:
    data = {"csrf_token": _token(client), "use": " ", "licenses": ["mit"]}
    response = client.post("/check-use", data=data)
    assert response.status_code == 400
    assert "describe the intended use" in response.text


def test_no_license_is_400_and_unknown_is_404(client: TestClient) -> None:
    token = _token(client)
    response = client.post("/check-use", data={"csrf_token": token, "use": "a chatbot"})
    assert response.status_code == 400 and "at least one license" in response.text
    data = {"csrf_token": token, "use": "a chatbot", "licenses": ["gemma-tou"]}
    response = client.post("/check-use", data=data)
    assert response.status_code == 404 and "did you mean" in response.text


def test_missing_csrf_is_403(client: TestClient) -> None:
    response = client.post("/check-use", data={"use": "x", "licenses": ["mit"]})
    assert response.status_code == 403


def test_api_check_use(client: TestClient) -> None:
    body = {"use": "a commercial chatbot giving legal advice", "licenses": ["llama3.1-aup", "mit"]}
    response = client.post("/api/check-use", json=body)
    assert response.status_code == 200
    data = response.json()
    verdicts = {item["registry_id"]: item["verdict"] for item in data["licenses"]}
    assert verdicts["mit"] == "no-restriction-found"
    assert verdicts["llama3.1-aup"] in {"restricted", "needs-review"}
    assert "not legal advice" in data["notice"]


def test_api_bad_input_is_4xx(client: TestClient) -> None:
    assert client.post("/api/check-use", json={"licenses": ["mit"]}).status_code == 422
    assert client.post("/api/check-use", json={"use": "x"}).status_code == 400
    assert client.post("/api/check-use", json={"use": "x", "licenses": ["nope"]}).status_code == 404


def test_license_is_checked_with_its_incorporated_policy(client: TestClient) -> None:
    body = {"use": "develop chemical weapons", "licenses": ["llama3.1-license"]}
    data = client.post("/api/check-use", json=body).json()
    verdict = data["licenses"][0]
    assert verdict["verdict"] == "restricted"
    assert all(f["ref"].startswith("llama3.1-aup: ") for f in verdict["findings"])
