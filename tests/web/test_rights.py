"""Route tests for the rights interview, one-page form, assessment, saving and /saved."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import csrf_from

ANSWERS = {
    "role": "visual-artist",
    "residence": "DE",
    "ai-use": "image-generation",
    "work-kind": "image",
    "work-published": "yes",
    "work-where": "personal-website",
    "work-personal-data": "no",
    "work-optout": "no",
    "work-us-registered": "no",
    "concerns": ["training-on-my-work"],
    "goals": ["stop-future-use"],
    "developer-name": "Example AI",
    "developer-establishments": "US",
    "developer-offers": "EU, US",
}
SITUATION = {
    "person": {"role": "visual-artist", "residence": "DE"},
    "works": [{"kind": "image", "published_online": True}],
    "ai_use": "image-generation",
    "developer": {"offers_service_in": ["EU", "US"]},
    "concerns": ["training-on-my-work"],
    "goals": ["stop-future-use"],
}


@pytest.fixture(autouse=True)
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RAILKIT_DATA_DIR", str(tmp_path))
    return tmp_path


def hidden(page: str) -> dict[str, str]:
    pairs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in pairs}


def run_interview(client: TestClient) -> str:
    page = client.get("/rights").text
    for _ in range(40):
        fields = hidden(page)
        if "question" not in fields:
            return page
        reply = ANSWERS.get(fields["question"], "")
        response = client.post("/rights/step", data={**fields, "answer": reply, "action": "next"})
        assert response.status_code == 200, response.text[:400]
        page = response.text
    raise AssertionError("the interview did not end")


def test_first_step_asks_one_labelled_question(client: TestClient) -> None:
    page = client.get("/rights").text
    assert "Question 1" in page
    assert '<label for="answer" class="question">' in page or '<legend class="question">' in page
    for action in ("next", "skip", "finish"):
        assert f'value="{action}"' in page


def test_interview_ends_in_assessment(client: TestClient) -> None:
    page = run_interview(client)
    assert "Applicable (" in page and "Not applicable (" in page
    assert "Next steps" in page and "Sources" in page
    situation = json.loads(hidden(page)["situation"])
    assert situation["person"] == {"role": "visual-artist", "residence": "DE"}
    assert situation["developer"]["offers_service_in"] == ["EU", "US"]


def test_bad_answer_is_400_and_asks_again(client: TestClient) -> None:
    fields = hidden(client.get("/rights").text)
    page = client.post("/rights/step", data={**fields, "answer": "writer", "action": "next"})
    fields = hidden(page.text)
    assert fields["question"] == "residence"
    bad = client.post("/rights/step", data={**fields, "answer": "Atlantis", "action": "next"})
    assert bad.status_code == 400
    assert "not a place code" in bad.text
    assert hidden(bad.text)["question"] == "residence"


def test_skip_and_back(client: TestClient) -> None:
    fields = hidden(client.get("/rights").text)
    step2 = hidden(
        client.post("/rights/step", data={**fields, "answer": "writer", "action": "next"}).text
    )
    step3 = hidden(client.post("/rights/step", data={**step2, "action": "skip"}).text)
    assert "person.residence" in step3["skipped"]
    back = client.post("/rights/step", data={**step3, "action": "back"})
    again = hidden(back.text)
    assert again["question"] == "residence" and "person.residence" not in again["skipped"]
    first = client.post("/rights/step", data={**again, "action": "back"})
    assert hidden(first.text)["question"] == "role"
    assert 'value="writer" selected' in first.text  # the earlier answer is shown


def test_tampered_state_is_400(client: TestClient) -> None:
    fields = hidden(client.get("/rights").text)
    fields["data"] = '{"person": {"role": "wizard"}}'
    response = client.post("/rights/step", data={**fields, "action": "next"})
    assert response.status_code == 400
    assert "person.role" in response.text


def test_one_page_form_and_errors(client: TestClient) -> None:
    page = client.get("/rights/form").text
    for name in ("person-role", "person-residence", "works-kind", "ai-use", "description"):
        assert f'<label for="{name}">' in page
    token = csrf_from(page)
    data = {
        "csrf_token": token,
        "person.role": "writer",
        "works.kind": "book",
        "goals": ["information"],
    }
    ok = client.post("/rights/assess", data=data)
    assert ok.status_code == 200 and "Possibly applicable" in ok.text
    bad = client.post("/rights/assess", data={**data, "person.residence": "Narnia"})
    assert bad.status_code == 400 and "not a place code" in bad.text
    assert 'value="Narnia"' in bad.text  # the answers are kept


def test_nothing_is_stored_until_saved(client: TestClient, workspace: Path) -> None:
    run_interview(client)
    assert not (workspace / "workspace.sqlite3").exists()
    assert "Nothing saved yet" in client.get("/saved").text


def test_save_list_open_and_delete_a_case(client: TestClient, workspace: Path) -> None:
    page = run_interview(client)
    fields = hidden(page)
    saved = client.post(
        "/rights/save", data={**fields, "title": "My illustrations"}, follow_redirects=False
    )
    assert saved.status_code == 303
    listing = client.get(saved.headers["location"])
    assert "My illustrations" in listing.text and "The case was saved." in listing.text
    item_id = re.search(r"/saved/([0-9a-f]+)/delete", listing.text)
    assert item_id
    opened = client.get(f"/rights?saved={item_id.group(1)}")
    assert opened.status_code == 200 and "Applicable (" in opened.text
    token = csrf_from(listing.text)
    deleted = client.post(f"/saved/{item_id.group(1)}/delete", data={"csrf_token": token})
    assert deleted.status_code == 200 and "The item was deleted." in deleted.text
    assert "My illustrations" not in deleted.text
    again = client.post(f"/saved/{item_id.group(1)}/delete", data={"csrf_token": token})
    assert again.status_code == 404


def test_delete_needs_csrf(client: TestClient) -> None:
    response = client.post("/saved/abc/delete")
    assert response.status_code == 403


def test_unknown_saved_case_is_404(client: TestClient) -> None:
    assert client.get("/rights?saved=nope").status_code == 404


def test_api_assess(client: TestClient) -> None:
    response = client.post("/api/rights/assess", json={"situation": SITUATION})
    assert response.status_code == 200
    data = response.json()
    assert {m["status"] for m in data["mechanisms"]} <= {
        "applicable",
        "possibly-applicable",
        "not-applicable",
    }
    assert "not legal advice" in data["notice"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"situation": []},
        {"situation": {"person": {"residence": "Narnia"}}},
        {"situation": {"ai_use": "mind-reading"}},
        {"situation": {"unknown": 1}},
    ],
)
def test_api_assess_bad_input_is_4xx(client: TestClient, body: dict[str, object]) -> None:
    response = client.post("/api/rights/assess", json=body)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_memo_page_and_downloads(client: TestClient) -> None:
    page = run_interview(client)
    fields = hidden(page)
    memo = client.post("/rights/memo", data=fields)
    assert memo.status_code == 200
    assert "Question presented" in memo.text and "Table of authorities" in memo.text
    assert "not legal advice" in memo.text
    for fmt, magic, media in [
        ("markdown", b"# ", "text/markdown"),
        ("docx", b"PK\x03\x04", "wordprocessingml"),
    ]:
        response = client.post("/rights/memo/download", data={**fields, "format": fmt})
        assert response.status_code == 200
        assert response.content.startswith(magic)
        assert media in response.headers["content-type"]
        assert "attachment" in response.headers["content-disposition"]


def test_api_memo(client: TestClient) -> None:
    response = client.post("/api/rights/memo", json={"situation": SITUATION, "format": "json"})
    assert response.status_code == 200
    assert response.json()["situation"]["person"]["residence"] == "DE"
    md = client.post("/api/rights/memo", json={"situation": SITUATION})
    assert md.status_code == 200 and md.text.startswith("# ")
    bad = client.post("/api/rights/memo", json={"situation": SITUATION, "format": "odt"})
    assert bad.status_code == 422
