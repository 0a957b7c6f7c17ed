"""Mastodon (any server): mention notifications, threads, replies with an Idempotency-Key, and the
server's own counting limits. The API facts it relies on are said where they are used.

Every request goes through ``http.Transport``; the access token comes from the account's secrets
(the keyring) on each call and is never kept in an attribute that could be logged.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from socialdesk.core.html_text import to_plain
from socialdesk.core.limits import NetworkLimits
from socialdesk.core.mentions import VISIBILITIES, reply_visibility
from socialdesk.networks.base import (
    AccountRef,
    FetchedMention,
    MentionBatch,
    PostedReply,
    RemoteAuthor,
    Secrets,
)
from socialdesk.networks.errors import AuthError, BadResponse, Refused
from socialdesk.networks.http import Transport, parse_time
from socialdesk.networks.paging import unique

log = logging.getLogger(__name__)

PAGE_SIZE = 80  # Mastodon's maximum for notifications; many servers cap it lower (40)
MAX_PAGES = 100  # per sync: 4,000 mentions at 40 a page; the rest follow on the next sync
FIRST_SYNC_MAX = 1_000  # a newly connected account brings this much of its backlog
FIND_PAGES = 25  # looking for an earlier post: 1,000 of the account's own, back to the try
_IGNORES_MIN_ID = (
    "the server sent the same notifications again instead of the newer ones (it ignores "
    "min_id): SocialDesk kept what it could read, and mentions in between may be missing"
)


_IGNORES_MAX_ID = (
    "the server sent the same notifications again instead of older ones (it ignores max_id): "
    "SocialDesk kept the newest it could read, and older mentions may be missing"
)


class MastodonProvider:
    idempotent = True
    # The server remembers an Idempotency-Key for an hour; after that the outbox looks first.
    idempotency_window = timedelta(minutes=55)

    def __init__(
        self,
        secrets_for: Callable[[AccountRef], Secrets],
        *,
        transport_for: Callable[[str], Transport] | None = None,
    ) -> None:
        self._secrets_for = secrets_for
        self._transport_for = transport_for or (lambda url: Transport("Mastodon", url))
        self._transports: dict[str, Transport] = {}
        self._limits: dict[str, NetworkLimits] = {}
        self._lock = threading.Lock()

    # -- the protocol ----------------------------------------------------------------------------
    def verify(self, account: AccountRef) -> RemoteAuthor:
        try:
            return _author(self._get(account, "/api/v1/accounts/verify_credentials"))
        except BadResponse as exc:
            raise _no_api_there(exc, account) from None

    def fetch_mentions(self, account: AccountRef, cursor: str | None) -> MentionBatch:
        """Every mention newer than ``cursor`` (a notification id), oldest first; with no cursor
        (the first sync), the newest ``FIRST_SYNC_MAX`` — the backlog waiting for an answer.

        Servers cap a page (40 is common, whatever is asked), so a short page is not the end:
        pages are followed by the server's own ``Link`` header until one is empty. A server that
        sends the same page again, or ignores ``min_id``, is stopped at once and said."""
        if cursor is None:
            return self._backlog(account)
        found: list[FetchedMention] = []
        seen: set[str] = set()
        newest, query, warning = cursor, {"min_id": cursor}, None
        for _page in range(MAX_PAGES):
            page, links = self._notifications(account, query)
            page_ids = _ids(page)
            ids = [i for i in page_ids if _id_order(i) > _id_order(cursor)]
            fresh = [i for i in ids if i not in seen]
            if len(ids) < len(page_ids) or (page and not fresh):
                warning = _IGNORES_MIN_ID
                log.warning("%s: %s", _server(account), warning)
            if not fresh:
                break
            seen.update(fresh)
            wanted = set(fresh)
            found.extend(m for n in page if _notification_id(n) in wanted and (m := _mention(n)))
            newest = max([newest, *fresh], key=_id_order)
            if warning:
                break
            query = {"min_id": links.get("prev", {}).get("min_id") or newest}
        return _batch(found, newest, warning)

    def _backlog(self, account: AccountRef) -> MentionBatch:
        """The first sync: the newest mentions, page by page back in time (``max_id``), up to
        ``FIRST_SYNC_MAX`` (and ``MAX_PAGES`` requests); the cursor is the newest of them. A
        server that sends a page it sent before ignores ``max_id``: stopped at once, and said."""
        found: list[FetchedMention] = []
        seen: set[str] = set()
        query: dict[str, str] = {}
        warning = None
        for _page in range(MAX_PAGES):
            page, links = self._notifications(account, query)
            fresh = [i for i in _ids(page) if i not in seen]
            if page and not fresh:
                warning = _IGNORES_MAX_ID
                log.warning("%s: %s", _server(account), warning)
            if not fresh:
                break
            seen.update(fresh)
            wanted = set(fresh)
            found.extend(m for n in page if (m := _mention(n)) and _notification_id(n) in wanted)
            if len(seen) >= FIRST_SYNC_MAX:
                break
            older = links.get("next", {}).get("max_id") or min(fresh, key=_id_order)
            query = {"max_id": older}
        newest = max(seen, key=_id_order) if seen else None
        return _batch(found, newest, warning)

    def _notifications(
        self, account: AccountRef, query: dict[str, Any]
    ) -> tuple[list[Any], dict[str, Any]]:
        params = {"types[]": "mention", "limit": PAGE_SIZE, **query}
        try:
            page, links = self._transport(account).request_page(
                "GET", "/api/v1/notifications", token=self._token(account), params=params
            )
        except BadResponse as exc:
            raise _no_api_there(exc, account) from None
        if not isinstance(page, list):
            raise BadResponse("Mastodon sent notifications in a shape SocialDesk cannot read.")
        if page and not _ids(page):
            raise BadResponse(
                "Mastodon sent a page of notifications SocialDesk cannot read; the next sync "
                "tries again."
            )
        return page, links

    def fetch_thread(self, account: AccountRef, remote_id: str) -> list[FetchedMention]:
        """The conversation around a status, oldest first, all named by its root (the API
        names only each status's parent)."""
        try:
            context = self._get(account, f"/api/v1/statuses/{_safe_id(remote_id)}/context")
            status = self._get(account, f"/api/v1/statuses/{_safe_id(remote_id)}")
        except BadResponse as exc:
            if exc.status != 404:
                raise
            raise Refused(
                "This post is not on Mastodon any more (deleted, or its author blocked this "
                "account), so its conversation cannot be shown."
            ) from None
        if not isinstance(context, dict):
            raise BadResponse("Mastodon sent a conversation SocialDesk cannot read.")
        statuses = [*(context.get("ancestors") or []), status, *(context.get("descendants") or [])]
        thread = [m for s in statuses if (m := _from_status(s)) is not None]
        root = thread[0].remote_id if thread else remote_id
        return [replace(m, conversation_id=root) for m in thread]

    def post_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, idempotency_key: str
    ) -> PostedReply:
        body: dict[str, Any] = {"status": text}
        if in_reply_to:
            body["in_reply_to_id"] = in_reply_to
            # Never wider than what it answers: a direct message is answered directly. Read
            # from the server, not the store: the parent's audience can have changed, or the
            # parent can be gone (then nothing is posted).
            parent = self._parent(account, in_reply_to)
            if visibility := reply_visibility(parent.visibility):
                body["visibility"] = visibility
        status = self._request(
            account, "POST", "/api/v1/statuses", json=body,
            headers={"Idempotency-Key": idempotency_key},
        )  # fmt: skip
        if not isinstance(status, dict) or not status.get("id"):
            raise BadResponse("Mastodon accepted the reply but did not say where it is.")
        return PostedReply(
            str(status["id"]),
            status.get("url"),
            (parse_time(status.get("created_at")) or datetime.now(UTC)),
        )

    def _parent(self, account: AccountRef, remote_id: str) -> FetchedMention:
        try:
            found = _from_status(self._get(account, f"/api/v1/statuses/{_safe_id(remote_id)}"))
        except BadResponse as exc:
            if exc.status != 404:
                raise
            raise Refused(
                "The post this answers is not on Mastodon any more (deleted, or its author "
                "blocked this account), so the reply was not posted."
            ) from None
        if found is None:
            raise BadResponse("Mastodon described the post being answered in a shape SocialDesk "
                              "cannot read.")  # fmt: skip
        return found

    def find_reply(
        self, account: AccountRef, text: str, in_reply_to: str | None, since: datetime
    ) -> PostedReply | None:
        """The account's own status answering ``in_reply_to`` with this text, posted since
        ``since`` — looked for page by page back to then, and compared as the server shows it
        (it renders "@user@server" as "@user", and the HTML's spacing is its own)."""
        me = account.remote_id or self.verify(account).remote_id
        wanted = _comparable(text)
        oldest = since - timedelta(minutes=5)  # clocks differ
        query: dict[str, str] = {}
        seen: set[str] = set()
        for _page in range(FIND_PAGES):
            page, links = self._transport(account).request_page(
                "GET", f"/api/v1/accounts/{_safe_id(me)}/statuses", token=self._token(account),
                params={"limit": 40, **query},
            )  # fmt: skip
            page = page if isinstance(page, list) else []
            statuses = [found for item in page if (found := _from_status(item))]
            for found in statuses:
                if (found.in_reply_to_remote_id == in_reply_to and found.created_at >= oldest
                        and _comparable(found.text) == wanted):  # fmt: skip
                    return PostedReply(found.remote_id, found.url, found.created_at)
            fresh = {s.remote_id for s in statuses} - seen
            if not fresh or min(s.created_at for s in statuses) < oldest:
                return None  # back before the first try, or a server that repeats its page
            seen |= fresh
            older = links.get("next", {}).get("max_id") or min(
                (s.remote_id for s in statuses), key=_id_order
            )
            query = {"max_id": older}
        return None

    def hide_reply(self, account: AccountRef, remote_id: str, hidden: bool = True) -> None:
        raise Refused(
            "Mastodon has no way to hide a reply: mute, block or report the account on its "
            "server instead."
        )

    def limits(self, account: AccountRef) -> NetworkLimits:
        """The server's own maximum and URL length: ``/api/v2/instance``, or ``/api/v1/instance``
        on servers older than 4.0 (and forks). Kept once read; when neither can be read the
        default is used this time and the server asked again next time."""
        server = _server(account)
        if server not in self._limits:
            found = self._instance_limits(account)
            if found is None:
                return NetworkLimits.default("mastodon")
            self._limits[server] = found
        return self._limits[server]

    def _instance_limits(self, account: AccountRef) -> NetworkLimits | None:
        default = NetworkLimits.default("mastodon")
        for path in ("/api/v2/instance", "/api/v1/instance"):
            try:
                instance = self._request(account, "GET", path, auth=False)
            except BadResponse:
                continue  # 404 on an old server, or a body not worth trusting: try the other
            if not isinstance(instance, dict):
                continue
            config = instance.get("configuration")
            statuses = config.get("statuses") if isinstance(config, dict) else None
            statuses = statuses if isinstance(statuses, dict) else {}
            most = statuses.get("max_characters") or instance.get("max_toot_chars")  # v1 forks
            if not isinstance(most, int) or most <= 0:
                continue
            per_url = _positive(
                statuses.get("characters_reserved_per_url"), default.characters_reserved_per_url
            )
            return NetworkLimits(most, per_url)
        return None

    # -- requests --------------------------------------------------------------------------------
    def _get(self, account: AccountRef, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._request(account, "GET", path, params=params)

    def _request(
        self, account: AccountRef, method: str, path: str, *, auth: bool = True, **kw: Any
    ) -> Any:
        token = self._token(account) if auth else None
        return self._transport(account).request(method, path, token=token, **kw)

    def _token(self, account: AccountRef) -> str:
        token = self._secrets_for(account).get("access_token")
        if not token:
            raise AuthError(f"@{account.handle} is not signed in to Mastodon.")
        return token

    def _transport(self, account: AccountRef) -> Transport:
        server = _server(account)
        with self._lock:
            if server not in self._transports:
                self._transports[server] = self._transport_for(server)
            return self._transports[server]

    def close(self) -> None:
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.close()


def _no_api_there(exc: BadResponse, account: AccountRef) -> BadResponse:
    """A 404 where every Mastodon server answers: the address is not a Mastodon server (a
    typo, a website, a server that moved without a redirect), said as such."""
    if exc.status != 404:
        return exc
    error = BadResponse(
        f"There is no Mastodon API at {_server(account).split('://')[-1]} (404): check the "
        "server address of this account."
    )
    error.status, error.code = exc.status, exc.code
    return error


def _server(account: AccountRef) -> str:
    if not account.server_url:
        raise AuthError(f"@{account.handle} has no Mastodon server set.")
    return account.server_url.rstrip("/")


_FULL_MENTION = re.compile(r"(?<![\w@])@([\w.]+)@[\w.-]+\w", re.UNICODE)


def _comparable(text: str) -> str:
    """Text as both the draft and the server's rendering of it compare: mentions by user name
    only, spacing folded, case ignored."""
    return " ".join(_FULL_MENTION.sub(r"@\1", text).split()).casefold()


def _ids(page: list[Any]) -> list[str]:
    return [i for n in page if (i := _notification_id(n))]


def _notification_id(notification: Any) -> str:
    value = notification.get("id") if isinstance(notification, dict) else None
    return str(value) if isinstance(value, (str, int)) and str(value).isalnum() else ""


def _batch(found: list[FetchedMention], cursor: str | None, warning: str | None) -> MentionBatch:
    found.sort(key=lambda m: (m.created_at, _id_order(m.remote_id)))
    return MentionBatch(unique(found), cursor, warning)


def _id_order(remote_id: str) -> tuple[int, str]:
    """Mastodon ids are numbers in strings (Snowflake-like); compare them as numbers."""
    return (len(remote_id), remote_id)


def _safe_id(remote_id: str) -> str:
    if not remote_id.isalnum():
        raise BadResponse(f"{remote_id!r} is not a Mastodon status id.")
    return remote_id


def _positive(value: Any, default: int) -> int:
    return value if isinstance(value, int) and value > 0 else default


def _author(account: Any) -> RemoteAuthor:
    if not isinstance(account, dict) or not account.get("id"):
        raise BadResponse("Mastodon described an account in a shape SocialDesk cannot read.")
    handle = str(account.get("acct") or account.get("username") or account["id"])
    return RemoteAuthor(str(account["id"]), handle, str(account.get("display_name") or ""))


def _mention(notification: Any) -> FetchedMention | None:
    """A mention notification's status, or None (logged) when it is not one we can read: one odd
    item must not lose the rest of the page."""
    if not isinstance(notification, dict) or notification.get("type") not in (None, "mention"):
        return None
    return _from_status(notification.get("status"))


def _from_status(status: Any) -> FetchedMention | None:
    try:
        text = "\n".join(
            filter(
                None,
                [
                    to_plain(str(status.get("content") or "")),
                    *_attachments(status.get("media_attachments")),
                ],
            )
        )
        warning = str(status.get("spoiler_text") or "")
        return FetchedMention(
            remote_id=str(status["id"]),
            author=_author(status.get("account")),
            text=f"[CW: {warning}]\n{text}" if warning else text,
            created_at=(parse_time(status.get("created_at")) or datetime.now(UTC)),
            url=status.get("url") if isinstance(status.get("url"), str) else None,
            in_reply_to_remote_id=_str_or_none(status.get("in_reply_to_id")),
            # The API names no thread root: a reply joins its parent's conversation (the store
            # follows the parent to its root when it has it).
            conversation_id=_str_or_none(status.get("in_reply_to_id")) or str(status["id"]),
            visibility=status.get("visibility")
            if status.get("visibility") in VISIBILITIES
            else None,
        )
    except (AttributeError, KeyError, TypeError, BadResponse) as exc:
        log.warning("Skipped a Mastodon status SocialDesk could not read: %s", type(exc).__name__)
        return None


# A media attachment's "type", as the inbox names it; anything else is an image. Keyed by what
# the JSON holds (any value, or none).
_MEDIA_KINDS: dict[Any, str] = {"gifv": "GIF", "video": "video", "audio": "audio"}


def _attachments(media: Any) -> list[str]:
    """A line per picture, video or file, with the description its author gave it: an image-only
    post must still say something in the inbox (and to the triage)."""
    lines = []
    for item in media if isinstance(media, list) else []:
        if not isinstance(item, dict):
            continue
        kind = _MEDIA_KINDS.get(item.get("type"), "image")
        alt = " ".join(str(item.get("description") or "").split())[:1_500]
        lines.append(f"[{kind}: {alt}]" if alt else f"[{kind} without a description]")
    return lines


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
