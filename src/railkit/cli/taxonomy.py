"""``railkit taxonomy``: list and show behavioral-use categories and license features."""

from __future__ import annotations

import click
from rich.table import Table

from railkit.cli.common import console, format_option, write_json
from railkit.cli.render import citation_text, notice
from railkit.errors import UnknownIdError
from railkit.kb import load_catalog
from railkit.kb.catalog import suggest
from railkit.kb.records.taxonomy import Category, Feature


@click.group()
def taxonomy() -> None:
    """The taxonomy of behavioral-use clauses and structural license features."""


@taxonomy.command("list")
@click.option("--domain", help="Only categories of this domain.")
@format_option("text", "json")
def list_(domain: str | None, fmt: str) -> None:
    """List every category (grouped by domain) and every license feature."""
    catalog = load_catalog()
    if domain is not None:
        catalog.get("domains", domain, kind="domain")
    cats = [c for c in catalog.categories.values() if domain is None or c.domain == domain]
    feats = list(catalog.features.values()) if domain is None else []
    if fmt == "json":
        write_json(
            {
                "categories": [
                    {"id": c.id, "domain": c.domain, "title": c.title, "summary": c.summary}
                    for c in cats
                ],
                "features": [{"id": f.id, "title": f.title, "meaning": f.meaning} for f in feats],
            }
        )
        return
    out = console()
    table = Table(title="Behavioral-use categories", show_lines=False)
    table.add_column("domain", style="dim")
    table.add_column("id", style="bold")
    table.add_column("title")
    for dom in catalog.domains.values():
        for cat in (c for c in cats if c.domain == dom.id):
            table.add_row(dom.id, cat.id, cat.title)
    out.print(table)
    if feats:
        ftable = Table(title="Structural license features")
        ftable.add_column("id", style="bold")
        ftable.add_column("title")
        for feat in feats:
            ftable.add_row(feat.id, feat.title)
        out.print(ftable)
    out.print(notice(catalog))


def _show_category(cat: Category) -> None:
    catalog = load_catalog()
    out = console()
    out.rule(f"[bold]{cat.title}[/] ({cat.id})")
    out.print(
        f"[dim]domain:[/] {catalog.domains[cat.domain].title}   "
        f"[dim]last reviewed:[/] {cat.reviewed}"
    )
    out.print(f"\n{cat.summary}\n")
    out.print("[bold]Standardized clause[/]")
    out.print(cat.clause.full, markup=False)
    out.print("\n[bold]Short form[/]")
    out.print(cat.clause.short, markup=False)
    out.print("\n[bold]In plain words[/]")
    out.print(cat.explanation, markup=False)
    if cat.includes or cat.excludes:
        out.print("\n[bold]Scope[/]")
        for item in cat.includes:
            out.print(f"  + {item}", markup=False)
        for item in cat.excludes:
            out.print(f"  - {item}", markup=False)
    if cat.boundaries:
        out.print("\n[bold]Boundaries[/]")
        for b in cat.boundaries:
            out.print(f"  vs {b.category}: {b.note}", markup=False)
    out.print("\n[bold]Grounding[/]")
    for g in cat.grounding:
        out.print(f"  {citation_text(catalog, g.citation)}: {g.relation}", markup=False)
    out.print("\n[bold]Recognised by[/]: " + "; ".join(cat.recognition), markup=True)
    if cat.odrl:
        cons = ", ".join(
            f"{c.left_operand} {c.operator} {c.right_operand}" for c in cat.odrl.constraints
        )
        out.print(
            f"\n[bold]ODRL 2.2[/]: prohibition of {cat.odrl.action}"
            + (f" where {cons}" if cons else "")
        )
    out.print("\n" + notice(catalog))


def _show_feature(feat: Feature) -> None:
    catalog = load_catalog()
    out = console()
    out.rule(f"[bold]{feat.title}[/] ({feat.id})")
    out.print(f"[dim]license feature · last reviewed:[/] {feat.reviewed}\n")
    out.print("[bold]What it means[/]")
    out.print(feat.meaning, markup=False)
    out.print("\n[bold]Why it matters[/]")
    out.print(feat.why_it_matters, markup=False)
    out.print("\n[bold]Usually worded as[/]")
    for w in feat.usual_wording:
        out.print(f"  - {w}", markup=False)
    for g in feat.grounding:
        out.print(f"  {citation_text(catalog, g.citation)}: {g.relation}", markup=False)
    out.print("\n" + notice(catalog))


@taxonomy.command("show")
@click.argument("item_id")
@format_option("text", "json")
def show(item_id: str, fmt: str) -> None:
    """Show a category or a feature in full: clause language, grounding, scope."""
    catalog = load_catalog()
    record: Category | Feature | None = catalog.categories.get(item_id) or catalog.features.get(
        item_id
    )
    if record is None:
        pool = [*catalog.categories, *catalog.features]
        raise UnknownIdError("category or feature", item_id, suggest(item_id, pool))
    if fmt == "json":
        write_json(
            {
                "kind": "category" if isinstance(record, Category) else "feature",
                **record.model_dump(mode="json"),
            }
        )
    elif isinstance(record, Category):
        _show_category(record)
    else:
        _show_feature(record)
