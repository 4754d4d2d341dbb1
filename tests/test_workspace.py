"""The workspace stores only what is saved, and deletes for good."""

from __future__ import annotations

from pathlib import Path

import pytest

from railkit.errors import InputError, UnknownIdError
from railkit.workspace import Workspace, default_path


def test_save_list_get_delete(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.sqlite3")
    assert ws.list() == [] and not (tmp_path / "w.sqlite3").exists()
    item = ws.save("situation", "My case", {"person": {"role": "writer"}})
    assert ws.get(item.id).payload == {"person": {"role": "writer"}}
    assert [i.id for i in ws.list("situation")] == [item.id]
    assert ws.list("memo") == []
    ws.delete(item.id)
    assert ws.list() == []
    with pytest.raises(UnknownIdError):
        ws.delete(item.id)
    with pytest.raises(UnknownIdError):
        ws.get(item.id)


def test_rejects_unknown_kind_and_oversized(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.sqlite3")
    with pytest.raises(InputError):
        ws.save("secret", "x", {})
    with pytest.raises(InputError):
        ws.save("memo", "x", {"text": "x" * (1024 * 1024 + 1)})


def test_data_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAILKIT_DATA_DIR", str(tmp_path))
    assert default_path() == tmp_path / "workspace.sqlite3"


def test_input_errors_name_the_problem(tmp_path: Path) -> None:
    from railkit.inputs import decode_text, read_text

    cases = {
        b"": "is empty",
        b"  \n\t ": "is empty",
        b"abc\x00def": "looks binary",
        b"caf\xe9": "not UTF-8",
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 10: "looks binary",
    }
    for data, message in cases.items():
        with pytest.raises(InputError, match=message):
            decode_text(data)
    with pytest.raises(InputError, match="too large: more than the 1 MiB limit"):
        decode_text(b"x" * (1024 * 1024 + 1), max_bytes=1024 * 1024)
    assert decode_text(b"\xef\xbb\xbfhello") == "hello"
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)
