"""Rendering a :class:`~railkit.rights.memo.Memo`: Markdown, HTML, PDF, DOCX and JSON.

Markdown and HTML come from Jinja2 templates in ``railkit/data/memo/`` (undefined names are
errors, so a template typo fails loudly); PDF is the HTML laid out by WeasyPrint; DOCX is built
with python-docx. WeasyPrint and python-docx are imported only when those formats are asked
for, so the command line starts fast.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

    from railkit.rights.memo import Authority, Memo, Point

FORMATS = ("markdown", "html", "docx", "pdf", "json")
STATUS_WORDS = {
    "applicable": "applicable",
    "possibly-applicable": "possibly applicable",
    "not-applicable": "not applicable",
}
GROUPS = (
    ("Legislation and regulation", {"legislation", "regulation", "treaty"}),
    ("Decisions", {"case", "authority-decision"}),
)


def cites_suffix(cites: Iterable[str]) -> str:
    """`` [GDPR Art. 21(1); AI Act Art. 53]`` or the empty string."""
    labels = list(cites)
    return f" [{'; '.join(labels)}]" if labels else ""


def point_text(point: Point) -> str:
    """A statement with its citations."""
    return point.text + cites_suffix(point.cites)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("|", "\\|")


def group_authorities(rows: Iterable[Authority]) -> list[tuple[str, list[Authority]]]:
    """Authorities grouped as legislation, decisions, and other sources (in that order)."""
    groups: dict[str, list[Authority]] = {}
    for row in rows:
        name = next((g for g, kinds in GROUPS if row.kind in kinds), "Other sources")
        groups.setdefault(name, []).append(row)
    order = [g for g, _ in GROUPS] + ["Other sources"]
    return [(g, groups[g]) for g in order if g in groups]


def _template_source(name: str) -> str:
    return (resources.files("railkit") / "data" / "memo" / name).read_text(encoding="utf-8")


@functools.cache
def _environment(autoescape: bool) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_source),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["point"] = point_text
    env.filters["cites"] = cites_suffix
    env.filters["cell"] = _cell
    env.filters["status"] = lambda s: STATUS_WORDS.get(s, s)
    env.filters["groupby_kind"] = group_authorities
    return env


def render_markdown(memo: Memo) -> str:
    """The memo as Markdown."""
    text = _environment(False).get_template("memo.md.j2").render(memo=memo)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def render_html(memo: Memo) -> str:
    """The memo as a standalone HTML page (print styles included)."""
    return _environment(True).get_template("memo.html.j2").render(memo=memo)


def render_pdf(memo: Memo) -> bytes:
    """The memo as PDF (WeasyPrint, from the HTML)."""
    import weasyprint

    pdf: bytes = weasyprint.HTML(string=render_html(memo)).write_pdf()
    return pdf


def render_json(memo: Memo) -> str:
    """The memo as JSON."""
    return json.dumps(memo.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _bullets(doc: Any, items: Iterable[str], style: str = "List Bullet") -> None:
    for item in items:
        doc.add_paragraph(item, style=style)


def _table(doc: Any, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _docx_discussion(doc: Any, memo: Memo) -> None:
    doc.add_heading("Discussion", level=1)
    group = ""
    for i, d in enumerate(memo.discussion, 1):
        if d.group != group:
            group = d.group
            doc.add_heading(group, level=2)
        doc.add_heading(f"{i}. {d.title}", level=3)
        doc.add_paragraph(
            f"Status: {STATUS_WORDS[d.status]}. Jurisdiction: {d.jurisdiction}. "
            f"Mechanism id: {d.id}."
        )
        doc.add_paragraph(f"Rule. {point_text(d.rule)}")
        doc.add_paragraph("Application to the facts.")
        _bullets(doc, (point_text(p) for p in d.application))
        if d.unknown_fields:
            doc.add_paragraph("Facts still needed: " + ", ".join(d.unknown_fields) + ".")
        for label, items in (
            ("Decisions.", [point_text(p) for p in d.decisions]),
            ("Counter-arguments.", list(d.counter_arguments)),
            ("Open questions.", list(d.open_questions)),
            (
                "What it can and cannot achieve.",
                [f"Can: {c}" for c in d.can_achieve] + [f"Cannot: {c}" for c in d.cannot_achieve],
            ),
        ):
            if items:
                doc.add_paragraph(label)
                _bullets(doc, items)
        doc.add_paragraph("Practical steps.")
        _bullets(doc, d.steps, "List Number")
        _bullets(doc, (f"Deadline: {dl}" for dl in d.deadlines))
        doc.add_paragraph(f"Costs: {d.costs}")
    if memo.not_applicable:
        doc.add_heading("Mechanisms that do not apply", level=2)
        _bullets(doc, (point_text(p) for p in memo.not_applicable))


def _docx_authorities(doc: Any, memo: Memo) -> None:
    doc.add_heading("Table of authorities", level=1)
    for group, rows in group_authorities(memo.authorities):
        doc.add_heading(group, level=2)
        if group == "Decisions":
            _table(
                doc,
                ["Decision", "Court", "Date", "Status", "Checked"],
                [
                    [
                        f"{a.label}: {a.title}",
                        a.court or "",
                        a.date or "",
                        a.status or "",
                        a.checked,
                    ]
                    for a in rows
                ],
            )
        else:
            _table(
                doc,
                ["Source", "Cited at", "Checked", "URL"],
                [[f"{a.label}: {a.title}", "; ".join(a.locators), a.checked, a.url] for a in rows],
            )


def render_docx(memo: Memo) -> bytes:
    """The memo as a Word document (python-docx)."""
    import docx

    doc = docx.Document()
    doc.add_heading(memo.title, level=0)
    _table(
        doc,
        ["To", memo.to],
        [["From", memo.author], ["Date", memo.date], ["Re", memo.re]],
    )
    doc.add_paragraph(memo.notice)
    doc.add_heading("Question presented", level=1)
    doc.add_paragraph(memo.question_presented)
    doc.add_heading("Brief answer", level=1)
    for p in memo.brief_answer:
        doc.add_paragraph(point_text(p))
    doc.add_heading("Facts", level=1)
    _bullets(doc, memo.facts)
    if memo.warnings:
        doc.add_paragraph("Contradictions to resolve before relying on this memo:")
        _bullets(doc, memo.warnings)
    if memo.background:
        doc.add_heading("Background", level=1)
        _bullets(doc, (point_text(p) for p in memo.background))
    _docx_discussion(doc, memo)
    if memo.parallels:
        doc.add_heading("Parallels outside AI", level=1)
        for par in memo.parallels:
            doc.add_heading(par.title, level=2)
            doc.add_paragraph(point_text(par.decided))
            doc.add_paragraph(f"AI question: {par.ai_question}")
            if par.applied_in:
                doc.add_paragraph(
                    "AI-era decisions that applied or distinguished it: "
                    + "; ".join(par.applied_in)
                    + "."
                )
            _bullets(
                doc, [f"Lesson: {x}" for x in par.lessons] + [f"Limit: {x}" for x in par.limits]
            )
    doc.add_heading("Conclusion", level=1)
    _bullets(doc, (point_text(p) for p in memo.conclusion))
    _docx_authorities(doc, memo)
    doc.add_paragraph(memo.notice)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render(memo: Memo, fmt: str) -> bytes:
    """The memo in ``fmt`` (one of :data:`FORMATS`) as bytes ready to write."""
    if fmt == "markdown":
        return render_markdown(memo).encode("utf-8")
    if fmt == "html":
        return render_html(memo).encode("utf-8")
    if fmt == "json":
        return render_json(memo).encode("utf-8")
    if fmt == "docx":
        return render_docx(memo)
    if fmt == "pdf":
        return render_pdf(memo)
    raise ValueError(f"unknown memo format {fmt!r}")
