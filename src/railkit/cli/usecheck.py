"""``railkit license check-use``: does each license restrict an intended use?

Attached to the shared ``license`` group (loaded on demand by
:class:`railkit.cli.license.LicenseGroup`). Exit status: 0 when no license restricts the
use, 1 when any license restricts it or needs review for it, 2 on bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from railkit.cli.common import EXIT_FINDINGS, console, format_option, write_json
from railkit.cli.license import _notice, license

if TYPE_CHECKING:
    from railkit.licensing.usecheck import UseCheckResult

_STYLE = {"restricted": "bold red", "needs-review": "bold yellow", "no-restriction-found": "green"}


@license.command("check-use")
@click.argument("licenses", nargs=-1, required=True)
@click.option("--use", "use", required=True, help="The intended use, in plain words.")
@format_option("text", "json")
def check_use_command(licenses: tuple[str, ...], use: str, fmt: str) -> None:
    """Check an intended use against one or more LICENSES (files, - for stdin, or ids).

    Reports, per license, the clauses that restrict the use (locator and text) and a
    verdict: restricted, needs-review or no-restriction-found, with the reasoning.
    """
    from railkit.errors import InputError
    from railkit.licensing.compare import resolve_license
    from railkit.licensing.usecheck import check_use

    if not use.strip():
        raise InputError("--use is empty: describe the intended use in a few words")
    inputs = []
    for spec in licenses:
        if spec != "-" and not Path(spec).exists() and _looks_like_path(spec):
            raise InputError(f"{spec}: no such file")
        found = resolve_license(spec)
        inputs.append((found.name, found.analysed()))
    result = check_use(inputs, use)
    if fmt == "json":
        data = result.to_dict()
        data["notice"] = _notice()
        write_json(data)
    else:
        _print(result)
    if result.restricted:
        raise SystemExit(EXIT_FINDINGS)


def _looks_like_path(spec: str) -> bool:
    return (
        "/" in spec or "\\" in spec or Path(spec).suffix.lower() in {".txt", ".md", ".html", ".htm"}
    )


def _print(result: UseCheckResult) -> None:
    from rich.markup import escape

    out = console()
    profile = result.profile
    understood = ", ".join(f"{m.category} ({m.strength}: “{m.cue}”)" for m in profile.matches)
    facts = [
        label
        for label, on in (
            ("commercial use", profile.commercial),
            ("research use", profile.research),
            (f"{profile.users:,.0f} users" if profile.users else "", bool(profile.users)),
        )
        if on
    ]
    out.print(f"[bold]Use:[/] {escape(profile.use)}")
    out.print(f"[dim]understood as: {escape(understood or 'no restricted category')}[/]")
    if facts:
        out.print(f"[dim]facts: {escape(', '.join(facts))}[/]")
    for note in result.notes:
        out.print(f"[dim]note: {escape(note)}[/]")
    out.print()
    for verdict in result.licenses:
        style = _STYLE.get(verdict.verdict, "bold")
        out.print(f"[bold]{escape(verdict.name)}[/]: [{style}]{verdict.verdict}[/]")
        for f in verdict.findings:
            text = f.text if len(f.text) <= 220 else f.text[:219].rstrip() + "…"
            out.print(f"  [cyan]{escape(f.ref)}[/] [magenta]\\[{escape(f.id)}][/] {f.level}")
            out.print(f"    {escape(text)}")
            out.print(f"    [dim]why: {escape(f.reason)}[/]")
        if not verdict.findings:
            out.print(f"  [dim]{escape('; '.join(verdict.reasoning))}[/]")
        out.print()
    out.print(f"[dim]{escape(_notice())}[/]")
