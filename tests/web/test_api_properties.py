"""Property-based API test: schemathesis generates requests from the OpenAPI schema and no
response may be a server error."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis

from railkit.web.app import create_app

schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.filterwarnings("ignore")
def test_api_never_answers_5xx(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
