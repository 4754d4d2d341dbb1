"""``railkit license``: analyse and compare AI licenses.

The ``license`` group is shared: other modules attach their commands to it with
``from railkit.cli.license import license`` and ``@license.command(...)``. The modules named
in :data:`EXTENSIONS` are imported only when a command outside this file is asked for (or
the help lists them), so ``railkit license analyze`` starts without loading them.
"""

from __future__ import annotations

import importlib
from importlib import resources
from typing import TYPE_CHECKING, Any

import click

from railkit.cli.common import console, format_option, write_json
from railkit.licensing.text import FORMATS

if TYPE_CHECKING:
    from railkit.licensing.analyze import Analysis
    from railkit.licensing.compare import Comparison

EXTENSIONS: tuple[str, ...] = ("railkit.cli.license_registry", "railkit.cli.usecheck")
"""Modules that add commands to the ``license`` group."""


class LicenseGroup(click.Group):
    """A click group that imports its extension modules on first need."""

    _loaded = False

    def _load_extensions(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for name in EXTENSIONS:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            self._load_extensions()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_extensions()
        return super().list_commands(ctx)


@click.group(cls=LicenseGroup)
def license() -> None:
    """Analyse, compare and check AI licenses (RAIL, OpenRAIL, Llama, Gemma, ...)."""


def _notice() -> str:
    """The legal notice line (dated without loading the whole knowledge base)."""
    from railkit.notice import packaged_notice_line

    return packaged_notice_line()


def _category_order() -> list[str]:
    """Category ids in catalog order (sorted ids), from the record file names."""
    folder = resources.files("railkit") / "data" / "categories"
    if not folder.is_dir():
        return []
    return sorted(e.name[:-5] for e in folder.iterdir() if e.name.endswith(".yaml"))


@license.command("analyze")
@click.argument("path")
@format_option("text", "json")
@click.option(
    "--input-format",
    type=click.Choice(list(FORMATS)),
    default="auto",
    show_default=True,
    help="How to read the file (auto-detects Markdown and HTML).",
)
@click.option(
    "--restrictions-only", is_flag=True, help="Text output: list only clauses that restrict use."
)
def analyze_command(path: str, fmt: str, input_format: str, restrictions_only: bool) -> None:
    """Segment a license (PATH, or - for stdin) into clauses and classify each one.

    Lists every clause with its locator and the behavioral-use categories it restricts,
    then the structural features (flow-down, attribution, thresholds...) with the clause
    that evidences each.
    """
    from railkit.inputs import read_text
    from railkit.licensing.analyze import analyze

    text = read_text(path)
    result = analyze(text, fmt=input_format)
    if fmt == "json":
        data: dict[str, Any] = result.to_dict()
        data["notice"] = _notice()
        write_json(data)
        return
    _print_analysis(result, path, restrictions_only)


def _print_analysis(result: Analysis, path: str, restrictions_only: bool) -> None:
    from rich.markup import escape

    out = console()
    restricting = [c for c in result.clauses if c.categories]
    out.print(
        f"[bold]{escape(path)}[/]: {len(result.clauses)} clauses, "
        f"{len(restricting)} restrict use, {len(result.categories)} categories, "
        f"{len(result.features)} features"
    )
    if not result.clauses:
        out.print("No clauses found: the text holds no license provisions railkit can read.")
    out.print()
    for item in result.clauses:
        if restrictions_only and not item.categories:
            continue
        clause = item.clause
        ref = escape(clause.ref)
        if item.categories:
            tags = " ".join(f"[bold magenta]\\[{escape(cat)}][/]" for cat in item.categories)
            out.print(f"[bold cyan]{ref}[/] {tags}")
            out.print(f"  {escape(clause.text)}")
            grouped: dict[str, list[str]] = {}
            for cat, cue in item.evidence:
                grouped.setdefault(cat, [])
                if cue not in grouped[cat]:
                    grouped[cat].append(cue)
            cues = "; ".join(
                f"{cat}: " + ", ".join(f"“{c}”" for c in found) for cat, found in grouped.items()
            )
            if cues:
                out.print(f"  [dim]because: {escape(cues)}[/]")
        else:
            out.print(f"[cyan]{ref}[/] [dim]{escape(clause.text)}[/]")
    out.print()
    out.print("[bold]Structural features[/]")
    if not result.features:
        out.print("  none found")
    for feat in result.features:
        out.print(
            f"  [bold green]{escape(feat.id)}[/] at [cyan]{escape(feat.ref)}[/]: "
            f"[dim]{escape(_short(feat.text))}[/]"
        )
    out.print()
    out.print(f"[dim]{escape(_notice())}[/]")


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@license.command("compare")
@click.argument("licenses", nargs=-1, required=True)
@format_option("text", "json", "csv", "markdown")
@click.option(
    "--all-categories", is_flag=True, help="Show every taxonomy category, not only those found."
)
def compare_command(licenses: tuple[str, ...], fmt: str, all_categories: bool) -> None:
    """Compare licenses (files, or registry ids) as a matrix of categories and features.

    A cell lists the locators of the clauses that restrict the category or evidence the
    feature; an empty cell means railkit found none.
    """
    from railkit.licensing.compare import (
        compare,
        render_csv,
        render_markdown,
        resolve_license,
    )

    analysed = []
    for spec in licenses:
        found = resolve_license(spec)
        analysed.append((found.name, found.analysed()))
    result = compare(analysed, category_ids=_category_order(), all_categories=all_categories)
    if fmt == "json":
        data = result.to_dict()
        data["notice"] = _notice()
        write_json(data)
    elif fmt == "csv":
        click.echo(render_csv(result), nl=False)
    elif fmt == "markdown":
        click.echo(render_markdown(result) + f"\n_{_notice()}_")
    else:
        _print_comparison(result)


def _print_comparison(result: Comparison) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Licenses compared: restricted categories and features")
    table.add_column("category / feature", style="bold")
    for name in result.licenses:
        table.add_column(escape(name), overflow="fold")
    last_kind = ""
    for row in result.rows:
        if row.kind != last_kind and last_kind:
            table.add_section()
        last_kind = row.kind
        label = row.id if row.kind == "category" else f"[green]{escape(row.id)}[/]"
        cells = [
            f"[bold]✓[/] [dim]{escape(', '.join(refs[:3]))}{' …' if len(refs) > 3 else ''}[/]"
            if refs
            else "[dim]—[/]"
            for refs in row.cells
        ]
        table.add_row(label, *cells)
    out = console()
    out.print(table)
    out.print(f"[dim]{escape(_notice())}[/]")
