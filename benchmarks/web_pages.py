"""Server time per page of the web application (target: median <= 100 ms, PDF excluded).

Usage: python benchmarks/web_pages.py [--repeat N] [--files]

Measures, in-process with the framework's test client, every GET page without path
parameters plus one instance of each parameterised page, and the POST forms with a sample
input (a whole license, ScanCode's ``bigscience-open-rail-m``, for analysis and comparison).
Prints a table and exits 1 when a page's median exceeds the target. ``--files`` also times
the memo's DOCX and PDF files (3 runs each), which are outside the page target.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient
    from httpx import Response

from railkit.kb import load_catalog
from railkit.web.app import create_app, page_routes

TARGET_MS = 100.0
SAMPLES = {"item_id": "biometrics", "license_id": "bigscience-openrail-m"}
SKIP = re.compile(r"\.pdf$|/download|openapi")


def pages(client: TestClient) -> list[tuple[str, Callable[[], Response]]]:
    out: list[tuple[str, Callable[[], Response]]] = []
    for path, methods in page_routes():
        if "GET" not in methods or path.startswith(("/static", "/api/")) or SKIP.search(path):
            continue
        names = re.findall(r"{(\w+)}", path)
        if any(n not in SAMPLES for n in names):
            continue
        url = path
        for n in names:
            url = url.replace("{" + n + "}", SAMPLES[n])
        out.append((url, functools.partial(client.get, url)))
    return out


FORM_LICENSE = "bigscience-open-rail-m"
"""ScanCode key of the license text posted to the analysis and comparison forms."""
SITUATION = {
    "person": {"role": "visual-artist", "residence": "DE"},
    "works": [{"kind": "image", "published_online": True}],
    "ai_use": "image-generation",
    "developer": {"offers_service_in": ["EU", "US"]},
    "concerns": ["training-on-my-work"],
    "goals": ["stop-future-use"],
}


def _license_text() -> str:
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("scancode-toolkit-mini is needed for the form samples")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "licenses"
    raw = (folder / f"{FORM_LICENSE}.LICENSE").read_text(encoding="utf-8")
    return raw.split("\n---", 1)[1].split("\n", 1)[1] if raw.startswith("---") else raw


def forms(client: TestClient) -> list[tuple[str, Callable[[], Response]]]:
    """The POST forms with a sample input (a whole license for analysis and comparison)."""
    page = client.get("/analyze").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if found is None:
        raise SystemExit("no CSRF token on /analyze")
    token = found.group(1)
    text = _license_text()
    situation = json.dumps(SITUATION)
    samples: list[tuple[str, str, dict[str, Any]]] = [
        ("POST /analyze (whole license)", "/analyze", {"text": text}),
        (
            "POST /compare (2 ids + 1 text)",
            "/compare",
            {"licenses": ["llama3.1-aup", "gemma-tou-2024-04-01"], "texts": [text]},
        ),
        (
            "POST /check-use (2 ids)",
            "/check-use",
            {"licenses": ["bigscience-openrail-m", "llama3.1-aup"], "use": "fake news for voters"},
        ),
        (
            "POST /check-use (1 text)",
            "/check-use",
            {"text": text, "use": "fake news for voters"},
        ),
        (
            "POST /rights/step (one answer)",
            "/rights/step",
            {"data": "{}", "question": "role", "answer": "writer", "action": "next"},
        ),
        ("POST /rights/assess (form)", "/rights/assess", {"person.role": "writer"}),
        ("POST /rights/memo (HTML)", "/rights/memo", {"situation": situation}),
        (
            "POST /rights/memo/download md",
            "/rights/memo/download",
            {"situation": situation, "format": "markdown"},
        ),
    ]
    return [
        (name, functools.partial(client.post, url, data={"csrf_token": token, **data}))
        for name, url, data in samples
    ]


def files(client: TestClient) -> list[tuple[str, Callable[[], Response]]]:
    """Memo file renderings (DOCX, PDF): measured and printed, outside the page target."""
    page = client.get("/rights").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    token = found.group(1) if found else ""
    situation = json.dumps(SITUATION)
    return [
        (
            f"memo file: {fmt}",
            functools.partial(
                client.post,
                "/rights/memo/download",
                data={"csrf_token": token, "situation": situation, "format": fmt},
            ),
        )
        for fmt in ("docx", "pdf")
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument(
        "--files", action="store_true", help="also time memo DOCX/PDF files (not gated)"
    )
    a = ap.parse_args()
    load_catalog()
    client = TestClient(create_app())
    worst = 0.0
    print(f"{'page':40} {'median ms':>10} {'p90 ms':>8} status")
    for name, call in [*pages(client), *forms(client)]:
        status = call().status_code  # warm
        times = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(times)
        p90 = sorted(times)[int(len(times) * 0.9) - 1]
        worst = max(worst, med)
        print(f"{name:40} {med:10.1f} {p90:8.1f} {status}")
    if a.files:
        for name, call in files(client):
            status = call().status_code
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                call()
                times.append((time.perf_counter() - t0) * 1000)
            print(f"{name:40} {statistics.median(times):10.1f} {max(times):8.1f} {status}")
    print(f"worst median {worst:.1f} ms (target <= {TARGET_MS:.0f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
