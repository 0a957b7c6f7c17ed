"""The Mastodon provider against a Mastodon-shaped server on 127.0.0.1: paging, HTML content,
replies exactly once, the server's limits, and every failure mapped to plain words."""

import re
import time

import httpx
import pytest

from socialdesk.networks import mastodon
from socialdesk.networks.base import AccountRef
from socialdesk.networks.errors import (
    AuthError,
    BadResponse,
    ConnectionLost,
    RateLimited,
    Refused,
    ServerError,
)
from socialdesk.networks.http import Transport
from socialdesk.networks.mastodon import MastodonProvider
from tests.networks.mastodon_openapi import RequestCheck, checked
from tests.networks.mastodon_server import SCHEMA, TOKEN, MastodonServer, schema_errors


class MemorySecrets:
    """The keyring's stand-in for provider tests (the keyring itself is tested for real)."""

    def __init__(self, **values):
        self.values = values

    def get(self, kind):
        return self.values.get(kind)

    def put(self, kind, value):
        self.values[kind] = value


@pytest.fixture
def server():
    s = MastodonServer(mentions=0)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def requests_checked():
    """Every request a test here sends must be one Mastodon's API description allows."""
    CHECK.problems.clear()
    yield
    assert CHECK.problems == []


CHECK = RequestCheck()


def provider_for(server, token=TOKEN, timeout=5.0):
    secrets = MemorySecrets(access_token=token)
    return MastodonProvider(
        lambda _account: secrets,
        transport_for=lambda url: checked(
            Transport("Mastodon", url, timeout=httpx.Timeout(timeout)), CHECK
        ),
    )


def ref(server):
    return AccountRef(1, "mastodon", "brand", server_url=server.url)


def test_first_sync_reads_the_backlog_then_every_page_since_the_cursor(server, monkeypatch):
    monkeypatch.setattr(mastodon, "FIRST_SYNC_MAX", 90)  # recent ones, not the whole past
    for n in range(1, 101):
        server.add_mention(n, f"<p>@brand question {n}</p>")
    provider = provider_for(server)
    first = provider.fetch_mentions(ref(server), None)
    assert [m.text for m in first.mentions] == [f"@brand question {n}" for n in range(1, 101)][
        -len(first.mentions) :
    ]
    assert len(first.mentions) >= 90  # the newest, oldest first, pages of PAGE_SIZE
    for n in range(101, 300):  # a long absence: 199 new, more than two pages
        server.add_mention(n, f"<p>@brand later {n}</p>")
    later = provider.fetch_mentions(ref(server), first.cursor)
    assert [m.text for m in later.mentions] == [f"@brand later {n}" for n in range(101, 300)]
    assert provider.fetch_mentions(ref(server), later.cursor).mentions == []
    for request in server.requests:
        assert request.query.get("types[]") == ["mention"]


def test_html_content_becomes_the_plain_text_written(server):
    server.add_mention(
        1,
        '<p>Hi <span class="h-card"><a href="https://m.example/@brand" class="u-url mention">'
        "@<span>brand</span></a></span> &amp; team<br>see "
        '<a href="https://shop.example/orders/123456789"><span class="invisible">https://</span>'
        '<span class="ellipsis">shop.example/orders/1234</span><span class="invisible">56789'
        "</span></a></p><script>alert('x')</script><p>&lt;b&gt;not bold&lt;/b&gt;</p>",
    )
    [mention] = provider_for(server).fetch_mentions(ref(server), None).mentions
    assert mention.text == (
        "Hi @brand & team\nsee https://shop.example/orders/123456789\n\n<b>not bold</b>"
    )
    assert mention.author.handle == "user2@remote.example"


def test_a_reply_posts_once_however_often_it_is_retried(server):
    parent = server.add_mention(1, "<p>@brand where is my order?</p>")
    provider = provider_for(server)
    first = provider.post_reply(ref(server), "Sorry! Checking now.", parent["id"], "key-1")
    again = provider.post_reply(ref(server), "Sorry! Checking now.", parent["id"], "key-1")
    assert first.remote_id == again.remote_id and len(server.posted) == 1
    assert server.posted[0] == {
        "status": "Sorry! Checking now.",
        "in_reply_to_id": parent["id"],
        "visibility": "public",
    }
    post = next(r for r in server.requests if r.method == "POST")
    assert post.headers["idempotency-key"] == "key-1"
    thread = provider.fetch_thread(ref(server), first.remote_id)
    assert [m.remote_id for m in thread] == [parent["id"], first.remote_id]


