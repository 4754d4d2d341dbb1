"""Shared fixtures: the packaged catalog, a CLI runner, and paths to optional shared data."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from railkit.kb import Catalog, load_catalog

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared/ folder beside the repository (skips when absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def scancode_license_dir() -> Path | None:
    """ScanCode's license texts from the installed scancode-toolkit-mini package data."""
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "licenses"
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def scancode_licenses() -> Path:
    folder = scancode_license_dir()
    if folder is None:
        pytest.skip("scancode-toolkit-mini is not installed")
    return folder


def scancode_text(folder: Path, key: str) -> str:
    """The license text of a ScanCode key, without its YAML front matter."""
    raw = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
    if raw.startswith("---"):
        raw = raw.split("\n---", 1)[1].split("\n", 1)[1]
    return raw
