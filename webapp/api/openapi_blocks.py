"""The small blocks the OpenAPI document is built of, shared by its two halves
(openapi.py and challenges_openapi.py): a reference, a closed object, JSON content and
the two error answers every path has. No Flask."""

from __future__ import annotations

from typing import Any

SCHEMAS = "#/components/schemas/"


def ref(name: str) -> dict[str, str]:
    """A reference to the schema ``name`` in components.schemas."""
    return {"$ref": SCHEMAS + name}


def closed_object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """An object with exactly these properties, every one required: what the API
    answers always has all its fields and nothing else."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def json_content(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A request's or response's content: JSON of ``schema`` (``extra``: an example)."""
    return {"application/json": {"schema": schema, **extra}}


def error_response(description: str) -> dict[str, Any]:
    """An error answer: ``{"errors": {...}}``."""
    return {"description": description, "content": json_content(ref("Errors"))}


def not_allowed_response() -> dict[str, Any]:
    """The 405 every path answers to another method, with its Allow header."""
    return {
        "description": "Another method was used on this path.",
        "headers": {
            "Allow": {
                "description": "The methods this path answers.",
                "schema": {"type": "string"},
            }
        },
        "content": json_content(ref("Errors")),
    }
