"""The ``railkit`` command: a group that gathers each area's commands."""

from __future__ import annotations

import click

from railkit import __version__
from railkit.cli.clauses import clauses
from railkit.cli.common import RailkitGroup
from railkit.cli.glossary import glossary
from railkit.cli.kb import kb
from railkit.cli.license import license
from railkit.cli.rights import rights
from railkit.cli.serve import serve
from railkit.cli.taxonomy import taxonomy


@click.group(cls=RailkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="railkit")
def cli() -> None:
    """railkit: responsible AI licensing and data-rights toolkit.

    Legal information, not legal advice.
    """


cli.add_command(taxonomy)
cli.add_command(glossary)
cli.add_command(kb)
cli.add_command(license)
cli.add_command(clauses)
cli.add_command(rights)
cli.add_command(serve)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="railkit")
