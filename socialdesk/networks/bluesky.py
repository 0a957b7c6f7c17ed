"""Bluesky (AT Protocol over XRPC): a session from the handle and an app password, refreshed rather
than signed in again; mention, reply and quote notifications; threads; replies with the right
root/parent references, shortened links with their facets, and a record key (TID) derived from the
outbox item so a retry can never post twice. The API facts it relies on are said where they are
used.

The session (access and refresh JWTs) lives in the account's secrets, like the app password.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from socialdesk.core.counter import count
from socialdesk.core.limits import NetworkLimits
from socialdesk.core.richtext import mentions_and_tags
from socialdesk.networks.base import (
    AccountRef,
    FetchedMention,
    MentionBatch,
    PostedReply,
    RemoteAuthor,
    Secrets,
)
from socialdesk.networks.bluesky_posts import (
    POST,
    at_parts,
    indexed_at,
    indexed_since,
    link_facet,
    read_from,
    read_notification,
    read_post,
    record_time,
    tid_from_key,
    web_url,
)
from socialdesk.networks.errors import AuthError, BadResponse, NetworkError, Refused
from socialdesk.networks.http import Transport
from socialdesk.networks.paging import gap_cursor, read_cursor, unique

DEFAULT_SERVICE = "https://bsky.social"
PAGE_SIZE = 100
MAX_PAGES = 40  # per sync; the rest follows on the next one
# How late a post may be indexed after it was written and still be fetched (a slow client, a
# backfill, a clock behind): each sync reads this far below where the last one stopped.
LATE_WINDOW = timedelta(hours=3)
FIRST_SYNC_MAX = 1_000  # a newly connected account brings this much of its backlog
REASONS = ("mention", "reply", "quote")
MENTION = "app.bsky.richtext.facet#mention"
TAG = "app.bsky.richtext.facet#tag"
_GONE = (
    "The post this answers is not on Bluesky any more (its author deleted it), so the reply "
    "was not posted."
)
_BLOCKED = (
    "This account and the post's author have blocked each other on Bluesky, so the reply "
    "cannot be posted there: answer another way, or leave it."
)
THREADGATE = "app.bsky.feed.threadgate"
MAX_HIDDEN = 300  # the threadgate lexicon's limit on hiddenReplies
_EXPIRED = ("ExpiredToken", "InvalidToken")


class BlueskyProvider:
    idempotent = True  # the record key is fixed per item: a second create finds the first
    idempotency_window = None  # keys are honoured for ever

    def __init__(
        self,
        secrets_for: Callable[[AccountRef], Secrets],
        *,
        transport_for: Callable[[str], Transport] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._secrets_for = secrets_for
        self._transport_for = transport_for or (lambda url: Transport("Bluesky", url))
        self._clock = clock
        self._transports: dict[str, Transport] = {}
        self._lock = threading.Lock()
        self._session_lock = threading.Lock()

    # -- the protocol ----------------------------------------------------------------------------
    def verify(self, account: AccountRef) -> RemoteAuthor:
        """Who the stored session belongs to (``getSession``: no new sign-in, which Bluesky
        allows only a few times an hour), or a sign-in with the app password when none is
        stored."""
        if _load_session(self._secrets_for(account).get("session")) is None:
            try:
                session = self._session(account, fresh=True)
            except AuthError as exc:
                if exc.status != 401:
                    raise
                # Signing in now (connecting, or signing in again): say what to check, not
                # "sign in again" to someone doing just that.
                raise AuthError(_not_accepted(self._identifier(account), exc.code)) from None
            return RemoteAuthor(session["did"], session["handle"], "")
        me = self._xrpc(account, "GET", "com.atproto.server.getSession")
        if not isinstance(me, dict) or not me.get("did"):
            raise BadResponse("Bluesky described the account in a shape SocialDesk cannot read.")
        return RemoteAuthor(str(me["did"]), str(me.get("handle") or me["did"]), "")

    def fetch_mentions(self, account: AccountRef, cursor: str | None) -> MentionBatch:
        """Mentions, replies and quotes newer than ``cursor``, oldest first; with no cursor (the
        first sync), the newest ``FIRST_SYNC_MAX`` — the backlog waiting for an answer. Bluesky
        pages backwards in time, so pages are read until one reaches
        what the last sync had. Cut off by MAX_PAGES, the cursor keeps where to go on (and where
        to stop), so the next sync reads the rest of the gap before anything newer: nothing is
        skipped however long the account was away."""
        top, resume, stop = read_cursor(cursor)
        floor = read_from(stop, LATE_WINDOW)
        found: list[FetchedMention] = []
        page_cursor = resume
        for _page in range(MAX_PAGES):
            params: dict[str, Any] = {"limit": PAGE_SIZE, "reasons": list(REASONS)}
            if page_cursor:
                params["cursor"] = page_cursor
            page = self._xrpc(account, "GET", "app.bsky.notification.listNotifications", params)
            items = page.get("notifications") if isinstance(page, dict) else None
            if not isinstance(items, list) or (items and not any(map(indexed_at, items))):
                # Not even one item with its time: junk, not "no mentions".
                raise BadResponse("Bluesky sent notifications in a shape SocialDesk cannot read.")
            # A post's indexedAt is the earlier of when it was written and when it was indexed:
            # one written a while ago and indexed just now sorts below where the last sync
            # stopped. So a window below the stop is read again (the store keeps each URI once)
            # rather than lose it for good.
            fresh = [n for n in items if indexed_since(n, floor)]
            found.extend(
                m for n in fresh if n.get("reason") in REASONS and (m := read_notification(n))
            )
            if resume is None:  # reading from the top: the newest seen moves the next cursor on
                top = max([top or "", *(indexed_at(n) for n in fresh)]) or None
            page_cursor = page.get("cursor")
            first_done = stop is None and len(found) >= FIRST_SYNC_MAX
            if first_done or len(fresh) < len(items) or not page_cursor or not items:
                found.sort(key=lambda m: m.created_at)
                return MentionBatch(unique(found), top)
        found.sort(key=lambda m: m.created_at)
        gap = gap_cursor(top, page_cursor, stop)
        return MentionBatch(unique(found), gap)

    def fetch_thread(self, account: AccountRef, remote_id: str) -> list[FetchedMention]:
        thread = self._thread(account, remote_id, depth=1, parents=20)
        chain: list[Any] = []
        node: Any = thread
        while isinstance(node, dict) and "post" in node:
            chain.insert(0, node["post"])
            node = node.get("parent")
        replies = [
            r["post"] for r in thread.get("replies") or [] if isinstance(r, dict) and "post" in r
        ]
        return [m for p in [*chain, *replies] if (m := read_post(p)) is not None]

    def post_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, idempotency_key: str
    ) -> PostedReply:
        session = self._session(account)
        counted = count(text.strip(), "bluesky")  # the spaces around it would be posted too
        posted = counted.posted_text if counted.posted_text is not None else text.strip()
        record: dict[str, Any] = {
            "$type": POST,
            "text": posted,
            "createdAt": record_time(self._clock()),
        }
        if in_reply_to:  # first: a thread that takes no reply from us posts nothing at all
            record["reply"] = self._reply_refs(account, in_reply_to)
        facets = [link_facet(f) for f in counted.facets] + self._spot_facets(account, posted)
        if facets:
            record["facets"] = sorted(facets, key=lambda f: f["index"]["byteStart"])
        rkey = tid_from_key(idempotency_key)
        body = {"repo": session["did"], "collection": POST, "rkey": rkey, "record": record}
        try:
            created = self._xrpc(account, "POST", "com.atproto.repo.createRecord", json=body)
        except NetworkError as exc:
            # The post may exist: the request broke after it was sent, or this is a retry of one
            # that arrived (a PDS answers a taken record key with a 500 today, a named error
            # later). Look for it by its record key before reporting a failure.
            if not (exc.maybe_sent or exc.status == 409 or (exc.code or "").endswith("Exists")):
                raise
            existing = self._record(account, session["did"], POST, rkey)
            if existing is None:
                raise
            created = existing
        uri = created.get("uri") if isinstance(created, dict) else None
        if not uri:
            raise BadResponse("Bluesky accepted the reply but did not say where it is.")
        return PostedReply(uri, web_url(uri, session["handle"]), self._clock())

    def _spot_facets(self, account: AccountRef, text: str) -> list[dict[str, Any]]:
        """Mention facets (each handle resolved to its DID: without it nobody is notified) and
        hashtag facets, where the Bluesky app would put them. A handle that resolves to nobody
        stays plain text, as in the app."""
        facets = []
        for spot in mentions_and_tags(text):
            index = {"byteStart": spot.byte_start, "byteEnd": spot.byte_end}
            if spot.kind == "tag":
                facets.append({"index": index, "features": [{"$type": TAG, "tag": spot.value}]})
            elif did := self._did_of(account, spot.value):
                facets.append({"index": index, "features": [{"$type": MENTION, "did": did}]})
        return facets

    def _did_of(self, account: AccountRef, handle: str) -> str | None:
        try:
            found = self._xrpc(
                account, "GET", "com.atproto.identity.resolveHandle", {"handle": handle}
            )
        except BadResponse:
            return None  # no such handle: it is posted as plain text
        did = found.get("did") if isinstance(found, dict) else None
        return did if isinstance(did, str) and did.startswith("did:") else None

    def find_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, since: datetime
    ) -> PostedReply | None:
        return None  # idempotent by record key

    def hide_reply(self, account: AccountRef, remote_id: str, hidden: bool = True) -> None:
        """Hidden replies are listed in the thread's threadgate record, which lives in the repo
        of whoever started the thread, under the root post's record key: only that account can
        hide. The gate's other rules (who may reply) are kept as they are."""
        did = self._session(account)["did"]
        post = self._thread(account, remote_id, depth=0, parents=0)["post"]
        root = ((post.get("record") or {}).get("reply") or {}).get("root") or {}
        root_uri = str(root.get("uri") or remote_id)
        repo, collection, rkey = at_parts(root_uri)
        if repo != did or collection != POST:
            raise Refused(
                f"Bluesky lets only the account that started a thread hide replies in it, and "
                f"@{account.handle} did not start this one. Mute or block the author instead."
            )
        for attempt in (1, 2):
            gate = self._record(account, did, THREADGATE, rkey)
            record = dict(gate["value"]) if gate else {"$type": THREADGATE, "post": root_uri}
            listed = [uri for uri in record.get("hiddenReplies") or [] if uri != remote_id]
            record["hiddenReplies"] = [*listed, remote_id] if hidden else listed
            if len(record["hiddenReplies"]) > MAX_HIDDEN:
                raise Refused(f"Bluesky hides at most {MAX_HIDDEN} replies in one thread.")
            record.setdefault("createdAt", record_time(self._clock()))
            body = {"repo": did, "collection": THREADGATE, "rkey": rkey, "record": record}
            if gate:
                body["swapRecord"] = gate["cid"]  # another app changed it meanwhile: read again
            try:
                self._xrpc(account, "POST", "com.atproto.repo.putRecord", json=body)
                return
            except NetworkError as exc:
                if attempt == 2 or exc.code != "InvalidSwap":
                    raise

    def limits(self, account: AccountRef) -> NetworkLimits:
        return NetworkLimits.default("bluesky")

    # -- session ---------------------------------------------------------------------------------
    def _session(self, account: AccountRef, *, fresh: bool = False) -> dict[str, Any]:
        """The stored session, or a new one from the app password (sign-ins are rate limited to
        about 30 in 5 minutes, so a stored session is always tried first)."""
        secrets = self._secrets_for(account)
        with self._session_lock:
            stored = _load_session(secrets.get("session"))
            return stored if stored and not fresh else self._sign_in(account, secrets)

    def _refresh(self, account: AccountRef, expired: dict[str, Any]) -> dict[str, Any]:
        """A new access token from the refresh token; a new sign-in when that is spent too."""
        secrets = self._secrets_for(account)
        with self._session_lock:
            stored = _load_session(secrets.get("session"))
            if stored and stored["accessJwt"] != expired["accessJwt"]:
                return stored  # another thread refreshed it meanwhile
            try:
                session = self._transport(account).request(
                    "POST", "/xrpc/com.atproto.server.refreshSession", token=expired["refreshJwt"]
                )
            except NetworkError as exc:
                if not (isinstance(exc, AuthError) or exc.code in _EXPIRED):
                    raise
                return self._sign_in(account, secrets)
            return _store_session(secrets, session)

    def _sign_in(self, account: AccountRef, secrets: Secrets) -> dict[str, Any]:
        password = secrets.get("app_password")
        if not password:
            raise AuthError(f"@{account.handle} is not signed in to Bluesky: add an app password.")
        session = self._transport(account).request(
            "POST", "/xrpc/com.atproto.server.createSession",
            json={"identifier": self._identifier(account), "password": password},
        )  # fmt: skip
        return _store_session(secrets, session)

    def _identifier(self, account: AccountRef) -> str:
        """Who signs in, as the server knows the handle. A PDS reads any "@" as an email address,
        so the one people type before a handle goes; a short name gets the server's own handle
        domain, as the Bluesky app's sign-in does ("alice" on bsky.social: alice.bsky.social)."""
        handle = account.handle.strip().lstrip("@")
        if "@" in handle:
            return handle  # an email address: the server takes that too
        handle = handle.lower().rstrip(".")
        return handle if "." in handle else handle + self._handle_domain(account)

    def _handle_domain(self, account: AccountRef) -> str:
        """The first handle domain the server gives its accounts (".bsky.social"), or ""."""
        try:
            about = self._transport(account).request(
                "GET", "/xrpc/com.atproto.server.describeServer"
            )
        except NetworkError:
            return ""  # the sign-in then says what to check
        domains = about.get("availableUserDomains") if isinstance(about, dict) else None
        first = domains[0] if isinstance(domains, list) and domains else ""
        return first if isinstance(first, str) and first.startswith(".") else ""

    # -- requests --------------------------------------------------------------------------------
    def _xrpc(
        self,
        account: AccountRef,
        method: str,
        nsid: str,
        params: dict[str, Any] | None = None,
        **kw: Any,
    ) -> Any:
        """One authenticated XRPC call; an expired access token is refreshed once, then retried."""
        session = self._session(account)
        for attempt in (1, 2):
            try:
                return self._transport(account).request(
                    method, f"/xrpc/{nsid}", token=session["accessJwt"], params=params, **kw
                )
            except NetworkError as exc:
                if attempt == 2 or exc.code not in _EXPIRED:
                    raise
                session = self._refresh(account, session)
        raise AssertionError("unreachable")

    def _thread(self, account: AccountRef, uri: str, *, depth: int, parents: int) -> dict[str, Any]:
        try:
            found = self._xrpc(
                account, "GET", "app.bsky.feed.getPostThread",
                {"uri": uri, "depth": depth, "parentHeight": parents},
            )  # fmt: skip
        except BadResponse as exc:
            if exc.code != "NotFound":
                raise
            raise Refused(_GONE) from None
        thread: Any = found.get("thread") if isinstance(found, dict) else None
        kind = thread.get("$type", "") if isinstance(thread, dict) else ""
        if kind.endswith("#blockedPost"):
            raise Refused(_blocked(account, thread))
        if kind.endswith("#notFoundPost"):
            raise Refused(_GONE)
        if not isinstance(thread, dict) or "post" not in thread:
            raise BadResponse("Bluesky described that post in a shape SocialDesk cannot read.")
        return thread

    def _reply_refs(self, account: AccountRef, parent_uri: str) -> dict[str, Any]:
        """root and parent strong references: the parent's own, and the root its record names."""
        post = self._thread(account, parent_uri, depth=0, parents=0)["post"]
        viewer = post.get("viewer") if isinstance(post.get("viewer"), dict) else {}
        if viewer.get("replyDisabled"):
            author = (post.get("author") or {}).get("handle") or "The author"
            raise Refused(
                f"@{author} lets only people they choose reply to this post on Bluesky, and "
                "this account is not one of them: the reply was not posted. Answer in a new "
                "post or a direct message instead."
            )
        parent = {"uri": post.get("uri"), "cid": post.get("cid")}
        if not parent["uri"] or not parent["cid"]:
            raise BadResponse("Bluesky described the post being answered without its reference.")
        root = ((post.get("record") or {}).get("reply") or {}).get("root") or parent
        return {"root": {"uri": root["uri"], "cid": root["cid"]}, "parent": parent}

    def _record(
        self, account: AccountRef, did: str, collection: str, rkey: str
    ) -> dict[str, Any] | None:
        """The record ({uri, cid, value}), or None when there is none."""
        try:
            found = self._xrpc(
                account, "GET", "com.atproto.repo.getRecord",
                {"repo": did, "collection": collection, "rkey": rkey},
            )  # fmt: skip
        except NetworkError as exc:
            if exc.status == 400 or exc.status == 404:  # RecordNotFound
                return None
            raise
        if not isinstance(found, dict) or not isinstance(found.get("value"), dict):
            raise BadResponse("Bluesky described a record in a shape SocialDesk cannot read.")
        return found

    def _transport(self, account: AccountRef) -> Transport:
        service = (account.server_url or DEFAULT_SERVICE).rstrip("/")
        with self._lock:
            if service not in self._transports:
                self._transports[service] = self._transport_for(service)
            return self._transports[service]

    def close(self) -> None:
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.close()


