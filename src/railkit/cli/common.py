"""What every command shares: output formats, exit codes and the error boundary.

Exit status: 0 ok, 1 findings (a check found problems, a use is restricted...), 2 usage error
or bad input. Library errors become a one-line message on stderr here and nowhere else.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import click
from rich.console import Console

from railkit.errors import ContentError, InputError, RailkitError, UnknownIdError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def console(*, stderr: bool = False) -> Console:
    """A rich console; plain (no colour, no wrapping) when not writing to a terminal."""
    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=not tty,
        no_color=not tty or "NO_COLOR" in os.environ,
    )


def fail(message: str, status: int = EXIT_BAD_INPUT) -> NoReturn:
    """Print one line to stderr and exit."""
    click.echo(f"railkit: error: {message}", err=True)
    sys.exit(status)


class RailkitGroup(click.Group):
    """A click group that turns railkit errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UnknownIdError as exc:
            fail(str(exc))
        except InputError as exc:
            fail(str(exc))
        except ContentError as exc:
            fail(f"knowledge base: {exc}", EXIT_BAD_INPUT)
        except RailkitError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(EXIT_OK)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # the last boundary: never show a traceback to users
            if os.environ.get("RAILKIT_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}: {exc}); set RAILKIT_DEBUG=1 for details",
                EXIT_INTERNAL,
            )


def format_option(*choices: str, default: str = "text") -> Callable[[Any], Any]:
    """The ``--format`` option, with the given choices."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices) or ["text", "json"], case_sensitive=False),
        default=default,
        show_default=True,
        help="Output format.",
    )


def write_json(data: Any) -> None:
    """Write JSON to stdout (UTF-8, not ASCII-escaped)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def write_jsonl(rows: Sequence[Any]) -> None:
    """Write JSON Lines to stdout."""
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
