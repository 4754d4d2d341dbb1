"""Route tests for /analyze and the /api/analyze, /api/identify endpoints."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import scancode_text
from tests.web.conftest import csrf_from

OWN_CLAUSES = (
    "Use restrictions. You agree not to use the Model to identify or track a person by "
    "facial recognition in public spaces.\n\n"
    "You agree not to use the Model to generate malware or to attack computer systems.\n"
)


@pytest.fixture(scope="module")
def rail_text(scancode_licenses: Path) -> str:
    return scancode_text(scancode_licenses, "bigscience-open-rail-m")


def _token(client: TestClient) -> str:
    return csrf_from(client.get("/analyze").text)


def test_form_has_labelled_controls(client: TestClient) -> None:
    html = client.get("/analyze").text
    assert '<label for="text">' in html and 'id="text"' in html
    assert '<label for="upload">' in html and 'type="file"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'aria-live="polite"' in html


def test_pasted_license_is_identified_and_analysed(client: TestClient, rail_text: str) -> None:
    response = client.post("/analyze", data={"csrf_token": _token(client), "text": rail_text})
    assert response.status_code == 200, response.text[:300]
    html = response.text
    assert 'href="/licenses/bigscience-openrail-m"' in html
    assert "100%" in html  # an exact copy scores 100
    assert 'href="/taxonomy/' in html and "<mark" in html
    assert "Clause by clause" in html and "Differences from the known text" in html
    assert "None found: the text matches the known document." in html


def test_uploaded_file_is_read(client: TestClient) -> None:
    files = {"upload": ("mine.md", OWN_CLAUSES.encode(), "text/markdown")}
    response = client.post("/analyze", data={"csrf_token": _token(client)}, files=files)
    assert response.status_code == 200
    assert 'href="/taxonomy/biometrics"' in response.text
    assert "No known license or policy matched" in response.text


def test_changed_copy_shows_differences(client: TestClient, rail_text: str) -> None:
    cut = rail_text.find("Attachment A")
    altered = rail_text[:cut] + rail_text[cut:].replace("(a)", "(a) [removed]", 1)
    altered += "\n\nYou shall not use the Model to sort job applicants by their race.\n"
    response = client.post("/analyze", data={"csrf_token": _token(client), "text": altered})
    assert response.status_code == 200
    assert "Added in your text" in response.text or "Changed wording" in response.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.txt", b"\x00\x01\x02binary", "looks binary"),
        ("x.txt", "caf\u00e9".encode("latin-1") * 20, "not UTF-8"),
        ("x.txt", b"   \n", "is empty"),
        ("x.pdf", b"%PDF-1.4 text", "only plain text, Markdown or HTML"),
    ],
)
def test_bad_upload_is_400_with_message(
    client: TestClient, name: str, data: bytes, message: str
) -> None:
    files = {"upload": (name, data, "application/octet-stream")}
    response = client.post("/analyze", data={"csrf_token": _token(client)}, files=files)
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text


def test_oversized_upload_is_413(client: TestClient) -> None:
    files = {"upload": ("big.txt", b"a" * (2 * 1024 * 1024 + 10), "text/plain")}
    response = client.post("/analyze", data={"csrf_token": _token(client)}, files=files)
    assert response.status_code == 413
    assert "2 MB" in response.text


def test_missing_csrf_token_is_403_with_message(client: TestClient) -> None:
    response = client.post("/analyze", data={"text": OWN_CLAUSES})
    assert response.status_code == 403
    assert "security token is missing" in response.text


def test_empty_form_is_400(client: TestClient) -> None:
    response = client.post("/analyze", data={"csrf_token": _token(client), "text": "  "})
    assert response.status_code == 400
    assert "paste a text or choose a file" in response.text


def test_user_text_is_escaped(client: TestClient) -> None:
    text = "You agree not to use the Model for <script>alert(1)</script> facial recognition."
    response = client.post("/analyze", data={"csrf_token": _token(client), "text": text})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_api_analyze(client: TestClient, rail_text: str) -> None:
    response = client.post("/api/analyze", json={"text": rail_text})
    assert response.status_code == 200
    data = response.json()
    assert data["identification"]["matches"][0]["id"] == "bigscience-openrail-m"
    assert data["clauses"] and data["features"]
    assert "not legal advice" in data["notice"]


def test_api_identify(client: TestClient, rail_text: str) -> None:
    data = client.post("/api/identify", json={"text": rail_text}).json()
    assert data["matches"][0]["id"] == "bigscience-openrail-m"
    assert data["differences"] == []


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": "   "}, {"text": "a\x00b"}, {"text": OWN_CLAUSES, "format": "pdf"}],
)
def test_api_bad_input_is_4xx(client: TestClient, body: dict[str, str]) -> None:
    response = client.post("/api/analyze", json=body)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_api_rejects_form_bodies(client: TestClient) -> None:
    response = client.post("/api/analyze", data={"text": OWN_CLAUSES})
    assert response.status_code == 415


def test_result_offers_a_use_check_of_the_same_text(client: TestClient) -> None:
    response = client.post("/analyze", data={"csrf_token": _token(client), "text": OWN_CLAUSES})
    assert '<form method="post" action="/check-use"' in response.text
    assert '<label for="check-use">Intended use</label>' in response.text
    check = client.post(
        "/check-use",
        data={
            "csrf_token": _token(client),
            "text": OWN_CLAUSES,
            "name": "Analyzed text",
            "use": "identify shoppers by facial recognition",
        },
    )
    assert check.status_code == 200 and "Analyzed text" in check.text
    assert 'href="/taxonomy/biometrics"' in check.text


def test_every_difference_kind_has_a_label() -> None:
    import re
    from pathlib import Path

    from railkit.licensing import differences
    from railkit.web.pages.analyze import DIFFERENCE_LABELS

    source = Path(differences.__file__).read_text(encoding="utf-8")
    kinds = set(re.findall(r'"(dropped|added|changed|truncated|unmatched|[a-z]+ed)",?\n', source))
    kinds &= {"dropped", "added", "changed", "truncated", "unmatched"}
    assert kinds and kinds <= set(DIFFERENCE_LABELS)
