"""X API v2: OAuth 2.0 with PKCE for the user's own X app (no secret), tokens refreshed before
they expire, mentions since an id with author expansion, replies, hidden replies, and — X having
no idempotency key — a look at the account's own recent posts after a failure that may have
posted. The API facts it relies on are said where they are used.

Reading mentions needs a paid X access level: an account connected "post only" skips it.
"""

from __future__ import annotations

import html
import json
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from socialdesk.core.limits import NetworkLimits
from socialdesk.core.links import find_urls
from socialdesk.networks.base import (
    AccountRef,
    FetchedMention,
    MentionBatch,
    PostedReply,
    RemoteAuthor,
    Secrets,
)
from socialdesk.networks.errors import AuthError, BadResponse, NetworkError, Refused
from socialdesk.networks.http import Transport, parse_time
from socialdesk.networks.oauth import Pkce
from socialdesk.networks.paging import gap_cursor, read_cursor

log = logging.getLogger(__name__)

API = "https://api.x.com"
AUTHORIZE = "https://x.com/i/oauth2/authorize"
# tweet.moderate.write: hiding replies (PUT /2/tweets/:id/hidden) is refused without it.
SCOPES = "tweet.read tweet.write tweet.moderate.write users.read offline.access"
PAGE_SIZE = 100
MAX_PAGES = 10  # per sync: 1,000 mentions; the rest follows from the cursor
REFRESH_AHEAD = timedelta(minutes=2)  # refresh a token this long before it expires
_TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,entities"
_EXPANSIONS = "author_id,referenced_tweets.id"
_USER_FIELDS = "username,name"


def authorize_url(
    client_id: str, redirect_uri: str, state: str, pkce: Pkce, base: str = AUTHORIZE
) -> str:
    query = urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
        "scope": SCOPES, "state": state, "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
    })  # fmt: skip
    return f"{base}?{query}"


def exchange_code(
    transport: Transport, client_id: str, redirect_uri: str, code: str, pkce: Pkce, now: datetime
) -> dict[str, str]:
    """The account's secrets for an authorization code: tokens and when the access one expires."""
    answer = transport.request(
        "POST", "/2/oauth2/token",
        data={"grant_type": "authorization_code", "code": code.strip(), "client_id": client_id,
              "redirect_uri": redirect_uri, "code_verifier": pkce.verifier},
    )  # fmt: skip
    return _secrets(answer, client_id, now, post_only=False)


def _secrets(
    answer: Any, client_id: str, now: datetime, *, post_only: bool, refresh: str = ""
) -> dict[str, str]:
    """The account's one keyring entry ("session"): both tokens, the expiry, the app's client
    id. One entry, written at once: a refresh token is single-use, so the new pair must never be
    half stored."""
    if not isinstance(answer, dict) or not answer.get("access_token"):
        raise BadResponse("X did not give SocialDesk an access token.")
    expires = now + timedelta(seconds=int(answer.get("expires_in") or 7200))
    session = {
        "access_token": str(answer["access_token"]),
        # X may not send a new refresh token every time: the old one then stays good.
        "refresh_token": str(answer.get("refresh_token") or refresh),
        "expires_at": expires.isoformat(),
        "client_id": client_id,
        "post_only": post_only,
    }
    return {"session": json.dumps(session)}