def test_the_servers_own_limits_feed_the_counter(server):
    limits = provider_for(server).limits(ref(server))
    assert (limits.max_characters, limits.characters_reserved_per_url) == (1000, 23)


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        ("401", AuthError, "Sign in again"),
        ("403", Refused, "refused this"),
        ("500", ServerError, "problem of its own"),
        ("malformed", BadResponse, "not JSON"),
        ("huge", BadResponse, "larger than"),
        ("drop", ConnectionLost, "may or may not"),
        ("422", BadResponse, "did not accept"),
    ],
)
def test_failures_become_errors_in_plain_words_without_the_token(server, fault, error, words):
    server.faults.append(fault)
    with pytest.raises(error) as caught:
        provider_for(server).fetch_mentions(ref(server), None)
    assert words in str(caught.value)
    assert TOKEN not in str(caught.value) and caught.value.__cause__ is None


def test_a_50_mb_answer_is_refused_without_reading_it_all(server):
    server.faults.append("huge")
    started = time.perf_counter()
    with pytest.raises(BadResponse):
        provider_for(server).fetch_mentions(ref(server), None)
    assert time.perf_counter() - started < 10  # stopped at the cap, not after 50 MB


def test_a_timeout_may_have_arrived(server):
    server.faults.append("slow")
    with pytest.raises(ConnectionLost) as caught:
        provider_for(server, timeout=0.3).post_reply(ref(server), "Hi", None, "k")
    assert caught.value.maybe_sent and caught.value.transient


def test_rate_limited_says_until_when(server):
    server.faults.append("429")
    with pytest.raises(RateLimited) as caught:
        provider_for(server).fetch_mentions(ref(server), None)
    assert caught.value.reset_at.isoformat() == "2026-11-20T12:05:00+00:00"


def test_a_missing_or_refused_token_is_an_auth_error(server):
    with pytest.raises(AuthError, match="not signed in"):
        provider_for(server, token=None).verify(ref(server))
    with pytest.raises(AuthError):
        provider_for(server, token="wrong").verify(ref(server))
    assert provider_for(server).verify(ref(server)).handle == "brand@remote.example"


def test_an_unreadable_notification_is_skipped_not_the_page(server):
    server.add_mention(1, "<p>fine</p>")
    server.notifications.append({"id": "999", "type": "mention", "status": {"id": None}})
    server.add_mention(2, "<p>also fine</p>")
    mentions = provider_for(server).fetch_mentions(ref(server), None).mentions
    assert [m.text for m in mentions] == ["fine", "also fine"]


def test_the_test_server_speaks_the_published_mastodon_schema(server):
    parent = server.add_mention(1, "<p>hi</p>")
    assert schema_errors("Notification", server.notifications[0]) == []
    assert schema_errors("Status", parent) == []
    assert schema_errors("Account", server.me) == []
    assert schema_errors("Instance", server._instance()) == []


def test_a_server_that_ignores_min_id_is_stopped_at_once_and_said(server):
    """It sends the newest page whatever is asked: one look, not fifty, and a word about it."""
    for n in range(1, 11):
        server.add_mention(n, f"<p>@brand order {n}</p>")
    provider = provider_for(server)
    cursor = provider.fetch_mentions(ref(server), None).cursor
    for n in range(11, 21):
        server.add_mention(n, f"<p>@brand order {n}</p>")
    server.routes.insert(0, ("GET", re.compile("/api/v1/notifications$"), lambda r, m: (
        200, sorted(server.notifications, key=lambda n: int(n["id"]), reverse=True)[:40]
    )))  # fmt: skip
    asked = len(server.requests)
    batch = provider.fetch_mentions(ref(server), cursor)
    assert len(server.requests) - asked <= 2
    assert [m.text for m in batch.mentions] == [f"@brand order {n}" for n in range(11, 21)]
    assert "ignores min_id" in batch.warning


def test_limits_come_from_the_v1_instance_on_an_older_server_and_junk_is_asked_again(server):
    provider = provider_for(server)
    server.routes.insert(0, ("GET", re.compile("/api/v2/instance$"), lambda r, m: (404, {})))
    server.routes.insert(
        0,
        (
            "GET",
            re.compile("/api/v1/instance$"),
            lambda r, m: (200, {"uri": "old.example", "max_toot_chars": 5000}),
        ),
    )
    assert provider.limits(ref(server)).max_characters == 5000

    broken = provider_for(server)
    server.routes.insert(0, ("GET", re.compile("/api/v1/instance$"), lambda r, m: (200, [1, 2])))
    assert broken.limits(ref(server)).max_characters == 500  # the default, this time only
    server.routes.pop(0)  # the server is mended
    assert broken.limits(ref(server)).max_characters == 5000


