"""Every request the Mastodon provider sends in tests, checked against the published OpenAPI
description of Mastodon's API (``../shared/conformance/mastodon-openapi/schema.json`` beside the
checkout, when it is there): the path and method exist, each query parameter is one the operation
takes with a value of its type, and a JSON body matches the operation's schema. A wrong
parameter or body then fails the test that sent it, against our fake server or the real one.

Install with ``checked(transport)``; ``RequestCheck.problems`` lists what was wrong.
"""

from __future__ import annotations

import json
import re

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.networks.mastodon_server import SCHEMA


class RequestCheck:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self._document = json.loads(SCHEMA.read_text()) if SCHEMA.exists() else None
        if self._document is not None:
            resource = Resource.from_contents(self._document, default_specification=DRAFT202012)
            self._registry = Registry().with_resource("urn:mastodon", resource)
            self._routes = [
                (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), path)
                for path in self._document["paths"]
            ]

    def __call__(self, request: httpx.Request) -> None:
        if self._document is None:
            return
        where = f"{request.method} {request.url.path}"
        operation = self._operation(request.method.lower(), request.url.path)
        if operation is None:
            self.problems.append(f"{where}: not an operation of Mastodon's API")
            return
        parameters = {
            p["name"]: p.get("schema", {})
            for p in operation.get("parameters", [])
            if p.get("in") == "query"
        }
        for name, value in request.url.params.multi_items():
            bare = name.removesuffix("[]")  # Rails' array convention, which Mastodon reads
            if bare not in parameters:
                self.problems.append(f"{where}: unknown query parameter {name!r}")
                continue
            schema = parameters[bare]
            if schema.get("type") == "array":
                schema = schema.get("items", {})
            self._check(where, f"parameter {name}", _typed(value, schema), schema)
        content = request.headers.get("content-type", "")
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if "json" in content and body is not None:
            self._check(where, "body", json.loads(request.content or b"null"), body["schema"])

    def _operation(self, method: str, path: str) -> dict | None:
        # A literal path wins over a template (/accounts/verify_credentials, not /accounts/{id}).
        candidates = sorted(
            (template for pattern, template in self._routes if pattern.match(path)),
            key=lambda t: t.count("{"),
        )
        for template in candidates:
            operation = self._document["paths"][template].get(method)
            if operation is not None:
                return operation
        return None

    def _check(self, where: str, what: str, value, schema: dict) -> None:
        validator = Draft202012Validator(_rooted(schema), registry=self._registry)
        for error in validator.iter_errors(value):
            self.problems.append(f"{where}: {what}: {error.message}")


def _rooted(schema: dict) -> dict:
    """A schema from inside the document, its local references pointed at the document."""
    text = json.dumps(schema).replace('"#/components/', '"urn:mastodon#/components/')
    return json.loads(text)


def _typed(value: str, schema: dict):
    """A query string value as the type the schema expects (all query values arrive as text)."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
    except ValueError:
        return value
    if kind == "boolean":
        return {"true": True, "false": False}.get(value, value)
    return value


def checked(transport, check: RequestCheck):
    """``transport`` with every request it sends checked by ``check``."""
    transport._client.event_hooks["request"].append(check)
    return transport
