"""Reading user-supplied text safely: size limits, binary and encoding checks.

Every command and web form that takes a document goes through :func:`read_text` or
:func:`decode_text`, so bad input always yields one :class:`~railkit.errors.InputError`
naming the problem, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from railkit.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
"""Largest document accepted (10 MiB): far above any license, well below memory trouble."""


def decode_text(data: bytes, *, name: str = "input", max_bytes: int = MAX_BYTES) -> str:
    """Decode bytes as UTF-8 text, rejecting empty, oversized, binary or non-UTF-8 input."""
    if len(data) > max_bytes:
        raise InputError(f"{name} is too large: more than the {max_bytes / 1048576:g} MiB limit")
    if not data.strip():
        raise InputError(f"{name} is empty")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} looks binary (it contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (invalid byte at offset {exc.start}); convert it to UTF-8"
        ) from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(f"{name} looks binary (many control characters), not text")
    return text


def read_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a text file (``-`` for standard input) through :func:`decode_text`."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return decode_text(data, name="standard input", max_bytes=max_bytes)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name} is a folder, not a file")
    try:
        with file.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    return decode_text(data, name=name, max_bytes=max_bytes)
