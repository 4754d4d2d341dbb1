"""Server time per page of the web application (target: median <= 100 ms, PDF excluded).

Usage: python benchmarks/web_pages.py [--repeat N]

Measures, in-process with the framework's test client, every GET page without path
parameters plus one instance of each parameterised page, and the POST forms with a sample
input. Prints a table and exits 1 when a page's median exceeds the target.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient
    from httpx import Response

from railkit.kb import load_catalog
from railkit.web.app import create_app

TARGET_MS = 100.0
SAMPLES = {"item_id": "biometrics", "license_id": "bigscience-openrail-m"}
SKIP = re.compile(r"\.pdf$|/download|openapi")


def pages(client: TestClient) -> list[tuple[str, Callable[[], Response]]]:
    out: list[tuple[str, Callable[[], Response]]] = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", set()) or set()
        if "GET" not in methods or path.startswith(("/static", "/api/")) or SKIP.search(path):
            continue
        names = re.findall(r"{(\w+)}", path)
        if any(n not in SAMPLES for n in names):
            continue
        url = path
        for n in names:
            url = url.replace("{" + n + "}", SAMPLES[n])
        out.append((url, lambda u=url: client.get(u)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    a = ap.parse_args()
    load_catalog()
    client = TestClient(create_app())
    worst = 0.0
    print(f"{'page':40} {'median ms':>10} {'p90 ms':>8} status")
    for name, call in pages(client):
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
    print(f"worst median {worst:.1f} ms (target <= {TARGET_MS:.0f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
