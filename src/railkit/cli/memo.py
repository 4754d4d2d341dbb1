"""``railkit rights memo``: research memos for a situation, or standing memos for a group.

``railkit rights memo SITUATION.json --format markdown|docx|pdf|html|json --output PATH``
writes the memo for one situation; ``railkit rights memo --stakeholder writer --use chatbot
--jurisdiction EU`` writes the standing memo for a stakeholder group, AI use and jurisdiction.
Markdown, HTML and JSON go to standard output when no ``--output`` is given; DOCX and PDF are
binary and need ``--output``. ``--date`` fixes the memo date (default: today).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from railkit.errors import InputError
from railkit.inputs import read_text
from railkit.kb import load_catalog
from railkit.rights.situation import parse_situation

BINARY = frozenset({"docx", "pdf"})


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date: {value!r} is not a date (use YYYY-MM-DD)") from None


EXTENSIONS = {"markdown": "md", "html": "html", "docx": "docx", "pdf": "pdf", "json": "json"}


def _publish(folder: Path, jurisdictions: tuple[str, ...], fmt: str, when: dt.date) -> None:
    """Write every standing memo and a Markdown index into ``folder``."""
    from railkit.rights.memo_render import render
    from railkit.rights.standing import standing_memos

    memos = standing_memos(load_catalog(), jurisdictions, date=when)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"# Standing memos ({when.isoformat()})", ""]
        for stem, memo in memos:
            name = f"{stem}.{EXTENSIONS[fmt]}"
            (folder / name).write_bytes(render(memo, fmt))
            lines.append(f"- [{memo.title}]({name})")
        if memos:
            lines += ["", memos[0][1].notice]
        (folder / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{folder}: cannot write ({exc.strerror})") from None
    click.echo(f"{len(memos)} standing memo(s) written to {folder}", err=True)


@click.command("memo")
@click.argument("situation", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--stakeholder", help="Standing memo: stakeholder id (writer, visual-artist, ...).")
@click.option("--use", "use", help="Standing memo: AI use id (chatbot, image-generation, ...).")
@click.option(
    "--jurisdiction",
    "jurisdictions",
    multiple=True,
    help="Standing memo: EU, GB, US, US-CA, CA, BR, a country... (repeat with --publish).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "docx", "pdf", "json"], case_sensitive=False),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write.")
@click.option(
    "--publish",
    type=click.Path(file_okay=False),
    help="Write every standing memo for --jurisdiction (repeatable) into this folder.",
)
@click.option("--date", "date", help="Memo date, YYYY-MM-DD (default: today).")
def memo_command(
    situation: str | None,
    stakeholder: str | None,
    use: str | None,
    jurisdictions: tuple[str, ...],
    fmt: str,
    output: str | None,
    publish: str | None,
    date: str | None,
) -> None:
    """Write a research memo for SITUATION (JSON; '-' for standard input), or a standing memo."""
    from railkit.rights.memo import build_memo
    from railkit.rights.memo_render import render
    from railkit.rights.standing import build_standing_memo

    fmt = fmt.lower()
    when = _date(date)
    if publish:
        if situation or stakeholder or use or output or not jurisdictions:
            raise InputError("--publish takes only --jurisdiction (one or more), --format, --date")
        _publish(Path(publish), jurisdictions, fmt, when)
        return
    if len(jurisdictions) > 1:
        raise InputError("give one --jurisdiction (several only with --publish)")
    jurisdiction = jurisdictions[0] if jurisdictions else None
    standing = (stakeholder, use, jurisdiction)
    if situation and any(standing):
        raise InputError("give either a SITUATION file or --stakeholder/--use/--jurisdiction")
    if not situation and not all(standing):
        raise InputError("give a SITUATION file, or all of --stakeholder, --use and --jurisdiction")
    if fmt in BINARY and not output:
        raise InputError(f"--format {fmt} writes a binary file; give --output PATH")
    catalog = load_catalog()
    if situation:
        memo = build_memo(parse_situation(read_text(situation), name=situation), catalog, date=when)
    else:
        assert stakeholder and use and jurisdiction
        memo = build_standing_memo(
            catalog, stakeholder=stakeholder, use=use, jurisdiction=jurisdiction, date=when
        )
    data = render(memo, fmt)
    if output:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror})") from None
        click.echo(f"memo written to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
