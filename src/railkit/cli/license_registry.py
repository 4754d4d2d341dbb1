"""``railkit license identify | show | list``: the registry of known license documents.

``identify`` reads only the committed fingerprints (no knowledge-base load) so it starts
fast; ``show`` and ``list`` read the registry records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from railkit.cli.common import EXIT_BAD_INPUT, console, format_option, write_json
from railkit.cli.license import license

if TYPE_CHECKING:
    from railkit.kb.catalog import Catalog
    from railkit.kb.records.license import LicenseDocument
    from railkit.licensing.identify import Identification


@license.command("identify")
@click.argument("path")
@format_option("text", "json")
@click.option("--no-differences", is_flag=True, help="Only name the documents found.")
def identify_command(path: str, fmt: str, no_differences: bool) -> None:
    """Name the known license documents in PATH (- for stdin) and what was changed.

    Finds registry documents even when re-wrapped, converted to Markdown, truncated, joined
    with a policy or edited; lists matches best first with a score (1.0: the same text), and
    the clauses dropped, added or changed from each. No match: the text is no known document.
    """
    from railkit.inputs import read_text
    from railkit.licensing.identify import identify
    from railkit.notice import LEGAL_NOTICE

    text = read_text(path)
    result = identify(text, differences=not no_differences)
    if fmt == "json":
        data = result.as_json()
        data["notice"] = LEGAL_NOTICE
        write_json(data)
        return
    _print_identification(path, result)


def _print_identification(path: str, result: Identification) -> None:
    from rich.markup import escape

    from railkit.notice import LEGAL_NOTICE

    out = console()
    if not result.matches:
        out.print(f"[bold]{escape(path)}[/]: no known license document found.")
        out.print(f"[dim]{escape(LEGAL_NOTICE)}[/]")
        return
    found = sum(1 for m in result.matches if not m.same_as)
    out.print(f"[bold]{escape(path)}[/]: {found} known document(s)")
    for m in result.matches:
        if m.same_as:
            out.print(f"    [dim]also registered as {escape(m.id)} (the same text)[/]")
            continue
        out.print(
            f"  [bold green]{escape(m.id)}[/] {escape(m.name)}  score {m.score:.3f} "
            f"[dim](similarity {m.similarity:.3f}, {m.coverage:.0%} of the document present; "
            f"ScanCode {escape(m.scancode_key or '-')}, Hub {escape(m.hf_id or '-')})[/]"
        )
    if result.differences:
        out.print("\n[bold]Differences from the known text[/]")
    for d in result.differences:
        cats = f" [magenta]\\[{escape(', '.join(d.categories))}][/]" if d.categories else ""
        where = escape(d.ref) if d.ref else "new text"
        out.print(f"  [bold]{d.kind}[/] {escape(d.document)} [cyan]{where}[/]{cats}")
        if d.text:
            shown = d.text if len(d.text) <= 200 else d.text[:199] + "…"
            out.print(f"    {escape(shown)}")
        if d.detail:
            out.print(f"    [dim]{escape(d.detail)}[/]")
    out.print(f"\n[dim]{escape(LEGAL_NOTICE)}[/]")


def _record_json(doc: LicenseDocument) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude_none=True)


@license.command("show")
@click.argument("identifier")
@format_option("text", "json")
def show_command(identifier: str, fmt: str) -> None:
    """Show a registry document by any identifier.

    Accepts the registry id, ScanCode key, SPDX id (or LicenseRef-scancode-...), Hugging
    Face Hub id or an alias, in any case. A family name (openrail, llama) is ambiguous: the
    candidates are listed and the exit status is 2.
    """
    from railkit.kb.catalog import load_catalog
    from railkit.licensing.registry import AmbiguousIdError, resolve
    from railkit.notice import notice_line

    catalog = load_catalog()
    try:
        doc = resolve(catalog, identifier)
    except AmbiguousIdError as exc:
        if fmt == "json":
            write_json(
                {
                    "error": "ambiguous",
                    "id": identifier,
                    "family": exc.family,
                    "candidates": list(exc.candidates),
                }
            )
        click.echo(f"railkit: error: {exc}", err=True)
        raise SystemExit(EXIT_BAD_INPUT) from None
    twin = catalog.licenses.get(identifier.strip().lower())
    via = twin.id if twin is not None and twin.same_as == doc.id else None
    if fmt == "json":
        data = _record_json(doc)
        if via:
            data["resolved_from"] = via
        data["notice"] = notice_line(catalog)
        write_json(data)
        return
    if via:
        console().print(f"[dim]{via} names the same text as {doc.id}; showing {doc.id}.[/]")
    _print_document(catalog, doc)


def _print_document(catalog: Catalog, doc: LicenseDocument) -> None:
    from rich.markup import escape

    from railkit.cli.render import notice

    out = console()
    out.rule(f"[bold]{escape(doc.name)}[/] ({escape(doc.id)})")
    rows = [
        ("type", doc.type + (" (AI-specific)" if doc.ai_specific else "")),
        ("family", doc.family),
        ("licensor", doc.licensor),
        ("version", doc.version or "-"),
        ("date", doc.date.isoformat() if doc.date else "-"),
        ("covers", ", ".join(doc.artifacts)),
        (
            "commercial use",
            doc.commercial_use + (f": {doc.commercial_note}" if doc.commercial_note else ""),
        ),
        ("attribution", doc.attribution or "-"),
        ("ScanCode key", doc.identifiers.scancode or "-"),
        ("SPDX", doc.identifiers.spdx or "-"),
        ("Hub ids", ", ".join(doc.identifiers.hf) or "-"),
        ("aliases", ", ".join(doc.identifiers.aliases) or "-"),
        ("reviewed", doc.reviewed.isoformat()),
    ]
    for label, value in rows:
        out.print(f"[dim]{label}:[/] {escape(value)}")
    out.print(f"\n{escape(doc.summary)}")
    if doc.related:
        out.print("\n[bold]Related documents[/]")
        for rel in doc.related:
            name = catalog.licenses[rel.id].name if rel.id in catalog.licenses else rel.id
            out.print(f"  {rel.relation}: [cyan]{escape(rel.id)}[/] {escape(name)}")
    if doc.annotations:
        out.print("\n[bold]Clauses (team annotations)[/]")
        for a in doc.annotations:
            tags = ", ".join([*a.categories, *a.features])
            out.print(f"  [cyan]{escape(a.ref)}[/] {escape(tags)}")
    out.print("\n[bold]Links[/]")
    for link in doc.links:
        out.print(f"  {escape(str(link))}")
    out.print("\n" + notice(catalog))


@license.command("list")
@click.option("--family", help="Family name or prefix (openrail, llama, gemma...).")
@click.option("--type", "doc_type", help="license, acceptable-use-policy (aup) or terms.")
@click.option("--feature", help="Only documents evidencing this license feature id.")
@click.option("--category", help="Only documents restricting this category id.")
@click.option(
    "--commercial",
    type=click.Choice(["allowed", "conditional", "not-allowed", "unclear"]),
    help="Commercial use.",
)
@format_option("text", "json")
def list_command(
    family: str | None,
    doc_type: str | None,
    feature: str | None,
    category: str | None,
    commercial: str | None,
    fmt: str,
) -> None:
    """List registry documents, optionally filtered."""
    from rich.markup import escape
    from rich.table import Table

    from railkit.cli.render import notice
    from railkit.kb.catalog import load_catalog
    from railkit.licensing.registry import select

    catalog = load_catalog()
    docs = select(
        catalog,
        family=family,
        type=doc_type,
        feature=feature,
        category=category,
        commercial=commercial,
    )
    if fmt == "json":
        write_json(
            [
                {
                    "id": d.id,
                    "name": d.name,
                    "type": d.type,
                    "family": d.family,
                    "licensor": d.licensor,
                    "commercial_use": d.commercial_use,
                    "scancode_key": d.identifiers.scancode,
                    "spdx": d.identifiers.spdx,
                    "hf": list(d.identifiers.hf),
                }
                for d in docs
            ]
        )
        return
    table = Table(title=f"Registry documents ({len(docs)})")
    for col in ("id", "name", "type", "family", "commercial", "Hub ids"):
        table.add_column(col, overflow="fold")
    for d in docs:
        table.add_row(
            escape(d.id),
            escape(d.name),
            d.type,
            escape(d.family),
            d.commercial_use,
            escape(", ".join(d.identifiers.hf)),
        )
    out = console()
    out.print(table)
    out.print(notice(catalog))
