"""A Bluesky PDS on 127.0.0.1 with the lexicons' shapes for what SocialDesk calls: sessions (with
expiring access tokens and single-use refresh tokens), notifications paged backwards, threads,
createRecord (a taken record key answers 500, as real PDSes do today), putRecord with
swapRecord, and getRecord.
``lexicon_errors`` checks values against ../shared/conformance's lexicons when present."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.networks.local_server import LocalServer

HANDLE, DID = "brand.bsky.social", "did:plc:brand0000000000000000000"
APP_PASSWORD = "abcd-efgh-ijkl-mnop"
LEXICONS = Path(__file__).resolve().parents[3] / "shared/conformance/bluesky-lexicons"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


class BlueskyServer(LocalServer):
    def __init__(self) -> None:
        super().__init__({"RateLimit-Reset": "1795000000", "RateLimit-Remaining": "0"})
        self.sign_ins = 0
        self.refreshes = 0
        self.tokens = itertools.count(1)
        self.access: set[str] = set()
        self.refresh: set[str] = set()
        self.notifications: list[dict] = []  # oldest first
        self.posts: dict[str, dict] = {}  # uri -> postView
        self.records: dict[tuple[str, str], dict] = {}  # (collection, rkey) -> {uri, cid, value}
        self.created: list[dict] = []  # createRecord bodies that made a record
        s = self
        s.route("POST", "/xrpc/com.atproto.server.createSession")(s._create_session)
        s.route("POST", "/xrpc/com.atproto.server.refreshSession")(s._refresh_session)
        s.route("GET", "/xrpc/com.atproto.server.getSession")(
            s._authed(lambda r, m: (200, {"did": DID, "handle": HANDLE, "active": True}))
        )
        s.route("GET", "/xrpc/app.bsky.notification.listNotifications")(s._authed(s._list))
        s.route("GET", "/xrpc/app.bsky.feed.getPostThread")(s._authed(s._thread))
        s.route("POST", "/xrpc/com.atproto.repo.createRecord")(s._authed(s._create_record))
        s.route("GET", "/xrpc/com.atproto.repo.getRecord")(s._authed(s._get_record))
        s.route("POST", "/xrpc/com.atproto.repo.putRecord")(s._authed(s._put_record))

    # -- test controls ---------------------------------------------------------------------------
    def expire_access_tokens(self) -> None:
        self.access.clear()

    def expire_all_tokens(self) -> None:
        self.access.clear()
        self.refresh.clear()

    def add_post(
        self, n: int, text: str, *, reason="mention", reply_to: str | None = None, own=False
    ):
        """A post by one of five users (or by the account itself: ``own``) and its
        notification."""
        author = {"did": f"did:plc:user{n % 5}", "handle": f"user{n % 5}.bsky.social",
                  "displayName": f"User {n % 5}"}  # fmt: skip
        if own:
            author = {"did": DID, "handle": HANDLE, "displayName": "Brand"}
        uri = f"at://{author['did']}/app.bsky.feed.post/3k{n:011d}"
        record = {"$type": "app.bsky.feed.post", "text": text,
                  "createdAt": iso(T0 + timedelta(minutes=n))}  # fmt: skip
        if reply_to:
            parent = self.posts[reply_to]
            root = (parent["record"].get("reply") or {}).get("root") or {
                "uri": parent["uri"], "cid": parent["cid"]}  # fmt: skip
            record["reply"] = {"root": root, "parent": {"uri": parent["uri"], "cid": parent["cid"]}}
        post = {"uri": uri, "cid": f"bafyrei{n:020d}", "author": author, "record": record,
                "indexedAt": record["createdAt"]}  # fmt: skip
        self.posts[uri] = post
        self.notifications.append({
            "uri": uri, "cid": post["cid"], "author": author, "reason": reason,
            "record": record, "isRead": False, "indexedAt": record["createdAt"],
        })  # fmt: skip
        return post

    # -- endpoints -------------------------------------------------------------------------------
    def _session(self) -> dict:
        access, refresh = f"access-jwt-{next(self.tokens)}", f"refresh-jwt-{next(self.tokens)}"
        self.access.add(access)
        self.refresh.add(refresh)
        return {"accessJwt": access, "refreshJwt": refresh, "handle": HANDLE, "did": DID}

    def _create_session(self, request, _match):
        body = request.body or {}
        if body.get("identifier") != HANDLE or body.get("password") != APP_PASSWORD:
            return 401, {
                "error": "AuthenticationRequired",
                "message": "Invalid identifier or password",
            }
        self.sign_ins += 1
        return 200, self._session()

    def _refresh_session(self, request, _match):
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.refresh:
            return 400, {"error": "ExpiredToken", "message": "Token has been revoked"}
        self.refresh.discard(token)  # single use
        self.refreshes += 1
        return 200, self._session()

    def _authed(self, handler):
        def check(request, match):
            token = request.headers.get("authorization", "").removeprefix("Bearer ")
            if token not in self.access:
                return 400, {"error": "ExpiredToken", "message": "Token has expired"}
            return handler(request, match)

        return check

    def _list(self, request, _match):
        limit = int(request.query.get("limit", ["50"])[0])
        reasons = set(request.query.get("reasons", [])) or None
        start = int(request.query.get("cursor", ["0"])[0])
        newest_first = [
            n for n in reversed(self.notifications) if reasons is None or n["reason"] in reasons
        ]
        page = newest_first[start : start + limit]
        out = {"notifications": page}
        if start + limit < len(newest_first):
            out["cursor"] = str(start + limit)
        return 200, out

    def _thread(self, request, _match):
        uri = request.query.get("uri", [""])[0]
        post = self.posts.get(uri)
        if post is None:
            return 400, {"error": "NotFound", "message": f"Post not found: {uri}"}
        node = {"$type": "app.bsky.feed.defs#threadViewPost", "post": post}
        view, current = node, post
        parents = int(request.query.get("parentHeight", ["80"])[0])
        while parents and (parent := (current["record"].get("reply") or {}).get("parent")):
            current = self.posts[parent["uri"]]
            view["parent"] = {"$type": "app.bsky.feed.defs#threadViewPost", "post": current}
            view, parents = view["parent"], parents - 1
        return 200, {"thread": node}

    def _create_record(self, request, _match):
        body = request.body
        if body.get("repo") != DID:
            return 400, {"error": "InvalidRequest", "message": "repo must be your DID"}
        key = (body["collection"], body["rkey"])
        if key in self.records:
            return 500, {"error": "InternalServerError", "message": "Internal Server Error"}
        self.created.append(body)
        return 200, self._write(key, body["record"])

    def _put_record(self, request, _match):
        body = request.body
        if body.get("repo") != DID:
            return 400, {"error": "InvalidRequest", "message": "repo must be your DID"}
        key = (body["collection"], body["rkey"])
        if "swapRecord" in body and (self.records.get(key) or {}).get("cid") != body["swapRecord"]:
            return 400, {"error": "InvalidSwap", "message": "Record was at another cid"}
        return 200, self._write(key, body["record"])

    def _write(self, key: tuple[str, str], value: dict) -> dict:
        uri = f"at://{DID}/{key[0]}/{key[1]}"
        self.records[key] = {"uri": uri, "cid": f"bafyreimine{next(self.tokens)}", "value": value}
        return {"uri": uri, "cid": self.records[key]["cid"]}

    def _get_record(self, request, _match):
        key = (request.query.get("collection", [""])[0], request.query.get("rkey", [""])[0])
        found = self.records.get(key)
        if found is None:
            return 400, {"error": "RecordNotFound", "message": "Could not locate record"}
        return 200, found


def lexicon_errors(nsid_def: str, value: object, part: str = "output") -> list[str]:
    """Required fields and basic types of ``value`` against a lexicon definition
    ("app.bsky.feed.post"), following refs; for an XRPC method, its ``part`` ("input" or
    "output"). [] when the lexicons are absent."""
    if not LEXICONS.exists():
        return []
    definition, nsid = _definition(nsid_def, "")
    if definition.get("type") in ("query", "procedure"):
        return _value(definition[part]["schema"], value, "", nsid)
    return _check(nsid_def, value, "")


def _definition(ref: str, base: str) -> tuple[dict, str]:
    nsid, _, name = (base + ref if ref.startswith("#") else ref).partition("#")
    doc = json.loads((LEXICONS / (nsid.replace(".", "/") + ".json")).read_text())
    return doc["defs"][name or "main"], nsid


def _check(ref: str, value: object, path: str, base: str = "") -> list[str]:
    definition, nsid = _definition(ref, base)
    if definition.get("type") == "record":
        definition = definition["record"]
    return _value(definition, value, path, nsid)


def _value(definition: dict, value: object, path: str, nsid: str) -> list[str]:
    kind = definition.get("type")
    if kind == "ref":
        return _check(definition["ref"], value, path, nsid)
    if kind == "object":
        if not isinstance(value, dict):
            return [f"{path or '/'}: not an object"]
        errors = [f"{path}/{k}: required" for k in definition.get("required", []) if k not in value]
        for key, sub in definition.get("properties", {}).items():
            if key in value:
                errors += _value(sub, value[key], f"{path}/{key}", nsid)
        return errors
    if kind == "array":
        if not isinstance(value, list):
            return [f"{path}: not an array"]
        return [
            e
            for i, v in enumerate(value)
            for e in _value(definition["items"], v, f"{path}/{i}", nsid)
        ]
    expected = {"string": str, "integer": int, "boolean": bool}.get(kind)
    if expected and not isinstance(value, expected):
        return [f"{path}: not a {kind}"]
    return []
