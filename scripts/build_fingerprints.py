"""Rebuild the committed license fingerprints from the reference texts.

Reads every registry record (``railkit/data/licenses``) and its reference text: the ScanCode
package data (``licensedcode/data/licenses/<key>.LICENSE``, front matter removed) for records
whose ``text.origin`` is ``scancode``, the shared corpus (``../shared/corpus/licenses/<key>.txt``)
for ``corpus``. Writes ``railkit/data/fingerprints/documents.json`` and ``shingles.bin``: hashes
and clause locators only, never text. Deterministic: the same inputs give the same bytes.

Usage:
    .venv/bin/python scripts/build_fingerprints.py [--corpus DIR] [--data DIR] [--check]

``--check`` rebuilds in memory and exits 1 when the committed files differ.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from railkit.kb.catalog import read_catalog
from railkit.kb.records.license import LicenseDocument
from railkit.licensing.fingerprint import PrintSet, build_document, dump, fingerprint_dir

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "licenses"


def scancode_dir() -> Path:
    """The ScanCode license texts shipped in the installed scancode-toolkit wheel."""
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("scancode-toolkit-mini is not installed (pip install -e '.[test]')")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "licenses"


def scancode_text(key: str, folder: Path) -> str:
    """The text of a ScanCode license (everything after the YAML front matter)."""
    raw = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
    if raw.startswith("---"):
        end = raw.find("\n---", 3)
        if end >= 0:
            raw = raw[raw.index("\n", end + 1) + 1 :]
    return raw


def _ref_key(ref: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", ref.lower())


def labeller(record: LicenseDocument) -> Callable[[str, str], tuple[str, ...]]:
    """Categories for a clause: the registry's annotation for its locator, else the classifier."""
    annotated = {_ref_key(a.ref): tuple(a.categories) for a in record.annotations}
    classify: Any = None
    try:
        from railkit.licensing import classify as classify_module

        classify = classify_module.classify
    except ImportError:
        classify = None

    def categories(ref: str, text: str) -> tuple[str, ...]:
        key = _ref_key(ref)
        if key in annotated:
            return annotated[key]
        if classify is None:
            return ()
        return tuple(classify(text).categories)

    return categories


def reference_text(record: LicenseDocument, corpus: Path, scancode: Path) -> str | None:
    """The reference text of a record, or None when it has none."""
    origin, key = record.text.origin, record.text.key or record.id
    if origin == "scancode":
        return scancode_text(key, scancode)
    if origin == "corpus":
        path = corpus / f"{key}.txt"
        if not path.is_file():
            raise SystemExit(f"{record.id}: corpus text {path} not found (use --corpus)")
        return path.read_text(encoding="utf-8")
    return None


def build(data: Path | None, corpus: Path) -> PrintSet:
    """Fingerprint every registry record that has a reference text."""
    catalog, problems = read_catalog(data)
    broken = [p for p in problems if p.path.startswith("licenses/")]
    for p in broken:
        print(f"warning: {p.path}: {p.message}", file=sys.stderr)
    scancode = scancode_dir()
    docs = []
    for record in catalog.licenses.values():
        text = reference_text(record, corpus, scancode)
        if text is None:
            continue
        meta = {
            "id": record.id,
            "name": record.name,
            "scancode_key": record.identifiers.scancode,
            "hf_id": record.identifiers.hf[0] if record.identifiers.hf else None,
            "type": record.type,
            "family": record.family,
            "twins": [
                (twin.id, twin.name)
                for twin in catalog.licenses.values()
                if twin.same_as == record.id
            ],
        }
        docs.append(build_document(meta, text, labeller(record)))
    return PrintSet(tuple(docs), tuple(catalog.licenses))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="shared corpus folder")
    ap.add_argument("--data", type=Path, default=None, help="knowledge-base root (tests)")
    ap.add_argument("--out", type=Path, default=None, help="output folder")
    ap.add_argument("--check", action="store_true", help="only compare with the committed files")
    args = ap.parse_args()
    meta, blob = dump(build(args.data, args.corpus))
    out = args.out or Path(str(fingerprint_dir()))
    meta_file, blob_file = out / "documents.json", out / "shingles.bin"
    if args.check:
        same = (
            meta_file.is_file()
            and blob_file.is_file()
            and meta_file.read_text(encoding="utf-8") == meta
            and blob_file.read_bytes() == blob
        )
        print("fingerprints are up to date" if same else "fingerprints are STALE: rebuild them")
        return 0 if same else 1
    out.mkdir(parents=True, exist_ok=True)
    meta_file.write_text(meta, encoding="utf-8")
    blob_file.write_bytes(blob)
    n = meta.count('"offset"')
    print(f"wrote {n} document fingerprints ({len(blob) // 8} shingles) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
