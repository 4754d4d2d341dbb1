"""``railkit rights``: assess a person's situation against every data-rights mechanism."""

from __future__ import annotations

import click
from rich.markup import escape

from railkit.cli.common import console, format_option, write_json
from railkit.cli.interview import interview_command
from railkit.cli.memo import memo_command
from railkit.inputs import read_text
from railkit.kb import load_catalog
from railkit.rights.assess import Assessment, assess
from railkit.rights.situation import parse_situation

HEADINGS = {
    "applicable": "Applicable",
    "possibly-applicable": "Possibly applicable",
    "not-applicable": "Not applicable",
}


@click.group()
def rights() -> None:
    """Data rights over works and personal data used by AI."""


def _print_text(result: Assessment) -> None:
    out = console()
    for warning in result.warnings:
        out.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    for status, heading in HEADINGS.items():
        group = result.by_status(status)  # type: ignore[arg-type]
        if not group:
            continue
        out.print(f"\n[bold]{heading} ({len(group)})[/bold]")
        for m in group:
            out.print(
                f"\n[bold]{escape(m.id)}[/bold]: {escape(m.title)} " + escape(f"[{m.jurisdiction}]")
            )
            for reason in m.reasons:
                out.print(f"  - {escape(reason)}")
            if m.citations:
                out.print(f"  Cites: {escape('; '.join(m.citations))}")
            for i, step in enumerate(m.steps, 1):
                out.print(f"  {i}. {escape(step)}")
    if result.unknown_fields:
        out.print(f"\nStill unknown: {escape(', '.join(result.unknown_fields))}")
    out.print(f"\n{escape(result.notice)}")


@rights.command("assess")
@click.argument("path", type=click.Path(dir_okay=False, allow_dash=True))
@format_option("text", "json")
def assess_command(path: str, fmt: str) -> None:
    """Assess the situation in PATH (JSON; '-' for standard input).

    Every data-rights mechanism gets a status (applicable, possibly-applicable,
    not-applicable) with reasons, citations and next steps; contradictory answers are listed
    as warnings. Exit status 0 when assessed, 2 for a missing, malformed or invalid situation
    (the message names the field).
    """
    situation = parse_situation(read_text(path), name=path)
    result = assess(situation, load_catalog())
    if fmt == "json":
        write_json(result.as_dict())
    else:
        _print_text(result)


rights.add_command(interview_command)
rights.add_command(memo_command)
