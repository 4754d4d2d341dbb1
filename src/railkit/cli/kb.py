"""``railkit kb``: check the knowledge base's integrity and export it."""

from __future__ import annotations

import json
import sys

import click

from railkit.cli.common import EXIT_FINDINGS, format_option, write_json
from railkit.kb import check_catalog, load_catalog
from railkit.kb.export import catalog_json, json_schemas, skos_jsonld


@click.group()
def kb() -> None:
    """The knowledge base: integrity check and exports."""


@kb.command()
@format_option("text", "json")
def check(fmt: str) -> None:
    """Check every record; print each problem and exit 1 when there is any."""
    problems = check_catalog()
    if fmt == "json":
        write_json({"ok": not problems, "problems": [p.as_dict() for p in problems]})
    else:
        for p in problems:
            click.echo(str(p))
        if problems:
            click.echo(f"{len(problems)} problem(s) found", err=True)
        else:
            catalog = load_catalog()
            counts = ", ".join(f"{len(v)} {k}" for k, v in catalog.records.items())
            click.echo(f"knowledge base OK: {counts}")
    if problems:
        sys.exit(EXIT_FINDINGS)


@kb.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "skos", "schema"]),
    default="json",
    show_default=True,
    help="json: the catalog; skos: SKOS JSON-LD; schema: JSON Schema.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of stdout.",
)
def export(fmt: str, output: str | None) -> None:
    """Export the catalog as JSON, the taxonomy and glossary as SKOS, or the JSON Schemas."""
    if fmt == "schema":
        data = json_schemas()
    else:
        catalog = load_catalog()
        data = catalog_json(catalog) if fmt == "json" else skos_jsonld(catalog)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    else:
        write_json(data)
