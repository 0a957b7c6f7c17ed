"""The request funnel reads what servers say defensively: absurd rate-limit headers are clamped
(never an OverflowError, never a success turned failure), a server's clock ahead of ours is
waited for in our time, a redirect is never a post, and a 403 refuses one request rather than
the sign-in."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from socialdesk.networks.errors import AuthError, BadResponse, RateLimited, Refused
from socialdesk.networks.http import MAX_WAIT, Transport, _rate_limit
from tests.networks.local_server import LocalServer

ABSURD = [
    {"Retry-After": "99999999999999999999"},
    {"X-Rate-Limit-Reset": "1e20"},
    {"X-Rate-Limit-Reset": "99999999999999999999"},
    {"X-RateLimit-Reset": "9999-12-31T23:59:59Z"},
    {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"},
    {"RateLimit-Reset": "-5", "RateLimit-Remaining": "-1"},
    {"Retry-After": "NaN"},
]


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()


@pytest.mark.parametrize("headers", ABSURD, ids=[str(h) for h in ABSURD])
def test_an_absurd_reset_is_clamped_to_a_day(server, headers):
    server.rate_limit_headers = headers
    server.faults.append("429")
    started = datetime.now(UTC)
    with pytest.raises(RateLimited) as caught:
        Transport("X", server.url).request("GET", "/2/users/1/mentions")
    reset = caught.value.reset_at
    assert reset is None or reset <= started + MAX_WAIT + timedelta(seconds=5)


@pytest.mark.parametrize("headers", ABSURD, ids=[str(h) for h in ABSURD])
def test_a_success_is_a_success_whatever_its_headers_say(server, headers):
    server.route("POST", "/2/tweets")(lambda r, m: (201, {"data": {"id": "7"}}, headers))
    assert Transport("X", server.url).request("POST", "/2/tweets", json={}) == {"data": {"id": "7"}}


def test_a_server_clock_ahead_is_waited_for_in_our_time():
    ours = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    theirs = ours + timedelta(minutes=10)  # the server's clock runs ten minutes fast
    headers = httpx.Headers(
        {"Date": format_datetime(theirs, usegmt=True),
         "X-RateLimit-Reset": (theirs + timedelta(minutes=5)).isoformat()}
    )  # fmt: skip
    assert _rate_limit(headers, ours).reset_at == ours + timedelta(minutes=5)
    epoch = httpx.Headers(
        {"Date": format_datetime(theirs, usegmt=True),
         "x-rate-limit-reset": str(int((theirs + timedelta(minutes=3)).timestamp()))}
    )  # fmt: skip
    assert _rate_limit(epoch, ours).reset_at == ours + timedelta(minutes=3)


def test_a_redirect_answering_a_post_is_not_a_post(server):
    server.route("POST", "/api/v1/statuses")(
        lambda r, m: (302, {"id": "999", "url": "https://elsewhere.example/999"},
                      {"Location": "https://elsewhere.example/login?code=secret"})
    )  # fmt: skip
    with pytest.raises(BadResponse) as caught:
        Transport("Mastodon", server.url).request("POST", "/api/v1/statuses", json={})
    assert "elsewhere.example" in str(caught.value) and "secret" not in str(caught.value)
    assert not caught.value.maybe_sent  # nothing was posted: sending again is safe


def test_a_403_refuses_the_request_not_the_sign_in(server):
    server.route("POST", "/api/v1/statuses")(
        lambda r, m: (403, {"error": "You are not allowed to reply to this account"})
    )
    with pytest.raises(Refused, match="not allowed to reply") as caught:
        Transport("Mastodon", server.url).request("POST", "/api/v1/statuses", json={})
    assert not isinstance(caught.value, AuthError)


def test_a_403_for_a_missing_scope_is_a_sign_in_problem(server):
    server.route("GET", "/api/v1/notifications")(
        lambda r, m: (403, {"error": "This action is outside the authorized scopes"})
    )
    with pytest.raises(AuthError, match="Sign in again"):
        Transport("Mastodon", server.url).request("GET", "/api/v1/notifications")
