"""A Mastodon server on 127.0.0.1 with the documented shapes (Account, Status, Notification,
Instance) for the endpoints SocialDesk uses; ``schema_errors`` checks them against the published
OpenAPI description when ../shared/conformance is present."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

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
        self.tokens = {TOKEN}  # the access tokens it accepts
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
        self.route("POST", "/api/v1/apps")(s._register_app)
        self.route("GET", "/oauth/authorize")(s._authorize)
        self.route("POST", "/oauth/token")(s._token)
        self.route("POST", "/oauth/revoke")(s._revoke)
        self.revoked: list[str] = []
        self.route("GET", r"/api/v1/accounts/(\w+)/statuses")(s._authed(s._account_statuses))
        self.apps: dict[str, dict] = {}
        self.lines_only = False  # a server before 4.3: redirect addresses one per line only
        self.codes: dict[str, dict] = {}
        self.next_tokens: list[str] = []  # tokens the next sign-ins get (else TOKEN)

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
            if request.headers.get("authorization", "").removeprefix("Bearer ") not in self.tokens:
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
        if "max_id" in request.query:  # the page just before max_id, newest first
            before = int(request.query["max_id"][0])
            newest_first = [n for n in newest_first if int(n["id"]) < before]
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

    # -- OAuth: the app registers, the browser authorizes, the app exchanges the code ---------
    def _register_app(self, request, _match):
        """Mastodon 4.3 and later take the addresses as a list or one per line; older servers
        (``self.lines_only``) only one per line, and refuse a list as no address at all."""
        body = request.body or {}
        uris = body.get("redirect_uris")
        if isinstance(uris, str):
            uris = uris.splitlines()
        elif self.lines_only or not isinstance(uris, list):
            uris = []
        if not uris:
            return 422, {"error": "Validation failed: Redirect URI can't be blank"}
        client_id = f"client-{len(self.apps) + 1}"
        self.apps[client_id] = {"secret": f"secret-{client_id}", "redirect": uris}
        answer = {
            "client_id": client_id, "client_secret": self.apps[client_id]["secret"],
            "name": body.get("client_name"), "redirect_uri": "\n".join(uris),
            "redirect_uris": uris,
        }  # fmt: skip
        return 200, answer

    def _authorize(self, request, _match):
        """The user says yes: 302 to the app's loopback, or the code shown for pasting."""
        q = {k: v[0] for k, v in request.query.items()}
        app = self.apps.get(q.get("client_id"))
        if app is None or q.get("redirect_uri") not in app["redirect"]:
            return 400, {"error": "invalid_client"}
        if q.get("code_challenge_method") != "S256" or not q.get("code_challenge"):
            return 400, {"error": "invalid_request"}
        code = f"code-{len(self.codes) + 1}"
        self.codes[code] = {"client_id": q["client_id"], "challenge": q["code_challenge"]}
        if q["redirect_uri"] == "urn:ietf:wg:oauth:2.0:oob":
            return 200, {"code_to_paste": code}
        location = f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q.get('state', '')})}"
        return 302, {}, {"Location": location}

    def _token(self, request, _match):
        form = {k: v[0] for k, v in (request.body or {}).items()}
        grant = self.codes.pop(form.get("code", ""), None)
        app = self.apps.get(form.get("client_id"))
        verifier = form.get("code_verifier", "").encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
        if (
            grant is None or app is None or form.get("client_secret") != app["secret"]
            or grant["challenge"] != challenge.decode()
        ):  # fmt: skip
            return 400, {"error": "invalid_grant"}
        token = self.next_tokens.pop(0) if self.next_tokens else TOKEN
        self.tokens.add(token)
        return 200, {"access_token": token, "token_type": "Bearer", "scope": form.get("scope")}

    def _revoke(self, request, _match):
        form = {k: v[0] for k, v in (request.body or {}).items()}
        app = self.apps.get(form.get("client_id"))
        if app is None or form.get("client_secret") != app["secret"]:
            return 403, {"error": "unauthorized_client"}
        self.revoked.append(form.get("token", ""))
        return 200, {}

    def _account_statuses(self, _request, match):
        mine = [st for st in self.statuses.values() if st["account"]["id"] == match.group(1)]
        return 200, sorted(mine, key=lambda st: int(st["id"]), reverse=True)[:40]


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
