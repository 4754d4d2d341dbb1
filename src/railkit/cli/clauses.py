"""``railkit clauses``: classify clauses into the behavioral-use taxonomy.

``railkit clauses classify`` reads JSON Lines (``{"id": ..., "text": ..., "context": ...}``,
``context`` optional: the lead-in of a list item) from a file or stdin and writes one result
per input line, in order: ``{"id": ..., "categories": [...], "restrictive": ..., "evidence":
[...]}``.
"""

from __future__ import annotations

import json
from typing import Any

import click

from railkit.cli.common import console, format_option, write_json, write_jsonl
from railkit.errors import InputError


@click.group()
def clauses() -> None:
    """Classify license clauses into the taxonomy's categories."""


def _records(text: str) -> list[tuple[Any, str, str | None]]:
    records: list[tuple[Any, str, str | None]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise InputError(f'line {number}: expected an object with a "text" string')
        context = data.get("context")
        if context is not None and not isinstance(context, str):
            raise InputError(f'line {number}: "context" must be a string')
        records.append((data.get("id", number), data["text"], context))
    return records


@clauses.command("classify")
@click.argument("path", default="-")
@format_option("text", "json", "jsonl")
def classify_command(path: str, fmt: str) -> None:
    """Classify clauses read as JSON Lines from PATH (default: stdin).

    Each line: {"id": "x1", "text": "...", "context": "lead-in (optional)"}. Output, one per
    input line in the same order: {"id": "x1", "categories": [...]} plus evidence.
    """
    from railkit.inputs import read_text
    from railkit.licensing.classify import classify_many

    try:
        text = read_text(path)
    except InputError as exc:
        if "is empty" in str(exc):
            text = ""
        else:
            raise
    records = _records(text)
    labels = classify_many([(t, c) for _, t, c in records])
    rows = [
        {
            "id": rid,
            "categories": list(lab.categories),
            "restrictive": lab.restrictive,
            "evidence": [
                {"category": ev.category, "cue": ev.cue, "start": ev.start, "end": ev.end}
                for ev in lab.evidence
            ],
        }
        for (rid, _, _), lab in zip(records, labels, strict=True)
    ]
    if fmt == "jsonl":
        write_jsonl(rows)
    elif fmt == "json":
        write_json({"clauses": rows})
    else:
        from rich.markup import escape

        out = console()
        for (rid, clause_text, _), row in zip(records, rows, strict=True):
            cats = ", ".join(row["categories"]) or "(no restriction)"
            out.print(f"[bold]{escape(str(rid))}[/] [magenta]{escape(cats)}[/]")
            out.print(f"  [dim]{escape(clause_text[:200])}[/]")
