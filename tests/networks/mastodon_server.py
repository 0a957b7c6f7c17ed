"""A Mastodon server on 127.0.0.1 with the documented shapes (Account, Status, Notification,
Instance) for the endpoints SocialDesk uses; ``schema_errors`` checks them against the published
OpenAPI description when ../shared/conformance is present."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.networks.local_server import LocalServer

TOKEN = "mastodon-access-token-Zx81"  # tests scan for it: it must never leave the keyring
SCHEMA = Path(__file__).resolve().parents[3] / "shared/conformance/mastodon-openapi/schema.json"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def account(n: int, username: str | None = None, display: str = "") -> dict:
    username = username or f"user{n}"
    return {
        "id": str(100 + n), "username": username, "acct": f"{username}@remote.example",
        "url": f"https://remote.example/@{username}", "display_name": display or username.title(),
        "note": "", "avatar": "", "avatar_static": "", "header": "", "header_static": "",
        "locked": False, "fields": [], "emojis": [], "bot": False, "group": False,
        "discoverable": True, "indexable": True, "created_at": "2024-01-01T00:00:00.000Z",
        "last_status_at": None,
        "statuses_count": 1, "followers_count": 0, "following_count": 0, "uri": "",
    }  # fmt: skip


def status(n: int, content: str, author: dict, reply_to: str | None = None) -> dict:
    return {
        "id": str(10_000 + n), "uri": f"https://remote.example/statuses/{n}",
        "created_at": (T0 + timedelta(minutes=n)).isoformat().replace("+00:00", ".000Z"),
        "account": author, "content": content, "visibility": "public", "sensitive": False,
        "spoiler_text": "", "media_attachments": [], "mentions": [], "tags": [], "emojis": [],
        "reblogs_count": 0, "favourites_count": 0, "replies_count": 0,
        "url": f"https://remote.example/@{author['username']}/{10_000 + n}",
        "in_reply_to_id": reply_to, "in_reply_to_account_id": None, "language": "en",
    }  # fmt: skip


class MastodonServer(LocalServer):
    def __init__(self, mentions: int = 0) -> None:
        super().__init__({"X-RateLimit-Reset": "2026-11-20T12:05:00.000Z"})
        self.me = account(0, "brand", "Brand Support")
        self.notifications: list[dict] = []
        self.statuses: dict[str, dict] = {}
        self.posted: list[dict] = []
        self._keys: dict[str, dict] = {}
        for n in range(1, mentions + 1):
            self.add_mention(n, f"<p>@brand hello number {n}</p>")
        s = self
        self.route("GET", "/api/v1/accounts/verify_credentials")(
            s._authed(lambda r, m: (200, s.me))
        )
        self.route("GET", "/api/v1/notifications")(s._authed(s._notifications))
        self.route("GET", r"/api/v1/statuses/(\w+)")(s._authed(s._status))
        self.route("GET", r"/api/v1/statuses/(\w+)/context")(s._authed(s._context))
        self.route("POST", "/api/v1/statuses")(s._authed(s._post))
        self.route("GET", "/api/v2/instance")(lambda r, m: (200, s._instance()))

    def add_mention(self, n: int, content: str, reply_to: str | None = None) -> dict:
        st = status(n, content, account(n % 7 + 1), reply_to)
        self.statuses[st["id"]] = st
        self.notifications.append({
            "id": str(500 + n), "type": "mention", "group_key": f"ungrouped-{500 + n}",
            "created_at": st["created_at"], "account": st["account"], "status": st,
        })  # fmt: skip
        return st

    def _authed(self, handler):
        def check(request, match):
            if request.headers.get("authorization") != f"Bearer {TOKEN}":
                return 401, {"error": "The access token is invalid"}
            return handler(request, match)

        return check

    def _notifications(self, request, _match):
        limit = min(int(request.query.get("limit", ["40"])[0]), 80)
        newest_first = sorted(self.notifications, key=lambda n: int(n["id"]), reverse=True)
        if "min_id" in request.query:  # the page just after min_id, still newest first
            after = int(request.query["min_id"][0])
            older_first = [n for n in reversed(newest_first) if int(n["id"]) > after][:limit]
            return 200, list(reversed(older_first))
        return 200, newest_first[:limit]

    def _status(self, _request, match):
        found = self.statuses.get(match.group(1))
        return (200, found) if found else (404, {"error": "Record not found"})

    def _context(self, _request, match):
        found = self.statuses.get(match.group(1))
        if not found:
            return 404, {"error": "Record not found"}
        ancestors, parent = [], found.get("in_reply_to_id")
        while parent in self.statuses:
            ancestors.insert(0, self.statuses[parent])
            parent = self.statuses[parent].get("in_reply_to_id")
        return 200, {"ancestors": ancestors, "descendants": []}

    def _post(self, request, _match):
        key = request.headers.get("idempotency-key")
        if key in self._keys:
            return 200, self._keys[key]
        text = request.body.get("status", "")
        if not text.strip():
            return 422, {"error": "Validation failed: Text can't be blank"}
        st = status(len(self.statuses) + 1000, f"<p>{text}</p>", self.me,
                    request.body.get("in_reply_to_id"))  # fmt: skip
        self.statuses[st["id"]] = st
        self.posted.append(request.body)
        if key:
            self._keys[key] = st
        return 200, st

    def _instance(self) -> dict:
        return INSTANCE


# /api/v2/instance of a small 4.3 server: every field the schema requires, and a 1,000-character
# limit so tests can tell the server's own limit from the default 500.
INSTANCE = {
    "domain": "127.0.0.1", "title": "Test", "version": "4.3.0", "source_url": "",
    "description": "", "usage": {"users": {"active_month": 1}},
    "thumbnail": {"url": ""}, "icon": [], "languages": ["en"], "rules": [],
    "api_versions": {"mastodon": 2},
    "registrations": {"enabled": False, "approval_required": False, "message": None},
    "contact": {"email": "", "account": None},
    "configuration": {
        "urls": {"streaming": "wss://127.0.0.1"},
        "accounts": {"max_featured_tags": 10, "max_pinned_statuses": 5},
        "statuses": {
            "max_characters": 1000, "max_media_attachments": 4,
            "characters_reserved_per_url": 23,
        },
        "media_attachments": {
            "supported_mime_types": [], "image_size_limit": 1, "image_matrix_limit": 1,
            "video_size_limit": 1, "video_frame_rate_limit": 1, "video_matrix_limit": 1,
        },
        "polls": {
            "max_options": 4, "max_characters_per_option": 50,
            "min_expiration": 300, "max_expiration": 2629746,
        },
        "translation": {"enabled": False},
    },
}  # fmt: skip


def schema_errors(kind: str, value: object) -> list[str]:
    """What is wrong with ``value`` as the OpenAPI schema's ``kind``; [] when the schema file is
    absent (the conformance folder is optional)."""
    if not SCHEMA.exists():
        return []
    document = json.loads(SCHEMA.read_text())
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:mastodon", resource)
    schema = {"$ref": f"urn:mastodon#/components/schemas/{kind}"}
    validator = Draft202012Validator(schema, registry=registry)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(value)]