@pytest.mark.skipif(not SCHEMA.exists(), reason="Mastodon's OpenAPI description is not beside")
def test_the_request_check_catches_a_wrong_parameter_path_or_body():
    check = RequestCheck()
    check(httpx.Request("GET", "http://m.example/api/v1/notifications?limt=5&types[]=mention"))
    check(httpx.Request("GET", "http://m.example/api/v1/notifications?limit=many"))
    check(httpx.Request("POST", "http://m.example/api/v1/statuses", json={"status": 5}))
    check(
        httpx.Request(
            "POST",
            "http://m.example/api/v1/statuses",
            json={"status": "hi", "visibility": "secret"},
        )
    )
    check(httpx.Request("GET", "http://m.example/api/v1/mentions"))
    assert len(check.problems) == 5, check.problems


@pytest.mark.skipif(not SCHEMA.exists(), reason="Mastodon's OpenAPI description is not beside")
@pytest.mark.parametrize(
    "request_",
    [
        # Mastodon ignores a parameter it does not know: a misspelt audience posts publicly.
        httpx.Request(
            "POST", "http://m.example/api/v1/statuses",
            json={"status": "hi", "in_reply_to_id": "1", "visibilty": "direct"},
        ),
        # A form body is read as the same parameters as a JSON one.
        httpx.Request(
            "POST", "http://m.example/oauth/revoke", data={"client_id": "a", "token": "t"}
        ),
        httpx.Request(
            "POST", "http://m.example/api/v1/apps",
            json={"client_name": "SocialDesk", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"},
        ),
        # A parameter the operation requires, missing.
        httpx.Request("GET", "http://m.example/oauth/authorize?client_id=a&response_type=code"),
        # An operation that needs a scope SocialDesk does not ask for (write:follows).
        httpx.Request("POST", "http://m.example/api/v1/accounts/1/follow"),
    ],
    ids=["misspelt-key", "form-missing-secret", "apps-uris-not-a-list", "missing-query", "scope"],
)  # fmt: skip
def test_the_request_check_catches_unknown_keys_forms_required_parameters_and_scopes(request_):
    check = RequestCheck()
    check(request_)
    assert len(check.problems) == 1, check.problems


@pytest.mark.skipif(not SCHEMA.exists(), reason="Mastodon's OpenAPI description is not beside")
def test_the_request_check_passes_what_mastodon_takes():
    check = RequestCheck()
    check(httpx.Request(
        "POST", "http://m.example/oauth/revoke",
        data={"client_id": "a", "client_secret": "s", "token": "t"},
    ))  # fmt: skip
    check(httpx.Request(
        "POST", "http://m.example/api/v1/statuses",
        json={"status": "hi", "in_reply_to_id": "1", "visibility": "direct"},
    ))  # fmt: skip
    check(httpx.Request("GET", "http://m.example/.well-known/webfinger?resource=acct:a@m.example"))
    check(httpx.Request("GET", "http://m.example/api/v1/accounts/verify_credentials"))
    assert check.problems == []


def test_the_conversation_of_a_post_that_is_gone_is_said_plainly(server):
    with pytest.raises(Refused, match="not on Mastodon any more"):
        provider_for(server).fetch_thread(ref(server), "424242")


def test_a_first_sync_from_a_server_that_ignores_max_id_stops_at_once_and_says_so(server):
    """It sends the newest page whatever is asked: the backlog is read once, not a thousand
    times, and the account says part of it may be missing."""
    for n in range(1, 61):
        server.add_mention(n, f"<p>@brand order {n}</p>")
    server.routes.insert(0, ("GET", re.compile("/api/v1/notifications$"), lambda r, m: (
        200, sorted(server.notifications, key=lambda n: int(n["id"]), reverse=True)[:40]
    )))  # fmt: skip
    batch = provider_for(server).fetch_mentions(ref(server), None)
    assert len(server.requests) <= 2
    assert [m.text for m in batch.mentions] == [f"@brand order {n}" for n in range(21, 61)]
    assert "ignores max_id" in batch.warning
