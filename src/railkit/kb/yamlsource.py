"""Reading one record file: YAML, or Markdown with YAML front matter, with line numbers."""

from __future__ import annotations

from typing import Any

import yaml

FRONT_MATTER = "---"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RecordFileError(ValueError):
    """The file is not readable YAML; carries the 1-based line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def split_front_matter(text: str) -> tuple[str, str | None]:
    """Split Markdown with ``---`` front matter into (yaml, body)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise RecordFileError("Markdown record must start with '---' front matter", 1)
    for i in range(1, len(lines)):
        if lines[i].strip() == FRONT_MATTER:
            return "".join(lines[1:i]), "".join(lines[i + 1 :]).strip() or None
    raise RecordFileError("front matter is not closed by '---'", 1)


def _key_lines(
    node: yaml.Node, prefix: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]
) -> None:
    out[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = (*prefix, str(key.value))
            out[path] = key.start_mark.line + 1
            _key_lines(value, path, out)
            out[path] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _key_lines(item, (*prefix, i), out)


def parse_record(
    text: str, *, markdown: bool = False
) -> tuple[dict[str, Any], dict[tuple[str | int, ...], int]]:
    """Parse a record file into its mapping and a map from field path to line number."""
    body: str | None = None
    offset = 0
    if markdown:
        text, body = split_front_matter(text)
        offset = 1
    try:
        # One pass through libyaml (when available) gives the nodes with their line marks; the
        # Python constructor then builds plain data from those nodes.
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.constructor.SafeConstructor().construct_document(node) if node else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 + offset if mark is not None else None
        raise RecordFileError(f"invalid YAML: {exc.problem}", line) from None
    except yaml.YAMLError as exc:
        raise RecordFileError(f"invalid YAML: {exc}") from None
    if not isinstance(data, dict) or node is None:
        raise RecordFileError("a record must be a YAML mapping", 1)
    lines: dict[tuple[str | int, ...], int] = {}
    _key_lines(node, (), lines)
    if offset:
        lines = {k: v + offset for k, v in lines.items()}
    if body is not None:
        data.setdefault("body", body)
    return data, lines
