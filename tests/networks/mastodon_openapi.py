"""Every request the Mastodon provider sends in tests, checked against the published OpenAPI
description of Mastodon's API (``../shared/conformance/mastodon-openapi/schema.json`` beside the
checkout, when it is there): the path and method exist, each query parameter is one the operation
takes with a value of its type and none it requires is missing, a JSON or form body matches the
operation's schema and names no key the operation does not take (Mastodon ignores those silently:
a misspelt ``visibility`` posts publicly), and the operation needs no OAuth scope beyond the ones
SocialDesk asks for. A wrong parameter or body then fails the test that sent it, against our fake
server or the real one.

Install with ``checked(transport)``; ``RequestCheck.problems`` lists what was wrong.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from socialdesk.networks.oauth import MASTODON_SCOPES
from tests.networks.mastodon_server import SCHEMA

# Described by their own RFCs, not by Mastodon's API description: WebFinger (RFC 7033) and the
# OAuth server's metadata (RFC 8414).
WELL_KNOWN = {"/.well-known/webfinger", "/.well-known/oauth-authorization-server"}


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
        if self._document is None or request.url.path in WELL_KNOWN:
            return
        where = f"{request.method} {request.url.path}"
        operation = self._operation(request.method.lower(), request.url.path)
        if operation is None:
            self.problems.append(f"{where}: not an operation of Mastodon's API")
            return
        self._check_query(where, operation, request.url.params)
        self._check_body(where, operation, request)
        self._check_scopes(where, operation)

    def _check_query(self, where: str, operation: dict, params: httpx.QueryParams) -> None:
        parameters = {
            p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"
        }
        given = {name.removesuffix("[]") for name in params}
        for name, parameter in parameters.items():
            if parameter.get("required") and name not in given:
                self.problems.append(f"{where}: required query parameter {name!r} missing")
        for name, value in params.multi_items():
            bare = name.removesuffix("[]")  # Rails' array convention, which Mastodon reads
            if bare not in parameters:
                self.problems.append(f"{where}: unknown query parameter {name!r}")
                continue
            schema = parameters[bare].get("schema", {})
            if schema.get("type") == "array":
                schema = schema.get("items", {})
            self._check(where, f"parameter {name}", _typed(value, schema), schema)

    def _check_body(self, where: str, operation: dict, request: httpx.Request) -> None:
        """A JSON body as it is; a form body as the same parameters (Mastodon reads both, and
        the description names only JSON)."""
        content = request.headers.get("content-type", "")
        described = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if described is None or not request.content:
            return
        schema = described["schema"]
        if "json" in content:
            body = json.loads(request.content)
        elif "x-www-form-urlencoded" in content:
            body = self._form(request.content.decode(), schema)
        else:
            return
        self._check(where, "body", body, schema)
        known = self._properties(schema)
        for key in sorted(set(body) - known if isinstance(body, dict) and known else ()):
            self.problems.append(f"{where}: body: {key!r} is not a parameter of this operation")

    def _check_scopes(self, where: str, operation: dict) -> None:
        """Each requirement lists the scopes any one of which will do (Mastodon's docs: "profile
        or read:accounts"); "read" covers "read:statuses"."""
        asked = set(MASTODON_SCOPES.split())
        for requirement in operation.get("security") or []:
            needed = requirement.get("OAuth2") or []
            if needed and not any(s in asked or s.split(":")[0] in asked for s in needed):
                self.problems.append(
                    f"{where}: needs the scope {' or '.join(needed)}, which SocialDesk does not "
                    "ask for"
                )

    def _form(self, text: str, schema: dict) -> dict:
        properties = self._property_schemas(schema)
        body: dict = {}
        for name, value in parse_qsl(text, keep_blank_values=True):
            bare = name.removesuffix("[]")
            kind = properties.get(bare, {})
            if kind.get("type") == "array" or name.endswith("[]"):
                body.setdefault(bare, []).append(_typed(value, kind.get("items", {})))
            else:
                body[bare] = _typed(value, kind)
        return body

    def _properties(self, schema: dict) -> set[str]:
        return set(self._property_schemas(schema))

    def _property_schemas(self, schema: dict) -> dict[str, dict]:
        """Every property a schema can take, through $ref, allOf, oneOf and anyOf."""
        if "$ref" in schema:
            schema = self._resolve(schema["$ref"])
        found = dict(schema.get("properties", {}))
        for key in ("allOf", "oneOf", "anyOf"):
            for part in schema.get(key, []):
                found.update(self._property_schemas(part))
        return found

    def _resolve(self, ref: str) -> dict:
        node = self._document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return node

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
