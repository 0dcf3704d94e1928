"""Check an API answer against the OpenAPI document: status, headers, JSON body.

Shared by test_api.py and test_openapi.py (tests/ is on sys.path). The document's
schemas are JSON Schema 2020-12 (OpenAPI 3.1), checked with jsonschema; a $ref into
the document resolves through a registry holding the whole document.
"""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from webapp.api.openapi import build_document

DOCUMENT_URI = "urn:neuron-lab:openapi"
DOCUMENT = build_document()


def _no_constants(text: str) -> Any:
    raise AssertionError(f"JSON must not contain {text}")


def strict_json(data: bytes | str) -> Any:
    """Parse JSON as a strict client would: NaN and Infinity are not JSON."""
    return json.loads(data, parse_constant=_no_constants)


def _pointer(*parts: str) -> str:
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def documented_response(
    path: str, method: str, status: int, document: dict[str, Any] = DOCUMENT
) -> tuple[dict[str, Any], str]:
    """The response object for an answer and its schema's JSON pointer in the document."""
    item = document["paths"][path]
    operation = item.get(method.lower())
    if operation is None:
        # A method the path does not answer: any operation documents the 405.
        assert status == 405, f"{method} {path} answered {status}, not 405"
        method = next(iter(item))
        operation = item[method]
    responses = operation["responses"]
    assert str(status) in responses, f"{method.upper()} {path}: {status} is not documented"
    pointer = _pointer(
        "paths", path, method.lower(), "responses", str(status), "content", "application/json"
    )
    return responses[str(status)], pointer + "/schema"


def validate_answer(
    response: Any, path: str, method: str, document: dict[str, Any] = DOCUMENT
) -> Any:
    """Assert that a test-client response is what the document says; return its JSON."""
    spec, pointer = documented_response(path, method, response.status_code, document)
    assert response.mimetype == "application/json", response.mimetype
    for header in spec.get("headers", {}):
        assert header in response.headers, f"{header} header missing"
    body = strict_json(response.get_data())
    registry = Registry().with_resource(
        DOCUMENT_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": DOCUMENT_URI + "#" + pointer}, registry=registry)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    return body
