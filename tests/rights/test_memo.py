"""Research memos: golden Markdown, the standard form, citations, DOCX and PDF rendering, CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli
from railkit.kb import Catalog, load_catalog
from railkit.rights.memo import Memo, build_memo
from railkit.rights.memo_render import render_docx, render_html, render_markdown, render_pdf
from railkit.rights.situation import parse_situation
from railkit.rights.standing import (
    build_standing_memo,
    representative_situation,
    standing_pairs,
)
from tests.conftest import REPO

DATA = Path(__file__).parent / "data"
GOLDEN = REPO / "tests" / "golden"
DATE = dt.date(2026, 11, 27)
SECTIONS = (
    "## Question presented",
    "## Brief answer",
    "## Facts",
    "## Discussion",
    "## Conclusion",
    "## Table of authorities",
)


def _situation_memo(catalog: Catalog, name: str) -> Memo:
    text = (DATA / name).read_text(encoding="utf-8")
    return build_memo(parse_situation(text), catalog, date=DATE)


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RAILKIT_REGEN_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden {path}; run with RAILKIT_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, regenerate with "
        "RAILKIT_REGEN_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize(
    ("golden", "source"),
    [
        ("memo-visual-artist-de.md", "memo-visual-artist-de.json"),
        ("memo-private-individual-us-ca.md", "memo-private-individual-us-ca.json"),
    ],
)
def test_situation_memo_golden(catalog: Catalog, golden: str, source: str) -> None:
    _check_golden(golden, render_markdown(_situation_memo(catalog, source)))


def test_standing_memo_golden(catalog: Catalog) -> None:
    memo = build_standing_memo(
        catalog, stakeholder="writer", use="chatbot", jurisdiction="EU", date=DATE
    )
    _check_golden("memo-standing-writer-chatbot-eu.md", render_markdown(memo))


def test_memo_has_standard_form_and_notice(catalog: Catalog) -> None:
    text = render_markdown(_situation_memo(catalog, "memo-visual-artist-de.json"))
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions), "sections out of the standard order"
    for field in ("**To**", "**From**", "**Date** | 2026-11-27", "**Re**"):
        assert field in text
    assert "Legal information, not legal advice" in text
    assert "Law as of 2026-11-" in text
    assert text.rstrip().endswith(".")


def test_date_is_injected(catalog: Catalog) -> None:
    memo = build_memo(parse_situation("{}"), catalog, date=dt.date(2030, 1, 2))
    assert memo.date == "2030-01-02"
    assert "| **Date** | 2030-01-02 |" in render_markdown(memo)


def test_every_cited_label_is_in_the_table_of_authorities(catalog: Catalog) -> None:
    memo = _situation_memo(catalog, "memo-visual-artist-de.json")
    shorts = {a.label for a in memo.authorities}
    labels = _labels_of(memo)
    assert labels, "the memo cites nothing"
    for label in labels:
        assert any(label == s or label.startswith(s + " ") for s in shorts), label


def test_rules_cite_sources_and_decisions_are_dated(catalog: Catalog) -> None:
    memo = _situation_memo(catalog, "memo-visual-artist-de.json")
    assert memo.discussion
    for d in memo.discussion:
        if catalog.mechanisms[d.id].kind == "legal":
            assert d.rule.cites, f"{d.id}: the rule cites no source"
    decisions = [a for a in memo.authorities if a.kind in {"case", "authority-decision"}]
    assert decisions
    for a in decisions:
        assert a.court and a.status and a.checked and a.date


def test_not_applicable_mechanisms_are_not_discussed(catalog: Catalog) -> None:
    memo = _situation_memo(catalog, "memo-private-individual-us-ca.json")
    discussed = {d.id for d in memo.discussion}
    assert "gdpr-rectification" not in discussed  # a Californian against a US-only service
    assert all(d.status in {"applicable", "possibly-applicable"} for d in memo.discussion)


def test_standing_memo_builds_a_representative_situation(catalog: Catalog) -> None:
    group, use = catalog.stakeholders["code-author"], catalog.ai_uses["code-assistant"]
    situation = representative_situation(group, use, "GB")
    assert situation.person is not None and situation.person.residence == "GB"
    assert situation.ai_use == "code-assistant"
    assert situation.works and situation.works[0].kind == "code"
    memo = build_standing_memo(
        catalog, stakeholder="code-author", use="code-assistant", jurisdiction="UK", date=DATE
    )
    assert memo.kind == "standing" and memo.title.startswith("Standing memo: Code authors")
    assert any("Assumed for this standing memo" in p.text for p in memo.background)


def test_docx_renders_with_headings(catalog: Catalog) -> None:
    import docx

    memo = _situation_memo(catalog, "memo-private-individual-us-ca.json")
    document = docx.Document(io.BytesIO(render_docx(memo)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for name in ("Question presented", "Brief answer", "Facts", "Discussion", "Conclusion"):
        assert name in headings
    assert "Table of authorities" in headings
    assert any(p.style.name == "Title" for p in document.paragraphs)
    assert len(document.tables) >= 2  # heading block and at least one authorities table


def test_pdf_renders_pages(catalog: Catalog) -> None:
    import weasyprint

    memo = _situation_memo(catalog, "memo-private-individual-us-ca.json")
    data = render_pdf(memo)
    assert data.startswith(b"%PDF")
    pages = weasyprint.HTML(string=render_html(memo)).render().pages
    assert len(pages) >= 2


def test_html_escapes_text(catalog: Catalog) -> None:
    situation = parse_situation(json.dumps({"description": "<script>alert(1)</script>"}))
    html = render_html(build_memo(situation, catalog, date=DATE))
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_cli_memo_markdown_and_docx(catalog: Catalog, tmp_path: Path) -> None:
    runner = CliRunner()
    source = str(DATA / "memo-visual-artist-de.json")
    result = runner.invoke(cli, ["rights", "memo", source, "--date", "2026-11-27"])
    assert result.exit_code == 0, result.output
    expected = render_markdown(_situation_memo(catalog, "memo-visual-artist-de.json"))
    assert result.output == expected
    out = tmp_path / "memo.docx"
    result = runner.invoke(cli, ["rights", "memo", source, "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_cli_standing_memo_json() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "rights",
            "memo",
            "--stakeholder",
            "musician",
            "--use",
            "music-generation",
            "--jurisdiction",
            "DE",
            "--format",
            "json",
            "--date",
            "2026-11-27",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "standing" and data["date"] == "2026-11-27"
    assert data["discussion"] and data["authorities"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--stakeholder", "writr", "--use", "chatbot", "--jurisdiction", "EU"], "writer"),
        (["--stakeholder", "writer", "--use", "chatbot", "--jurisdiction", "X-1"], "jurisdiction"),
        (["--stakeholder", "writer", "--use", "chatbot"], "--jurisdiction"),
        (
            [
                "--stakeholder",
                "writer",
                "--use",
                "chatbot",
                "--jurisdiction",
                "EU",
                "--format",
                "pdf",
            ],
            "--output",
        ),
        (
            [
                "--stakeholder",
                "writer",
                "--use",
                "chatbot",
                "--jurisdiction",
                "EU",
                "--date",
                "tomorrow",
            ],
            "--date",
        ),
    ],
)
def test_cli_memo_bad_options_exit_2(args: list[str], needle: str) -> None:
    result = CliRunner().invoke(cli, ["rights", "memo", *args])
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("situation", "field"),
    [
        ({"person": {"role": "writer", "hometown": "Paris"}}, "person.hometown"),
        ({"ai_use": "telepathy"}, "ai_use"),
        ({"works": [{"kind": "sculpture"}]}, "works[0].kind"),
        ({"person": {"residence": "Atlantis"}}, "person.residence"),
    ],
)
def test_cli_memo_bad_situation_names_the_field(
    tmp_path: Path, situation: dict[str, object], field: str
) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(situation), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rights", "memo", str(path)])
    assert result.exit_code == 2
    assert field in result.output
    assert len(result.output.strip().splitlines()) == 1


def _labels_of(memo: Memo) -> set[str]:
    points = [*memo.brief_answer, *memo.conclusion, *memo.not_applicable, *memo.background]
    for d in memo.discussion:
        points += [d.rule, *d.application, *d.decisions]
    labels = {c for p in points for c in p.cites}
    for par in memo.parallels:
        labels |= {*par.decided.cites, *par.applied_in}
    return labels


def test_every_standing_memo_renders_with_resolved_citations(catalog: Catalog) -> None:
    for stakeholder in catalog.stakeholders:
        for use in catalog.ai_uses:
            for place in ("EU", "GB", "US-CA", "CA", "BR", "JP"):
                memo = build_standing_memo(
                    catalog, stakeholder=stakeholder, use=use, jurisdiction=place, date=DATE
                )
                text = render_markdown(memo)
                assert "Legal information, not legal advice" in text
                shorts = {a.label for a in memo.authorities}
                for label in _labels_of(memo):
                    assert any(label == s or label.startswith(s + " ") for s in shorts), (
                        stakeholder,
                        use,
                        place,
                        label,
                    )


def test_cli_publish_writes_every_standing_memo_and_an_index(tmp_path: Path) -> None:
    folder = tmp_path / "memos"
    result = CliRunner().invoke(
        cli,
        [
            "rights",
            "memo",
            "--publish",
            str(folder),
            "--jurisdiction",
            "EU",
            "--date",
            "2026-11-27",
        ],
    )
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in folder.glob("*.md") if p.name != "index.md")
    assert len(files) == len(standing_pairs(load_catalog())) > 10
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert all(f"({name})" in index for name in files)
    assert "Legal information, not legal advice" in index


def test_control_characters_in_free_text_do_not_break_docx() -> None:
    """Found by the API property test: a control character in the description broke DOCX."""
    import datetime as dt

    from railkit.kb import load_catalog
    from railkit.rights.memo import build_memo
    from railkit.rights.memo_render import render_docx
    from railkit.rights.situation import situation_from_data

    situation = situation_from_data(
        {"description": "a\bb\x00c", "developer": {"name": "X\x1fY"}, "concerns": []}
    )
    assert situation.description == "abc"
    memo = build_memo(situation, load_catalog(), date=dt.date(2026, 11, 27))
    assert render_docx(memo)[:2] == b"PK"
