"""Every provider turns a misbehaving server into the same plain errors: 5xx, not JSON, a 50 MB
body, a dropped connection, a timeout — and never lets the token into the message."""

from datetime import timedelta

import httpx
import pytest

from socialdesk.networks.base import AccountRef
from socialdesk.networks.bluesky import BlueskyProvider
from socialdesk.networks.errors import BadResponse, ConnectionLost, ServerError
from socialdesk.networks.http import Transport
from tests.networks import bluesky_server, x_server
from tests.networks.test_mastodon import MemorySecrets
from tests.networks.test_x import Clock, signed_in

FAULTS = [
    ("500", ServerError),
    ("malformed", BadResponse),
    ("huge", BadResponse),
    ("drop", ConnectionLost),
    ("slow", ConnectionLost),
]


def _bluesky():
    server = bluesky_server.BlueskyServer()
    secrets = MemorySecrets(app_password=bluesky_server.APP_PASSWORD)
    provider = BlueskyProvider(
        lambda _a: secrets,
        transport_for=lambda url: Transport("Bluesky", url, timeout=httpx.Timeout(0.5)),
    )
    account = AccountRef(1, "bluesky", bluesky_server.HANDLE, server_url=server.url)
    provider.verify(account)  # a session first: the fault then hits the mentions request
    return server, provider, account, secrets


def _x():
    server = x_server.XServer()
    clock = Clock()
    provider, secrets = signed_in(server, clock)
    provider._transport = Transport("X", server.url, timeout=httpx.Timeout(0.5), clock=clock)
    clock.now += timedelta(minutes=1)
    return server, provider, AccountRef(1, "x", "emberlinecoffee", remote_id="1000"), secrets


@pytest.mark.parametrize("make", [_bluesky, _x], ids=["bluesky", "x"])
@pytest.mark.parametrize(("fault", "error"), FAULTS, ids=[f for f, _ in FAULTS])
def test_a_misbehaving_server_is_a_plain_error(make, fault, error):
    server, provider, account, secrets = make()
    try:
        server.faults.append(fault)
        with pytest.raises(error) as caught:
            provider.fetch_mentions(account, "0" if make is _x else None)
    finally:
        server.close()
    for value in secrets.values.values():
        assert not value or value not in str(caught.value)
