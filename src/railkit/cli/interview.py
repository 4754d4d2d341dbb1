"""``railkit rights interview``: the guided interview that writes a situation JSON.

Interactive with prompts on standard error (so standard output can carry the JSON), or
scripted with ``--answers FILE``: a YAML/JSON mapping of question id or field path to answer
(fields not in the mapping stay unknown), or a list of raw answers given in the order the
questions come (an invalid answer is reported and the question asked again with the next
item). Piped standard input works too; at end of input the interview stops.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click
import yaml
from rich.markup import escape

from railkit.cli.common import EXIT_FINDINGS, console
from railkit.errors import InputError
from railkit.inputs import read_text
from railkit.kb import load_catalog
from railkit.rights.interview import (
    AnswerError,
    InterviewState,
    Question,
    answer,
    next_question,
    question_for,
)
from railkit.rights.situation import parse_situation

MAX_TURNS = 500


def _read_answers(path: str) -> dict[str, Any] | list[Any]:
    text = read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML or JSON ({str(exc).splitlines()[0]})") from None
    if isinstance(data, dict):
        for key in data:
            if question_for(str(key)) is None:
                raise InputError(f"{path}: {key!r} is not an interview question or field")
        return {str(k): v for k, v in data.items()}
    if isinstance(data, list):
        return data
    raise InputError(f"{path}: answers must be a mapping of field to answer, or a list")


def _show(question: Question) -> str:
    lines = [f"[bold]{escape(question.prompt)}[/bold]", f"  {escape(question.help)}"]
    if question.choices:
        lines += [f"  {i}. {escape(c)}" for i, c in enumerate(question.choices, 1)]
    lines.append("  (press Enter or type 'skip' if you do not know)")
    return "\n".join(lines)


def _prompt(question: Question) -> str | None:
    console(stderr=True).print(_show(question))
    try:
        value: str = click.prompt(">", default="", show_default=False, prompt_suffix=" ", err=True)
    except (click.Abort, EOFError):
        return None
    return value


def _keep() -> bool:
    """Ask whether to keep an answer that contradicts an earlier one (default: keep)."""
    try:
        return bool(click.confirm("Keep this answer anyway?", default=True, err=True))
    except (click.Abort, EOFError):
        return True


def _flag(state: InterviewState) -> None:
    err = console(stderr=True)
    for warning in state.new_warnings:
        err.print(f"[yellow]contradiction:[/yellow] {escape(warning)}")


def run_interview(
    state: InterviewState, answers: dict[str, Any] | list[Any] | None, source: str
) -> InterviewState:
    """Ask until nothing needed is unknown; return the final state."""
    catalog = load_catalog()
    err = console(stderr=True)
    pending = list(answers) if isinstance(answers, list) else None
    mapping = answers if isinstance(answers, dict) else None
    used: set[str] = set()
    interactive = mapping is None and pending is None
    for _ in range(MAX_TURNS):
        question = next_question(state, catalog)
        if question is None:
            break
        raw: Any
        if mapping is not None:
            key = question.id if question.id in mapping else question.sets
            raw = mapping.get(key)
            used.add(key)
        elif pending is not None:
            raw = pending.pop(0) if pending else None
            err.print(f"{escape(question.prompt)} > {escape(str(raw if raw is not None else ''))}")
        else:
            raw = _prompt(question)
            if raw is None:
                break
        result = answer(state, question, raw)
        if isinstance(result, AnswerError):
            if mapping is not None:
                raise InputError(f"{source}: {question.sets}: {result.message}")
            err.print(f"[red]invalid answer:[/red] {escape(result.message)}; please answer again")
            continue
        _flag(result)
        if interactive and result.new_warnings and not _keep():
            continue  # asked again, the earlier state unchanged
        state = result
    if mapping is not None:
        state = _apply_rest(state, mapping, used, source)
    return state


def _apply_rest(
    state: InterviewState, mapping: dict[str, Any], used: set[str], source: str
) -> InterviewState:
    """Keep answers the file gave for questions that turned out not to be needed."""
    for key, raw in mapping.items():
        question = question_for(key)
        if key in used or question is None:
            continue
        result = answer(state, question, raw)
        if isinstance(result, AnswerError):
            raise InputError(f"{source}: {question.sets}: {result.message}")
        state = replace(result, asked=state.asked)  # given, not asked
        _flag(state)
    return state


@click.command("interview")
@click.argument("start", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--answers",
    type=click.Path(dir_okay=False),
    help="YAML/JSON answers: a mapping field -> answer, or a list of raw answers.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write the situation JSON here."
)
def interview_command(start: str | None, answers: str | None, output: str | None) -> None:
    """Ask only the questions still needed and write the situation JSON.

    START is an optional situation JSON to continue from. Exit status 1 when contradictory
    answers remain (they are flagged on standard error).
    """
    situation = parse_situation(read_text(start), name=start) if start else None
    given = _read_answers(answers) if answers else None
    state = run_interview(InterviewState.start(situation), given, answers or "answers")
    text = state.to_json()
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror})") from None
    else:
        click.echo(text, nl=False)
    err = console(stderr=True)
    err.print(f"{len(state.asked)} question(s) asked; situation written to {output or 'stdout'}.")
    for warning in state.warnings:
        err.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    if state.warnings:
        raise SystemExit(EXIT_FINDINGS)
