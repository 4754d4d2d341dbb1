"""Analysis result objects, the comparison matrix and its renderers, and license resolution."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from railkit.errors import InputError, UnknownIdError
from railkit.licensing import compare as compare_module
from railkit.licensing.analyze import Analysis, analyze
from railkit.licensing.classify import Evidence, Labels
from railkit.licensing.compare import (
    ResolvedLicense,
    compare,
    render_csv,
    render_markdown,
    render_text,
    resolve_license,
)


def fake_classifier(items: Sequence[tuple[str, str | None]]) -> list[Labels]:
    """Labels 'weapons' where the clause says so, nothing else."""
    out = []
    for text, _ in items:
        at = text.find("weapons")
        if at >= 0:
            ev = Evidence("weapons", "weapons", at, at + 7)
            out.append(Labels(("weapons",), (ev,), True))
        else:
            out.append(Labels((), (), False))
    return out


LICENSE_A = """TOOL LICENSE A

1. You must give recipients a copy of this License.
2. You agree not to use the Tool:
(a) to build weapons;
(b) for non-commercial purposes only, as a joke.
"""
LICENSE_B = "You may not use the Model for weapons or for any other harm. That is all."


def analysed(text: str) -> Analysis:
    return analyze(text, classifier=fake_classifier)


def test_analysis_has_clauses_categories_evidence_and_features() -> None:
    result = analysed(LICENSE_A)
    weapons = [c for c in result.clauses if c.categories]
    assert [c.clause.ref for c in weapons] == ["2(a)"]
    assert weapons[0].evidence == (("weapons", "weapons"),)
    assert weapons[0].clause.context == "You agree not to use the Tool:"
    assert result.categories == {"weapons": ("2(a)",)}
    assert {f.id for f in result.features} >= {"attribution-notice"}
    data = result.to_dict()
    json.dumps(data)
    first = data["clauses"][0]
    assert {"ref", "text", "start", "end", "categories", "evidence", "context"} <= set(first)
    assert {"id", "ref", "text"} <= set(data["features"][0])


def test_empty_analysis() -> None:
    result = analyze("----\n", classifier=fake_classifier)
    assert result.clauses == () and result.features == ()
    assert result.to_dict()["clauses"] == []


def test_compare_matrix_and_renderers() -> None:
    table = compare(
        [("a", analysed(LICENSE_A)), ("b", analysed(LICENSE_B)), ("a", analysed(LICENSE_A))],
        category_ids=["discrimination", "weapons"],
    )
    assert table.licenses == ("a", "b", "a (2)")
    cats = [r for r in table.rows if r.kind == "category"]
    assert [r.id for r in cats] == ["weapons"]
    assert cats[0].cells == (("2(a)",), ("¶1",), ("2(a)",))
    features = {r.id: r for r in table.rows if r.kind == "feature"}
    assert len(features) == 11
    assert features["attribution-notice"].cells[0] == ("1",)
    assert features["attribution-notice"].cells[1] == ()

    every = compare(
        [("a", analysed(LICENSE_A))],
        category_ids=["discrimination", "weapons"],
        all_categories=True,
    )
    assert [r.id for r in every.rows if r.kind == "category"] == ["discrimination", "weapons"]

    rows = list(csv.reader(io.StringIO(render_csv(table))))
    assert rows[0] == ["kind", "id", "a", "b", "a (2)"]
    assert ["category", "weapons", "2(a)", "¶1", "2(a)"] in rows

    md = render_markdown(table).splitlines()
    assert md[0] == "|  | a | b | a (2) |" and md[1] == "|---|---|---|---|"
    assert any(line.startswith("| weapons | ✓ 2(a) | ✓ ¶1 |") for line in md)

    text = render_text(table)
    assert "weapons" in text and "x (2(a))" in text
    data = table.to_dict()
    assert data["rows"][0] == {
        "kind": "category",
        "id": "weapons",
        "licenses": {"a": ["2(a)"], "b": ["¶1"], "a (2)": ["2(a)"]},
    }


def test_resolve_file_and_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "my-license.md"
    path.write_text(LICENSE_B, encoding="utf-8")
    found = resolve_license(str(path))
    assert found == ResolvedLicense("my-license", LICENSE_B, "file")
    with pytest.raises(InputError, match="no such file"):
        resolve_license(str(tmp_path / "missing.txt"))


def test_registered_resolver_extends_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    def registry(spec: str) -> ResolvedLicense | None:
        return ResolvedLicense(spec, LICENSE_B, "registry") if spec == "demo-id" else None

    monkeypatch.setattr(compare_module, "RESOLVERS", [registry])
    assert resolve_license("demo-id").source == "registry"
    with pytest.raises(UnknownIdError, match="did you mean"):
        resolve_license("llama3.1-licence")
    with pytest.raises(InputError, match="no such file"):
        resolve_license("no/such/file.txt")


def test_registry_ids_resolve_to_annotations_with_incorporated_policy() -> None:
    found = resolve_license("llama3.1")  # a Hub id
    assert found.source == "registry" and found.name == "llama3.1-license"
    refs = [c.clause.ref for c in found.analysed().clauses]
    assert any(ref.startswith("llama3.1-aup: ") for ref in refs)
    assert "child-safety" in found.analysed().categories
