"""The documentation is complete and current (datasette-style docs tests)."""

from __future__ import annotations

import subprocess
import sys

from railkit.kb.collections import COLLECTIONS
from tests.conftest import REPO


def test_generated_references_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_authoring_guide_covers_every_collection() -> None:
    guide = (REPO / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    for collection in COLLECTIONS:
        assert f"`{collection.name}`" in guide, collection.name


def test_every_web_page_module_is_documented() -> None:
    from railkit.web.app import page_modules

    guide = (REPO / "docs" / "web.md").read_text(encoding="utf-8")
    for module in page_modules():
        name = module.__name__.rsplit(".", 1)[1]
        assert f"`{name}`" in guide, name
