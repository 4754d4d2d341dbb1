"""The guided interview: asks only what is needed, re-asks invalid answers, flags contradictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from railkit.cli.main import cli
from railkit.kb import Catalog
from railkit.rights.interview import (
    AnswerError,
    InterviewState,
    answer,
    load_questions,
    needed_fields,
    next_question,
    parse_answer,
    question_for,
)
from railkit.rights.situation import FIELD_PATHS, parse_situation

FULL = {
    "role": "visual-artist",
    "residence": "DE",
    "ai-use": "image-generation",
    "work-kind": "image",
    "work-published": "yes",
    "work-where": "personal-website",
    "work-personal-data": "no",
    "work-optout": "no",
    "work-us-registered": "no",
    "concerns": "training-on-my-work, outputs-imitate-my-style",
    "goals": "stop-future-use",
    "developer-establishments": "US",
    "developer-offers": "EU, US",
}


def _run(catalog: Catalog, answers: dict[str, str]) -> InterviewState:
    state = InterviewState.start()
    for _ in range(50):
        question = next_question(state, catalog)
        if question is None:
            return state
        result = answer(state, question, answers.get(question.id))
        assert not isinstance(result, AnswerError), result
        state = result
    raise AssertionError("the interview did not end")


def test_questions_cover_every_tested_field() -> None:
    questions = load_questions()
    assert len({q.id for q in questions}) == len(questions)
    assert {q.sets for q in questions} == FIELD_PATHS - {"description"}


def test_every_question_asked_is_needed_and_unknown(catalog: Catalog) -> None:
    state = InterviewState.start()
    seen = []
    while (question := next_question(state, catalog)) is not None:
        assert question.sets in needed_fields(state, catalog)
        assert question.id not in seen, f"{question.id} asked twice"
        seen.append(question.id)
        result = answer(state, question, FULL.get(question.id))
        assert not isinstance(result, AnswerError)
        state = result
    assert seen[:2] == ["role", "residence"]  # file order is the order of asking
    final = state.situation()
    assert final.person is not None and final.person.residence == "DE"


def test_complete_situation_needs_no_question(catalog: Catalog) -> None:
    state = _run(catalog, FULL)
    assert next_question(InterviewState.start(state.situation()), catalog) is None


def test_answered_fields_are_not_asked_again(catalog: Catalog) -> None:
    start = parse_situation(json.dumps({"person": {"role": "writer", "residence": "FR"}}))
    question = next_question(InterviewState.start(start), catalog)
    assert question is not None and question.sets not in {"person.role", "person.residence"}


def test_fields_no_mechanism_depends_on_are_not_asked(catalog: Catalog) -> None:
    # no mechanism's status waits for the developer's name, so it is never asked
    state = _run(catalog, FULL)
    assert "developer.name" not in state.data.get("developer", {})
    assert "developer-name" not in state.asked


def test_skipped_question_is_not_asked_again(catalog: Catalog) -> None:
    state = InterviewState.start()
    first = next_question(state, catalog)
    assert first is not None
    skipped = answer(state, first, "")
    assert isinstance(skipped, InterviewState)
    assert first.sets in skipped.skipped
    second = next_question(skipped, catalog)
    assert second is not None and second.id != first.id


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("residence", "Mars", "not a place code"),
        ("ai-use", "chatbott", "did you mean chatbot"),
        ("work-published", "perhaps", "not yes or no"),
        ("concerns", "training-on-my-work, telepathy", "'telepathy' is not one of"),
        ("developer-offers", "EU, 12", "not a place code"),
    ],
)
def test_invalid_answers_are_errors(key: str, raw: str, message: str) -> None:
    question = question_for(key)
    assert question is not None
    result = answer(InterviewState.start(), question, raw)
    assert isinstance(result, AnswerError)
    assert message in result.message


def test_answers_are_normalised() -> None:
    role = question_for("role")
    concerns = question_for("concerns")
    places = question_for("developer.offers_service_in")
    yes = question_for("work-published")
    assert role and concerns and places and yes
    assert parse_answer(role, " Visual Artist ") == "visual-artist"
    assert parse_answer(role, "3") == role.choices[2]
    assert parse_answer(concerns, "none") == []
    assert parse_answer(places, "uk, eu, eu") == ["GB", "EU"]
    assert parse_answer(yes, True) is True and parse_answer(yes, "N") is False


def test_contradictions_are_flagged_once() -> None:
    published = question_for("work-published")
    where = question_for("work-where")
    assert published and where
    state = answer(InterviewState.start(), published, "no")
    assert isinstance(state, InterviewState) and not state.new_warnings
    state = answer(state, where, "social-media")
    assert isinstance(state, InterviewState)
    assert len(state.new_warnings) == 1 and "published_online is false" in state.new_warnings[0]


def test_cli_scripted_list_reasks_invalid_and_flags_contradictions(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "\n".join(
            [
                "- writer",
                "- XX1",  # invalid place: re-asked
                "- DE",
                "- training-on-my-work",
                "- chatbott",  # invalid choice: re-asked
                "- chatbot",
                "- book",
                "- 'no'",
                "- social-media",  # contradicts 'not published online'
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "situation.json"
    result = CliRunner().invoke(
        cli, ["rights", "interview", "--answers", str(answers), "--output", str(out)]
    )
    assert result.exit_code == 1, result.output  # contradictions remain: findings
    assert result.output.count("invalid answer") == 2
    assert "contradiction:" in result.output
    situation = parse_situation(out.read_text(encoding="utf-8"))
    assert situation.person is not None and situation.person.residence == "DE"
    assert situation.ai_use == "chatbot"
    assert situation.works is not None and situation.works[0].where == "social-media"


def test_cli_scripted_mapping_writes_situation(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**FULL, "developer.name": "ExampleAI"}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rights", "interview", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    body = result.output[result.output.index("{") : result.output.rindex("}") + 1]
    data = json.loads(body)
    assert data["person"] == {"role": "visual-artist", "residence": "DE"}
    assert data["developer"]["name"] == "ExampleAI"  # given, though never needed
    assert data["concerns"] == ["training-on-my-work", "outputs-imitate-my-style"]


def test_cli_piped_stdin_stops_at_end_of_input() -> None:
    result = CliRunner().invoke(cli, ["rights", "interview"], input="writer\nDE\n")
    assert result.exit_code == 0, result.output
    assert '"residence": "DE"' in result.output


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("bogus: 1\n", "'bogus' is not an interview question"),
        ("residence: Mars\n", "person.residence"),
        ("just text\n", "mapping"),
        (": : :\n", "not valid YAML"),
    ],
)
def test_cli_bad_answers_file_exits_2(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rights", "interview", "--answers", str(path)])
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


def test_cli_bad_start_situation_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"person": {"role": "painter"}}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rights", "interview", str(path)])
    assert result.exit_code == 2
    assert "person.role" in result.output


def test_personal_data_path_skips_copyright_questions(catalog: Catalog) -> None:
    answers = {
        "role": "private-individual",
        "residence": "FR",
        "concerns": "outputs-false-about-me",
        "ai-use": "chatbot",
        "work-kind": "personal-data",
        "work-published": "yes",
        "work-where": "social-media",
        "work-personal-data": "yes",
        "goals": "correct-outputs",
        "developer-establishments": "IE, US",
        "developer-offers": "EU",
    }
    state = _run(catalog, answers)
    assert "work-us-registered" not in state.asked  # no copyright mechanism waits for it
    assert len(state.asked) < len(load_questions())


def test_cli_interactive_contradiction_can_be_answered_again() -> None:
    lines = ["writer", "DE", "training-on-my-work", "chatbot", "book", "no", "social-media", "n"]
    lines.append("publisher")  # the contradictory answer is replaced
    result = CliRunner().invoke(cli, ["rights", "interview"], input="\n".join(lines) + "\n")
    assert "contradiction:" in result.output
    assert '"where": "publisher"' in result.output
    assert '"where": "social-media"' not in result.output


@settings(max_examples=200, deadline=None)
@given(raw=st.one_of(st.text(max_size=60), st.booleans(), st.integers(), st.lists(st.text())))
def test_any_answer_is_a_state_or_an_error(raw: object) -> None:
    for question in load_questions():
        result = answer(InterviewState.start(), question, raw)
        assert isinstance(result, InterviewState | AnswerError)
        if isinstance(result, InterviewState):
            result.situation()  # what was stored is a valid situation
