"""``railkit glossary``: legal definitions of technical terms."""

from __future__ import annotations

import click
from rich.table import Table

from railkit.cli.common import console, format_option, write_json
from railkit.cli.render import citation_text, notice
from railkit.errors import UnknownIdError
from railkit.kb import load_catalog
from railkit.kb.catalog import Catalog, suggest
from railkit.kb.records.glossary import Term


def find_term(catalog: Catalog, name: str) -> Term:
    """A term by id, by its written form or by an alias (case-insensitive)."""
    key = name.strip().lower()
    if key in catalog.glossary:
        return catalog.glossary[key]
    for term in catalog.glossary.values():
        if key == term.term.lower() or key in (a.lower() for a in term.aliases):
            return term
    slug = "-".join(key.split())
    if slug in catalog.glossary:
        return catalog.glossary[slug]
    raise UnknownIdError("glossary term", name, suggest(slug, catalog.glossary))


@click.group()
def glossary() -> None:
    """Legal definitions of technical terms used in AI licenses and regulation."""


@glossary.command("list")
@format_option("text", "json")
def list_(fmt: str) -> None:
    """List every glossary term with its recommended definition."""
    catalog = load_catalog()
    terms = list(catalog.glossary.values())
    if fmt == "json":
        write_json([{"id": t.id, "term": t.term, "definition": t.definition} for t in terms])
        return
    table = Table(title="Glossary", show_lines=True)
    table.add_column("term", style="bold", no_wrap=True)
    table.add_column("recommended definition")
    for t in terms:
        table.add_row(t.term, t.definition)
    out = console()
    out.print(table)
    out.print(notice(catalog))


@glossary.command("show")
@click.argument("term")
@format_option("text", "json")
def show(term: str, fmt: str) -> None:
    """Show a term: recommended definition, how licenses and laws define it, divergences."""
    catalog = load_catalog()
    entry = find_term(catalog, term)
    if fmt == "json":
        write_json(entry.model_dump(mode="json"))
        return
    out = console()
    out.rule(f"[bold]{entry.term}[/] ({entry.id})")
    if entry.aliases:
        out.print("[dim]also:[/] " + ", ".join(entry.aliases), markup=True)
    out.print(f"[dim]last reviewed:[/] {entry.reviewed}\n")
    out.print("[bold]Recommended definition[/]")
    out.print(entry.definition, markup=False)
    out.print("\n[bold]How licenses and laws define it[/]")
    for usage in entry.usages:
        out.print(f"  {citation_text(catalog, usage.citation)}: {usage.summary}", markup=False)
    out.print("\n[bold]Where they diverge[/]")
    out.print(entry.divergences, markup=False)
    if entry.categories or entry.features:
        out.print("\n[bold]Relied on by[/]: " + ", ".join([*entry.categories, *entry.features]))
    out.print("\n" + notice(catalog))