class XProvider:
    idempotent = False  # X has no idempotency key: the outbox calls find_reply first
    idempotency_window = None

    def __init__(
        self,
        secrets_for: Callable[[AccountRef], Secrets],
        *,
        transport_for: Callable[[str], Transport] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._secrets_for = secrets_for
        self._transport = (transport_for or (lambda url: Transport("X", url)))(API)
        self._clock = clock
        self._refresh_lock = threading.Lock()

    # -- the protocol ----------------------------------------------------------------------------
    def verify(self, account: AccountRef) -> RemoteAuthor:
        me = self._request(account, "GET", "/2/users/me")
        user = me.get("data") if isinstance(me, dict) else None
        if not isinstance(user, dict) or not user.get("id"):
            raise BadResponse("X described the account in a shape SocialDesk cannot read.")
        return RemoteAuthor(
            str(user["id"]), str(user.get("username") or ""), str(user.get("name") or "")
        )

    def fetch_mentions(self, account: AccountRef, cursor: str | None) -> MentionBatch:
        """Mentions newer than ``cursor`` (a post id), oldest first; with no cursor the latest
        page. Nothing for an account connected "post only". X pages backwards from the newest;
        cut off by MAX_PAGES, the cursor keeps the page to go on from and the id to stop at, so
        the next sync reads the rest of the gap first and nothing is skipped."""
        if self._session(account).get("post_only"):
            return MentionBatch([], cursor)
        me = account.remote_id or self.verify(account).remote_id
        top, resume, stop = read_cursor(cursor)
        params: dict[str, Any] = {
            "max_results": PAGE_SIZE, "tweet.fields": _TWEET_FIELDS,
            "expansions": _EXPANSIONS, "user.fields": _USER_FIELDS,
        }  # fmt: skip
        if stop:
            params["since_id"] = stop
        if resume:
            params["pagination_token"] = resume
        found: list[FetchedMention] = []
        for _page in range(MAX_PAGES):
            try:
                page = self._request(
                    account, "GET", f"/2/users/{_digits(me)}/mentions", params=params
                )
            except BadResponse as exc:
                if exc.status != 403:
                    raise
                raise BadResponse(
                    "X does not let this app read mentions (reading them needs a paid X API "
                    "access level). Upgrade the app's access level, or sign in again choosing "
                    "“Post only”."
                ) from None
            if not isinstance(page, dict):
                raise BadResponse("X sent mentions in a shape SocialDesk cannot read.")
            tweets = _tweets(page)
            if page.get("data") and not tweets:  # junk, not "no mentions"
                raise BadResponse("X sent a page of mentions SocialDesk cannot read.")
            found.extend(tweets)
            meta = _object(page, "meta")
            newest = meta.get("newest_id")
            if resume is None and newest and (top is None or _later(str(newest), top)):
                top = str(newest)
            next_token = meta.get("next_token")
            if not stop or not next_token:
                found.sort(key=lambda m: (len(m.remote_id), m.remote_id))
                return MentionBatch(found, top)
            params["pagination_token"] = next_token
        found.sort(key=lambda m: (len(m.remote_id), m.remote_id))
        return MentionBatch(found, gap_cursor(top, next_token, stop))

    def fetch_thread(self, account: AccountRef, remote_id: str) -> list[FetchedMention]:
        """The post and the posts it answers, up to ten levels."""
        chain: list[FetchedMention] = []
        current: str | None = remote_id
        while current and len(chain) < 10:
            page = self._request(
                account, "GET", f"/2/tweets/{_digits(current)}",
                params={"tweet.fields": _TWEET_FIELDS, "expansions": _EXPANSIONS,
                        "user.fields": _USER_FIELDS},
            )  # fmt: skip
            tweets = _tweets({"data": [page.get("data")], "includes": page.get("includes")})
            if not tweets:
                break
            chain.insert(0, tweets[0])
            current = tweets[0].in_reply_to_remote_id
        return chain

    def post_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, idempotency_key: str
    ) -> PostedReply:
        body: dict[str, Any] = {"text": text}
        if in_reply_to:
            body["reply"] = {"in_reply_to_tweet_id": in_reply_to}
        answer = self._request(account, "POST", "/2/tweets", json=body)
        data = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(data, dict) or not data.get("id"):
            raise BadResponse("X accepted the post but did not say where it is.")
        return PostedReply(str(data["id"]), _url(account.handle, str(data["id"])), self._clock())

    def find_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, since: datetime
    ) -> PostedReply | None:
        """The account's own post with ``text`` answering ``in_reply_to``, made since ``since``."""
        me = account.remote_id or self.verify(account).remote_id
        start = (since - timedelta(minutes=5)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        page = self._request(
            account, "GET", f"/2/users/{_digits(me)}/tweets",
            params={"max_results": 20, "start_time": start, "tweet.fields": _TWEET_FIELDS},
        )  # fmt: skip
        wanted = _words_without_links(text)
        data = page.get("data") if isinstance(page, dict) else None
        for tweet in data if isinstance(data, list) else []:
            if not isinstance(tweet, dict):
                continue
            # X gives links back as t.co addresses: compare the words around them.
            said = _words_without_links(html.unescape(str(tweet.get("text", ""))))
            if said == wanted and _replied_to(tweet) == in_reply_to:
                return PostedReply(str(tweet["id"]), _url(account.handle, str(tweet["id"])), since)
        return None

    def hide_reply(self, account: AccountRef, remote_id: str, hidden: bool = True) -> None:
        """Only in conversations the account started (X refuses the others with a 403).
        Accounts connected before SocialDesk asked for tweet.moderate.write must sign in again."""
        try:
            self._request(
                account, "PUT", f"/2/tweets/{_digits(remote_id)}/hidden", json={"hidden": hidden}
            )
        except Refused as exc:
            raise Refused(
                f"{exc} X allows hiding only replies to the account's own posts; if this is one, "
                "sign in again (Workspace → Accounts) so SocialDesk may hide replies."
            ) from None

    def limits(self, account: AccountRef) -> NetworkLimits:
        return NetworkLimits.default("x")

    def close(self) -> None:
        self._transport.close()

    # -- tokens ----------------------------------------------------------------------------------
    def _session(self, account: AccountRef) -> dict[str, Any]:
        raw = self._secrets_for(account).get("session")
        try:
            session = json.loads(raw) if raw else {}
        except ValueError:
            session = {}
        return session if isinstance(session, dict) else {}

    def _access_token(self, account: AccountRef, *, failed: str | None = None) -> str:
        """A usable access token: refreshed ahead of its expiry, or because ``failed`` (the
        token a 401 just refused) is still the stored one — if another thread already
        refreshed, its new token is used instead of refreshing twice."""
        secrets = self._secrets_for(account)
        with self._refresh_lock:
            session = self._session(account)
            token = session.get("access_token")
            if not token:
                raise AuthError(f"@{account.handle} is not signed in to X.")
            try:
                expires = datetime.fromisoformat(session.get("expires_at", ""))
            except (TypeError, ValueError):
                expires = None
            if token == failed or (expires and expires - REFRESH_AHEAD <= self._clock()):
                token = self._refresh(account, secrets, session)
            return token

    def _refresh(self, account: AccountRef, secrets: Secrets, session: dict[str, Any]) -> str:
        if not session.get("refresh_token") or not session.get("client_id"):
            raise AuthError(f"@{account.handle}'s X sign-in has expired: sign in again.")
        try:
            answer = self._transport.request(
                "POST", "/2/oauth2/token",
                data={"grant_type": "refresh_token", "refresh_token": session["refresh_token"],
                      "client_id": session["client_id"]},
            )  # fmt: skip
        except NetworkError as exc:
            if exc.status in (400, 401):  # invalid_grant: the refresh token is spent or revoked
                raise AuthError(
                    f"@{account.handle}'s X sign-in has expired: sign in again."
                ) from None
            raise
        fresh = _secrets(
            answer, session["client_id"], self._clock(),
            post_only=bool(session.get("post_only")), refresh=session["refresh_token"],
        )  # fmt: skip
        secrets.put("session", fresh["session"])
        token: str = json.loads(fresh["session"])["access_token"]  # _secrets wrote it, a str
        return token

    def _request(self, account: AccountRef, method: str, path: str, **kw: Any) -> Any:
        """One call with a fresh token; a 401 refreshes once and tries again. A 403 is X
        refusing this action (a duplicate post, a reply it does not allow, an access level the
        app lacks), not a lost sign-in."""
        failed = None
        for attempt in (1, 2):
            token = self._access_token(account, failed=failed)
            try:
                return self._transport.request(method, path, token=token, **kw)
            except AuthError as exc:
                if exc.status == 403:
                    raise _forbidden(exc) from None
                if attempt == 2:
                    raise
                failed = token
        raise AssertionError("unreachable")


def _forbidden(exc: AuthError) -> Refused:
    said = str(exc).split("(", 1)[-1].rsplit(")", 1)[0]
    error = Refused(f"X refused this ({said}).")
    error.status, error.code = exc.status, exc.code
    return error


def _object(parent: dict[str, Any], key: str) -> dict[str, Any]:
    """``parent[key]`` when it is a JSON object, else an empty one."""
    value = parent.get(key)
    return value if isinstance(value, dict) else {}


def _array(parent: dict[str, Any], key: str) -> list[Any]:
    """``parent[key]`` when it is a JSON array, else an empty one."""
    value = parent.get(key)
    return value if isinstance(value, list) else []


def _tweets(page: dict[str, Any]) -> list[FetchedMention]:
    listed = _array(_object(page, "includes"), "users")
    users = {str(u.get("id")): u for u in listed if isinstance(u, dict)}
    data = _array(page, "data")
    out = []
    for tweet in data:
        try:
            author = users.get(str(tweet.get("author_id")), {})
            handle = str(author.get("username") or tweet["author_id"])
            out.append(
                FetchedMention(
                    remote_id=str(tweet["id"]),
                    author=RemoteAuthor(
                        str(tweet["author_id"]), handle, str(author.get("name") or "")
                    ),
                    text=html.unescape(str(tweet.get("text") or "")),
                    created_at=(parse_time(tweet.get("created_at")) or datetime.now(UTC)),
                    url=_url(handle, str(tweet["id"])),
                    in_reply_to_remote_id=_replied_to(tweet),
                    conversation_id=str(tweet.get("conversation_id") or tweet["id"]),
                )
            )
        except (AttributeError, KeyError, TypeError) as exc:
            log.warning("Skipped an X post SocialDesk could not read: %s", type(exc).__name__)
    return out


def _words_without_links(text: str) -> str:
    for link in reversed(find_urls(text)):
        text = text[: link.start] + " " + text[link.end :]
    return " ".join(text.split())


def _replied_to(tweet: dict[str, Any]) -> str | None:
    for ref in tweet.get("referenced_tweets") or []:
        if isinstance(ref, dict) and ref.get("type") == "replied_to":
            return str(ref.get("id"))
    return None


def _url(handle: str, tweet_id: str) -> str:
    return f"https://x.com/{handle}/status/{tweet_id}"


def _digits(value: str) -> str:
    if not str(value).isdigit():
        raise BadResponse(f"{value!r} is not an X id.")
    return str(value)


def _later(a: str, b: str) -> bool:
    return (len(a), a) > (len(b), b)