def _not_accepted(identifier: str, code: str | None) -> str:
    """A sign-in refused while the person is signing in: what to check, in their words."""
    handle = identifier if "@" in identifier else f"@{identifier}"  # or an email address
    where = "Bluesky's Settings → Privacy and security → App passwords"
    if code == "AuthFactorTokenRequired":
        return (
            f"{handle} signs in to Bluesky with a code sent by email. Use an app password "
            f"instead: make one in {where}."
        )
    if code == "AccountTakedown":
        return f"Bluesky has suspended {handle}, so SocialDesk cannot sign in to it."
    return (
        f"Bluesky did not accept {handle} with that app password. Check the handle (as the "
        f"profile shows it, such as alice.bsky.social) and the app password (made in {where})."
    )


def _blocked(account: AccountRef, thread: dict[str, Any]) -> str:
    """Who blocked whom (the post's author, as the AppView shows it to this account)."""
    viewer = (thread.get("author") or {}).get("viewer") or {}
    if viewer.get("blockedBy"):
        return (
            f"The author of that post has blocked @{account.handle} on Bluesky, so the reply "
            "cannot be posted there: answer another way, or leave it."
        )
    if viewer.get("blocking"):
        return (
            f"@{account.handle} blocks the author of that post on Bluesky, so the reply cannot "
            "be posted. Unblock them in Bluesky first to answer there."
        )
    return _BLOCKED


def _load_session(raw: str | None) -> dict[str, Any] | None:
    try:
        session = json.loads(raw) if raw else None
    except ValueError:
        return None
    keys = ("accessJwt", "refreshJwt", "did", "handle")
    return session if isinstance(session, dict) and all(session.get(k) for k in keys) else None


def _store_session(secrets: Secrets, session: Any) -> dict[str, Any]:
    kept = _load_session(json.dumps(session) if isinstance(session, dict) else None)
    if kept is None:
        raise BadResponse("Bluesky answered the sign-in in a shape SocialDesk cannot read.")
    kept = {k: kept[k] for k in ("accessJwt", "refreshJwt", "did", "handle")}
    secrets.put("session", json.dumps(kept))
    return kept
