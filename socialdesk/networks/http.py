"""The one request method every HTTP provider funnels through (Mastodon.py's pattern): timeouts,
a cap on response size, rate-limit headers, and every failure mapped onto ``networks.errors`` in
plain words — with whether the request may have reached the server, which the outbox needs for
exactly-once sending.

Never logs or raises a header value: the Authorization header carries a secret.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from socialdesk.networks.errors import (
    AuthError,
    BadResponse,
    ConnectionLost,
    NetworkError,
    NetworkUnreachable,
    RateLimited,
    Refused,
    ServerError,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")
# A mention page is ~100 KB; more is a broken or hostile server.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
READ_DEADLINE = 120.0  # seconds for a whole answer
# The longest any network asks to wait (X's daily windows); a reset said to be later is a broken
# or hostile header, and waiting on it would silence the account for good.
MAX_WAIT = timedelta(hours=24)
# Mastodon answers a token without the scope an action needs with a 403 that is a sign-in problem
# (sign in again to grant it); any other 403 refuses this one request.
_SIGN_IN_403 = ("outside the authorized scopes", "login is currently disabled", "access token")


@dataclass(frozen=True)
class RateLimit:
    """What the last response said about the account's budget."""

    remaining: int | None
    reset_at: datetime | None


class Transport:
    """One httpx client per provider. ``name`` ("Mastodon", "X") is used in messages."""

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        timeout: httpx.Timeout = TIMEOUT,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.name = name
        self._clock = clock
        self.rate_limit = RateLimit(None, None)
        # Budgets the server said are spent: (whose token, endpoint) → when they come back.
        self._spent: dict[tuple[str, str], datetime] = {}
        self._client = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)

    def close(self) -> None:
        self._client.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Send one request and return its JSON body, or raise a NetworkError that says what
        happened."""
        return self._send(method, path, token=token, headers=headers, **kwargs)[0]

    def request_page(
        self, method: str, path: str, **kwargs: Any
    ) -> tuple[Any, dict[str, dict[str, Any]]]:
        """``request``, and the query parameters of each page its ``Link`` header names, by
        relation ({"next": {"max_id": "…"}, "prev": {"min_id": "…"}}): how Mastodon says where
        the pages before and after this one are."""
        body, response = self._send(method, path, **kwargs)
        links: dict[str, dict[str, Any]] = {}
        for rel, link in _links(response).items():
            if rel is None:
                continue  # a link without a relation names no page
            try:
                links[rel] = dict(httpx.URL(link.get("url", "")).params)
            except (httpx.InvalidURL, TypeError, ValueError):
                continue  # a link SocialDesk cannot read is one it does not follow
        return body, links

    def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> tuple[Any, httpx.Response]:
        budget = (_fingerprint(token), f"{method} {_endpoint(path)}")
        self._check_budget(budget)
        headers = dict(headers or {})
        if token:
            token = token.strip()  # a pasted token's stray newline would be an illegal header
            headers["Authorization"] = f"Bearer {token}"
        try:
            with self._client.stream(method, path, headers=headers, **kwargs) as response:
                body = _read_capped(response, self.name)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise NetworkUnreachable(
                f"Could not reach {self.name}: {_reason(exc)}. Nothing was sent."
            ) from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise ConnectionLost(
                f"The connection to {self.name} broke before it answered ({_reason(exc)}); "
                "the request may or may not have arrived."
            ) from None
        except httpx.HTTPError as exc:
            # Anything else httpx raises (an illegal header, a proxy, a decoding error). Its own
            # message may quote a header, so only its type is said, never the text.
            raise BadResponse(
                f"The request to {self.name} could not be made ({type(exc).__name__})."
            ) from None
        self.rate_limit = _rate_limit(response.headers, self._clock(), self.name)
        spent = self.rate_limit.remaining == 0 or response.status_code == 429
        if spent and self.rate_limit.reset_at:
            self._spent[budget] = self.rate_limit.reset_at
        _raise_for_status(response, body, self.name, self.rate_limit)
        if not body:
            return None, response
        try:
            return json.loads(body), response
        except ValueError:
            raise _unreadable(f"{self.name} answered with something that is not JSON.") from None

    def _check_budget(self, budget: tuple[str, str]) -> None:
        """Never send a request the server already said it will refuse: the last answer from
        this endpoint said none are left until its reset, so wait like after a 429."""
        until = self._spent.get(budget)
        if until is None:
            return
        if until <= self._clock():
            self._spent.pop(budget, None)
            return
        raise RateLimited(
            f"{self.name} allows no more of these requests until {until:%H:%M} UTC; "
            "SocialDesk waits until then. Nothing was sent.",
            until,
        )


def _fingerprint(token: str | None) -> str:
    """Whose budget (they are per user): a hash, so no token is kept beside the counts."""
    return hashlib.sha256(token.encode()).hexdigest()[:16] if token else ""


def _endpoint(path: str) -> str:
    """Budgets are per endpoint: "/2/users/123/mentions" and "/2/users/456/mentions" are one."""
    return _ID_SEGMENT.sub("/:id", path)


def _read_capped(response: httpx.Response, name: str) -> bytes:
    """The body, refused past MAX_RESPONSE_BYTES or past READ_DEADLINE in all (the timeout is
    per read: a server dripping a byte at a time would otherwise hold a worker for ever)."""
    chunks, size = [], 0
    deadline = time.monotonic() + READ_DEADLINE
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise ConnectionLost(f"{name} took too long to answer; the request may have arrived.")
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            message = f"{name} sent an answer larger than {MAX_RESPONSE_BYTES:,} bytes."
            raise _unreadable(message) if response.status_code < 400 else BadResponse(message)
        chunks.append(chunk)
    return b"".join(chunks)


def _unreadable(message: str) -> BadResponse:
    """A success we cannot read: the request was carried out (a post may exist), so the outbox
    must treat it as maybe sent, and trying again later may help."""
    error = BadResponse(message)
    error.maybe_sent = error.transient = True
    return error


def _reason(exc: Exception) -> str:
    return type(exc).__name__.replace("Error", " error").replace("Timeout", " timeout").strip()


def _raise_for_status(response: httpx.Response, body: bytes, name: str, limit: RateLimit) -> None:
    status = response.status_code
    if status < 300:
        return
    if status < 400:
        # Never a success, whatever its body: a POST answered with a redirect did not post
        # (following it would re-send to an address nobody checked).
        host = _host(response.headers.get("location", "")) or "another address"
        error: NetworkError = BadResponse(
            f"{name} answered from {host} instead ({status}); SocialDesk does not follow it. "
            "Check the server address in the account's settings."
        )
        error.status = status
        raise error
    code, said = _server_error(body)
    words = f" ({status}: {said})" if said else f" ({status})"
    if status == 401 or (status == 403 and any(w in said.lower() for w in _SIGN_IN_403)):
        error = AuthError(f"{name} refused the sign-in{words}. Sign in again.")
    elif status == 403:
        # The server understood and said no to this request (a customer who blocked the
        # account, a post it will not take): not a lost sign-in, so other requests go on.
        error = Refused(f"{name} refused this{words}.")
    elif status == 429:
        when = f" until {limit.reset_at:%H:%M} UTC" if limit.reset_at else ""
        error = RateLimited(f"{name} asks to slow down{when}.", limit.reset_at)
    elif status >= 500:
        error = ServerError(f"{name} had a problem of its own{words}.")
    else:
        error = BadResponse(f"{name} did not accept the request{words}.")
    # What a provider may need to tell cases apart (Bluesky's "ExpiredToken" comes as a 400).
    error.status, error.code = status, code
    raise error


def _links(response: httpx.Response) -> dict[str | None, dict[str, str]]:
    try:
        return response.links
    except (ValueError, TypeError, IndexError):  # a Link header SocialDesk cannot read
        return {}


def _host(url: str) -> str:
    """Only the host of a URL a server named: its path or query may carry a code or token."""
    try:
        return httpx.URL(url).host
    except (httpx.InvalidURL, TypeError, ValueError):
        return ""


def _server_error(body: bytes) -> tuple[str | None, str]:
    """The server's error code and its own words, short (Mastodon: {"error": ...}; X: {"detail":
    ...}; Bluesky: {"error": code, "message": ...})."""
    try:
        data = json.loads(body)
    except ValueError:
        return None, ""
    if not isinstance(data, dict):
        return None, ""
    code = data.get("error") if isinstance(data.get("error"), str) else None
    for key in ("message", "detail", "error", "title"):
        if isinstance(data.get(key), str) and data[key]:
            return code, data[key][:200]
    return code, ""


def _rate_limit(headers: httpx.Headers, now: datetime, name: str = "") -> RateLimit:
    """What the headers say of the budget, read defensively: a header that cannot be read is
    ignored (and logged), never an error — a success stays a success whatever its headers say."""
    try:
        # X: x-rate-limit-*; Mastodon: x-ratelimit-*; Bluesky: ratelimit-*.
        remaining = _int(_first(headers, "x-rate-limit-remaining", "x-ratelimit-remaining",
                                "ratelimit-remaining"))  # fmt: skip
        reset = _first(headers, "x-rate-limit-reset", "x-ratelimit-reset", "ratelimit-reset")
        skew = _clock_skew(headers.get("date"), now)
        reset_at = _reset_time(reset, now, skew)
        if reset_at is None and (after := headers.get("retry-after")):
            reset_at = _retry_after(after, now, skew)
    except (ValueError, OverflowError, OSError, TypeError) as exc:
        log.warning("%s sent rate-limit headers SocialDesk cannot read: %s", name,
                    type(exc).__name__)  # fmt: skip
        return RateLimit(None, None)
    if reset_at is not None:
        reset_at = min(reset_at, now + MAX_WAIT)
    return RateLimit(None if remaining is None or remaining < 0 else remaining, reset_at)


def _clock_skew(date: str | None, now: datetime) -> timedelta:
    """How far the server's clock is ahead of ours (its ``Date`` header), so a reset it names in
    its own time is waited for in ours: a server two minutes ahead would otherwise be asked two
    minutes early, and refuse again."""
    if not date:
        return timedelta(0)
    try:
        said = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return timedelta(0)
    if said.tzinfo is None:
        return timedelta(0)
    skew = said - now
    # The header has whole seconds, and took a moment to arrive: small differences are noise.
    return skew if timedelta(seconds=2) < abs(skew) <= MAX_WAIT else timedelta(0)


def _retry_after(value: str, now: datetime, skew: timedelta) -> datetime | None:
    """Retry-After: seconds from now, or an HTTP date in the server's clock."""
    seconds = _int(value)
    if seconds is not None:
        return now + timedelta(seconds=min(max(seconds, 0), MAX_WAIT.total_seconds()))
    try:
        return parsedate_to_datetime(value) - skew
    except (TypeError, ValueError, IndexError):
        return None


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time as the networks send it ("…Z" or an offset) as an aware datetime (UTC
    when no zone is given); None when it is not one."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _first(headers: httpx.Headers, *names: str) -> str | None:
    return next((headers[n] for n in names if n in headers), None)


def _reset_time(value: str | None, now: datetime, skew: timedelta) -> datetime | None:
    """X and Bluesky send epoch seconds; Mastodon an ISO 8601 time — both in the server's clock.
    Numbers past any plausible reset ("1e20", twenty nines) are clamped, never an error."""
    if not value:
        return None
    seconds = _int(value)
    if seconds is None and (number := _float(value)) is not None:
        seconds = int(min(number, 2 * 10**10))
    if seconds is not None:
        # Small numbers are "seconds from now" (the IETF draft's RateLimit-Reset).
        if seconds < 1_000_000_000:
            return now + timedelta(seconds=min(max(seconds, 0), MAX_WAIT.total_seconds()))
        seconds = min(seconds, int((now + skew + MAX_WAIT).timestamp()))
        return datetime.fromtimestamp(seconds, UTC) - skew
    moment = parse_time(value)
    return moment - skew if moment is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None and len(value) < 40 else None
    except ValueError:
        return None


def _float(value: str) -> float | None:
    try:
        number = float(value) if len(value) < 40 else None
    except ValueError:
        return None
    return number if number is not None and number == number and number >= 0 else None
