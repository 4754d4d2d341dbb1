"""``railkit serve``: loopback by default, a warning for any other host."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from railkit.cli.main import cli


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append({"app": app, **kw}))
    return seen


def test_serves_on_loopback_by_default(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 0
    assert (calls[0]["host"], calls[0]["port"]) == ("127.0.0.1", 8000)
    assert "warning" not in result.stderr
    assert "http://127.0.0.1:8000" in result.stderr


def test_other_host_warns(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 8123
    assert "warning" in result.stderr and "not loopback" in result.stderr


def test_bad_port_is_a_usage_error(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and not calls
