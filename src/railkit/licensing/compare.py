"""Comparison of licenses: a matrix of licenses x categories and structural features.

:func:`compare` takes analysed licenses and builds a :class:`Comparison` whose cells hold the
locators of the clauses that restrict a category or evidence a feature (empty: not found).
Renderers turn it into a fixed-width text table, JSON data, CSV or a Markdown table.

:func:`resolve_license` turns a command-line argument into license text: a file path, or
anything a registered resolver knows (the license registry appends one to :data:`RESOLVERS`
so registry ids work too).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from railkit.errors import InputError
from railkit.inputs import read_text
from railkit.licensing.analyze import Analysis
from railkit.licensing.features import FEATURE_IDS


@dataclass(frozen=True)
class ResolvedLicense:
    """License text found for a command-line argument, with a short display name.

    A registry document has no text in the repository: its resolver gives the team's
    annotations as a ready ``analysis`` instead (``text`` is then empty).
    """

    name: str
    text: str
    source: str  # "file" or the resolver's kind, e.g. "registry"
    analysis: Analysis | None = None

    def analysed(self) -> Analysis:
        """The analysis of this license (computed from the text when there is no ready one)."""
        if self.analysis is not None:
            return self.analysis
        from railkit.licensing.analyze import analyze

        return analyze(self.text)


Resolver = Callable[[str], ResolvedLicense | None]
RESOLVERS: list[Resolver] = []
"""Extra resolvers tried, in order, when an argument is not an existing file."""


def resolve_license(spec: str) -> ResolvedLicense:
    """The license text ``spec`` names: a file path (``-`` for stdin) or a registered id."""
    path = Path(spec)
    if spec == "-" or path.exists():
        name = "stdin" if spec == "-" else path.stem
        return ResolvedLicense(name, read_text(spec), "file")
    for resolver in (*RESOLVERS, registry_resolver):
        found = resolver(spec)
        if found is not None:
            return found
    raise InputError(f"{spec}: no such file or known license id")


def registry_resolver(spec: str) -> ResolvedLicense | None:
    """A registry id (any identifier) as the team's annotations of that document and of the
    policies it incorporates; None when ``spec`` does not look like an id. An unknown or
    ambiguous id raises :class:`~railkit.errors.UnknownIdError` with suggestions."""
    if not spec or len(spec) > 200 or any(c.isspace() for c in spec) or "/" in spec:
        return None
    from railkit.kb import load_catalog
    from railkit.licensing.annotations import annotation_analysis, registry_document

    catalog = load_catalog()
    doc = registry_document(catalog, spec)
    return ResolvedLicense(doc.id, "", "registry", annotation_analysis(doc, catalog))


@dataclass(frozen=True)
class Row:
    """One row of the matrix: a category or a feature, with a cell per license."""

    kind: str  # "category" or "feature"
    id: str
    cells: tuple[tuple[str, ...], ...]  # per license: refs of the clauses (empty: absent)


@dataclass(frozen=True)
class Comparison:
    """Licenses (columns) against categories and features (rows)."""

    licenses: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "licenses": list(self.licenses),
            "rows": [
                {
                    "kind": row.kind,
                    "id": row.id,
                    "licenses": {
                        name: list(refs)
                        for name, refs in zip(self.licenses, row.cells, strict=True)
                    },
                }
                for row in self.rows
            ],
        }


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)


def compare(
    analyses: Sequence[tuple[str, Analysis]],
    *,
    category_ids: Sequence[str] = (),
    all_categories: bool = False,
) -> Comparison:
    """Compare named analyses.

    Category rows follow ``category_ids`` (the taxonomy order), then any other category
    found; unless ``all_categories``, only categories some license restricts are shown.
    Every feature is a row.
    """
    names = _unique([name for name, _ in analyses])
    per_license = [a.categories for _, a in analyses]
    found = [cat for cats in per_license for cat in cats]
    order = list(dict.fromkeys([*category_ids, *found]))
    if not all_categories:
        present = set(found)
        order = [cat for cat in order if cat in present]
    rows = [Row("category", cat, tuple(cats.get(cat, ()) for cats in per_license)) for cat in order]
    for fid in FEATURE_IDS:
        cells = []
        for _, analysis in analyses:
            refs = tuple(dict.fromkeys(f.ref for f in analysis.features if f.id == fid))
            cells.append(refs)
        rows.append(Row("feature", fid, tuple(cells)))
    return Comparison(names, tuple(rows))


def _cell(refs: tuple[str, ...], limit: int = 3) -> str:
    if not refs:
        return ""
    shown = ", ".join(refs[:limit])
    return shown + (f" +{len(refs) - limit}" if len(refs) > limit else "")


def render_text(comparison: Comparison) -> str:
    """A fixed-width table: ``x (refs)`` where present, ``-`` where not."""
    header = ["kind", "id", *comparison.licenses]
    body = [
        [row.kind, row.id, *(f"x ({_cell(c)})" if c else "-" for c in row.cells)]
        for row in comparison.rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in body
    ]
    return "\n".join(lines) + "\n"


def render_csv(comparison: Comparison) -> str:
    """CSV: ``kind,id,<license>...``; a cell lists the clause refs separated by ``; ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "id", *comparison.licenses])
    for row in comparison.rows:
        writer.writerow([row.kind, row.id, *("; ".join(c) for c in row.cells)])
    return out.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison) -> str:
    """A Markdown table: ``✓ refs`` where present, ``—`` where not."""
    header = ["", *comparison.licenses]
    lines = [
        "| " + " | ".join(_md(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    for row in comparison.rows:
        label = f"{row.id}" if row.kind == "category" else f"*{row.id}* (feature)"
        cells = [f"✓ {_md(_cell(c))}" if c else "—" for c in row.cells]
        lines.append("| " + " | ".join([_md(label), *cells]) + " |")
    return "\n".join(lines) + "\n"
