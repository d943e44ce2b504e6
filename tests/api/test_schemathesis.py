"""Property-based: schemathesis generates requests from the OpenAPI document, valid and
invalid, sends them to the app in-process (WSGI) with an admin's token, and checks each
answer: never a 5xx, and status, media type, headers and body as documented.

Bounded and deterministic: at most MAX_EXAMPLES examples per operation and mode,
derandomised, so a failure reproduces and the run stays well under a minute.

Schemathesis' own pytest integration (`schemathesis.pytest.from_fixture`) breaks on
pytest 9 (it sets `node._nodeid`, which pytest 9 no longer has), so each operation is a
plain parametrised test that runs the operation's Hypothesis strategy itself.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from academy.api.operations import OPERATIONS

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    negative_data_rejection,
]


@pytest.fixture(scope="module")
def api_schema(shared_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", shared_app)


@pytest.fixture(scope="module")
def admin_headers(shared_app):
    token = shared_app.extensions["test_api_data"].tokens["admin"]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def existing(shared_app):
    """Path values of resources that exist: random ones nearly always give 404."""
    data = shared_app.extensions["test_api_data"]
    return {
        "/themas/{code}": {"code": "vsv"},
        "/themas/{code}/beoordelingen": {"code": "vsv"},
        "/themas/{code}/beoordelingen/{id}": {"code": "vsv", "id": data.assessment_ids[-1]},
        "/themas/{code}/analyses": {"code": "vsv"},
        "/documenten/{id}": {"id": data.document_ids["vsv-2019"]},
        "/modules/{slug}": {"slug": "zoeken"},
        "/oefeningen/{slug}": {"slug": "feitvraag"},
        "/teams/{id}/voortgang": {"id": data.team_id},
    }


POSITIVE, NEGATIVE = schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE
EXISTING = "existing"  # positive, with the path pointing at a resource that exists


@pytest.mark.slow
@pytest.mark.parametrize(
    "mode", [POSITIVE, NEGATIVE, EXISTING], ids=lambda m: getattr(m, "value", m)
)
@pytest.mark.parametrize(
    ("method", "path"),
    [(op.method.upper(), op.path) for op in OPERATIONS],
    ids=[f"{op.method.upper()} {op.path}" for op in OPERATIONS],
)
def test_api_honours_its_document(api_schema, admin_headers, existing, method, path, mode):
    operation = api_schema[path][method]
    if mode is NEGATIVE and not (operation.query or operation.path_parameters or operation.body):
        pytest.skip("nothing to make invalid: the operation takes no input")
    if mode == EXISTING:
        if path not in existing:
            pytest.skip("no path parameters: the positive run covers it")
        strategy = operation.as_strategy(
            generation_mode=POSITIVE, headers=admin_headers, path_parameters=existing[path]
        )
    else:
        strategy = operation.as_strategy(generation_mode=mode, headers=admin_headers)

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=strategy)
    def run(case):
        case.call_and_validate(headers=admin_headers, checks=CHECKS)

    run()
