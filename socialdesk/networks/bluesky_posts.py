"""Bluesky posts as SocialDesk reads and writes them: a notification or a thread's post read
into a mention (one that cannot be read is skipped and logged, never the whole page), AT URIs
and their bsky.app links, the record key (TID) of a reply and the parts of its record."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

from socialdesk.core import outbox as outbox_policy
from socialdesk.core.counter import Facet
from socialdesk.networks.base import FetchedMention, RemoteAuthor
from socialdesk.networks.http import parse_time

log = logging.getLogger(__name__)

POST = "app.bsky.feed.post"
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def tid_from_key(key: str) -> str:
    """The record key of an outbox item: a TID (13 base32-sortable characters: 53 bits of
    microseconds and a 10-bit clock id) from the approval time in the key and a hash of the rest,
    the same on every retry."""
    digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    micros = outbox_policy.key_time_micros(key)
    if micros is None:
        micros = digest >> 11  # any other key: still stable, still a valid TID
    value = ((micros & (2**53 - 1)) << 10) | (digest & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def read_from(stop: str | None, window: timedelta) -> datetime | None:
    """How far down a sync reads: where the last one stopped, less ``window`` for the posts
    indexed late."""
    moment = parse_time(stop) if stop else None
    return moment - window if moment else None


def indexed_since(notification: Any, floor: datetime | None) -> bool:
    moment = parse_time(indexed_at(notification)) if indexed_at(notification) else None
    return moment is not None and (floor is None or moment >= floor)


def indexed_at(notification: Any) -> str:
    value = notification.get("indexedAt") if isinstance(notification, dict) else None
    return value if isinstance(value, str) else ""


def _author(profile: Any) -> RemoteAuthor:
    return RemoteAuthor(
        str(profile["did"]), str(profile.get("handle") or profile["did"]),
        str(profile.get("displayName") or ""),
    )  # fmt: skip


def read_notification(notification: dict[str, Any]) -> FetchedMention | None:
    return _post_mention(
        notification.get("uri"), notification.get("author"), notification.get("record"),
        notification.get("indexedAt"),
    )  # fmt: skip


def read_post(post: Any) -> FetchedMention | None:
    if not isinstance(post, dict):
        return None
    return _post_mention(
        post.get("uri"), post.get("author"), post.get("record"), post.get("indexedAt")
    )


def _post_mention(uri: Any, author: Any, record: Any, indexed: Any) -> FetchedMention | None:
    """One post as a mention, or None (logged) when it cannot be read: one odd item must not lose
    the rest of the page."""
    try:
        record = record if isinstance(record, dict) else {}
        reply = record.get("reply") if isinstance(record.get("reply"), dict) else {}
        writer = _author(author)
        return FetchedMention(
            remote_id=str(uri) if uri else _missing("uri"),
            author=writer,
            text=str(record.get("text") or ""),
            created_at=parse_time(record.get("createdAt"))
            or parse_time(indexed)
            or datetime.now(UTC),
            url=web_url(str(uri), writer.handle),
            in_reply_to_remote_id=(reply.get("parent") or {}).get("uri"),
            conversation_id=(reply.get("root") or {}).get("uri") or str(uri),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        log.warning("Skipped a Bluesky post SocialDesk could not read: %s", type(exc).__name__)
        return None


def _missing(field: str) -> NoReturn:
    raise ValueError(f"no {field}")


def at_parts(uri: str) -> tuple[str, str, str]:
    """at://did/collection/rkey → (did, collection, rkey); empty strings for anything else."""
    parts = uri.removeprefix("at://").split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else ("", "", "")


def web_url(uri: str, handle: str) -> str | None:
    """at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/handle/post/rkey"""
    did, collection, rkey = at_parts(uri)
    if collection != POST:
        return None
    return f"https://bsky.app/profile/{handle or did}/post/{rkey}"


def record_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def link_facet(facet: Facet) -> dict[str, Any]:
    return {
        "index": {"byteStart": facet.byte_start, "byteEnd": facet.byte_end},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": facet.uri}],
    }
