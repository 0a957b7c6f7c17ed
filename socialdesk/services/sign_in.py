"""Signing in through the browser: finding a person's Mastodon server from what they typed (a
server or their whole handle, by WebFinger), registering SocialDesk there once, and the OAuth
sign-ins of Mastodon (loopback or a pasted code) and X (the user's own X app), each back on
127.0.0.1. They return the account's secrets, stored nowhere yet: ``accounts.add_account`` checks
them with the network and keeps them in the keyring.

The networks' modules (httpx with them) load on first use, not with this module.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from socialdesk.core.models import Network

if TYPE_CHECKING:
    from socialdesk.networks.http import Transport
    from socialdesk.networks.oauth import LoopbackReceiver, MastodonApp
    from socialdesk.services.accounts import LiveNetworks

log = logging.getLogger(__name__)


def server_url(text: str, *, scheme: str = "https") -> str:
    """What the user typed as their Mastodon server ("mastodon.social", "https://m.example/", or
    their whole handle "@alice@mastodon.social") as a base URL; ValueError with a plain message
    when it cannot be one. A handle's server is the part after its second "@" — never sent as
    a user name in the URL (which would go out as an Authorization header)."""
    text = text.strip()
    if "://" not in text and "@" in text:
        handle = text.lstrip("@").split("@")
        if len(handle) != 2 or not all(handle):
            raise ValueError(
                f"“{text}” is neither a server nor a handle: type your server (e.g. "
                "mastodon.social) or your whole handle (e.g. @you@mastodon.social)."
            )
        text = handle[1]
    if "://" not in text:
        text = f"{scheme}://{text}"
    parsed = urlparse(text)
    if parsed.scheme not in ("https", "http") or not parsed.hostname or " " in text:
        raise ValueError(f"“{text}” is not a server address, e.g. mastodon.social.")
    if parsed.username or parsed.password:
        raise ValueError(f"Type only the server, without a name before an @: {parsed.hostname}.")
    return f"{parsed.scheme}://{parsed.netloc}"


def find_mastodon_server(networks: LiveNetworks, text: str, *, scheme: str = "https") -> str:
    """``server_url``, and for a whole handle the server its domain names with WebFinger
    (RFC 7033): "@alice@example.com" may live on social.example.com. A domain that does not
    answer (or sends the question elsewhere, which SocialDesk does not follow) is taken as the
    server itself; registering there then says plainly what to type instead."""
    from socialdesk.networks.errors import NetworkError

    server = server_url(text, scheme=scheme)
    user = _handle_user(text)
    if user is None:
        return server
    domain = server.split("://", 1)[1]
    try:
        with closing(networks.transport(Network.MASTODON, server)) as transport:
            answer = transport.request(
                "GET", "/.well-known/webfinger", params={"resource": f"acct:{user}@{domain}"}
            )
    except NetworkError as exc:
        log.info("No WebFinger answer for a handle on %s: %s", domain, type(exc).__name__)
        return server
    return _webfinger_server(answer) or server


def _handle_user(text: str) -> str | None:
    """The user name of a whole handle typed as the server ("@alice@m.example"), else None."""
    text = text.strip()
    if "://" in text or "@" not in text:
        return None
    return text.lstrip("@").split("@")[0] or None


def _webfinger_server(answer: object) -> str | None:
    """The server of the account a WebFinger answer describes: its ActivityPub ``self`` link's
    scheme and host (where its API is)."""
    links = answer.get("links") if isinstance(answer, dict) else None
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("rel") == "self":
            parsed = urlparse(str(link.get("href") or ""))
            if parsed.scheme in ("https", "http") and parsed.hostname and not parsed.username:
                return f"{parsed.scheme}://{parsed.netloc}"
    return None


def connect_mastodon(
    networks: LiveNetworks,
    server: str,
    open_url: Callable[[str], object],
    *,
    port: int = 0,
    timeout: float = 300.0,
    cancelled: threading.Event | None = None,
) -> dict[str, str]:
    """Register SocialDesk on the user's server, send them to sign in in their browser, catch
    the redirect on 127.0.0.1 and return the account's secrets (not yet stored anywhere)."""
    from socialdesk.networks.oauth import (
        Pkce,
        exchange_mastodon_code,
        mastodon_authorize_url,
        new_state,
    )

    pkce, state = Pkce.new(), new_state()
    with closing(networks.transport(Network.MASTODON, server)) as transport:
        receiver = _receiver(state, port)
        try:
            app = _mastodon_app(networks, transport, server, receiver.redirect_uri)
            open_url(mastodon_authorize_url(server, app, receiver.redirect_uri, state, pkce))
            code = receiver.wait(timeout, cancelled)
        finally:
            receiver.close()
        token = exchange_mastodon_code(transport, app, receiver.redirect_uri, code, pkce)
    return _mastodon_secrets(app, token)


def start_mastodon_paste(
    networks: LiveNetworks, server: str
) -> tuple[str, Callable[[str], dict[str, str]]]:
    """The paste-the-code way, for when the browser cannot reach 127.0.0.1: returns the page to
    open and a function taking the code the server shows and returning the secrets."""
    from socialdesk.networks.oauth import (
        OUT_OF_BAND,
        Pkce,
        exchange_mastodon_code,
        mastodon_authorize_url,
        new_state,
    )

    pkce, state = Pkce.new(), new_state()
    with closing(networks.transport(Network.MASTODON, server)) as transport:
        app = _mastodon_app(networks, transport, server, OUT_OF_BAND)
    url = mastodon_authorize_url(server, app, OUT_OF_BAND, state, pkce)

    def finish(code: str) -> dict[str, str]:
        # Its own connection: the code may come minutes later, or never, or be tried twice.
        with closing(networks.transport(Network.MASTODON, server)) as transport:
            token = exchange_mastodon_code(transport, app, OUT_OF_BAND, code, pkce)
        return _mastodon_secrets(app, token)

    return url, finish


# The loopback port Mastodon sign-ins come back to, so the app registered on a server stays valid
# for the next sign-in (its redirect addresses are fixed at registration); another is taken when
# it is busy, at the cost of registering again.
MASTODON_PORT = 8766


def _receiver(state: str, port: int) -> LoopbackReceiver:
    from socialdesk.networks.errors import AuthError
    from socialdesk.networks.oauth import LoopbackReceiver

    if port:
        return LoopbackReceiver(state, port)
    try:
        return LoopbackReceiver(state, MASTODON_PORT)
    except AuthError:
        return LoopbackReceiver(state, 0)


def _mastodon_app(
    networks: LiveNetworks, transport: Transport, server: str, redirect_uri: str
) -> MastodonApp:
    """SocialDesk's app on ``server``: the one registered before when it takes this redirect
    (kept in the keyring, its secret with it), else a new one — registered for the loopback and
    the paste-the-code address at once — so each sign-in does not leave another app behind on
    the user's server."""
    from socialdesk.credentials import CredentialKey
    from socialdesk.networks.oauth import OUT_OF_BAND, MastodonApp, register_mastodon_app

    key = CredentialKey(Network.MASTODON, f"app@{server}", "client_secret")
    try:
        kept = json.loads(networks.store.load(key) or "{}")
    except ValueError:
        kept = {}
    if redirect_uri in kept.get("redirect_uris", []) and kept.get("client_id"):
        return MastodonApp(kept["client_id"], kept.get("client_secret", ""))
    usual = f"http://127.0.0.1:{MASTODON_PORT}/callback"
    redirects = list(dict.fromkeys([redirect_uri, usual, OUT_OF_BAND]))
    app = register_mastodon_app(transport, redirects)
    networks.store.save(key, json.dumps({
        "client_id": app.client_id, "client_secret": app.client_secret,
        "redirect_uris": redirects,
    }))  # fmt: skip
    return app


def _mastodon_secrets(app: MastodonApp, token: str) -> dict[str, str]:
    # The app's id travels with its secret: both are needed to revoke the token on sign-out.
    client = json.dumps({"client_id": app.client_id, "client_secret": app.client_secret})
    return {"access_token": token, "client_secret": client}


def connect_x(
    networks: LiveNetworks,
    client_id: str,
    open_url: Callable[[str], object],
    *,
    port: int,
    now: datetime,
    post_only: bool = False,
    timeout: float = 300.0,
    cancelled: threading.Event | None = None,
) -> dict[str, str]:
    """Sign in with the user's own X app (its client ID; X apps for desktops have no secret)
    through the browser, back to ``http://127.0.0.1:PORT/callback`` — the exact address
    registered in that app. Returns the account's secrets, not yet stored anywhere."""
    from socialdesk.networks.oauth import LoopbackReceiver, Pkce, new_state
    from socialdesk.networks.x import API as X_API
    from socialdesk.networks.x import authorize_url as x_authorize_url
    from socialdesk.networks.x import exchange_code as x_exchange_code

    client_id = client_id.strip()
    if not client_id:
        raise ValueError("Paste the client ID of your X app (developer.x.com → your app).")
    pkce, state = Pkce.new(), new_state()
    receiver = LoopbackReceiver(state, port)
    try:
        url = x_authorize_url(client_id, receiver.redirect_uri, state, pkce, networks.x_authorize)
        open_url(url)
        code = receiver.wait(timeout, cancelled)
    finally:
        receiver.close()
    with closing(networks.transport(Network.X, X_API)) as transport:
        secrets = x_exchange_code(transport, client_id, receiver.redirect_uri, code, pkce, now)
    if post_only:
        secrets["session"] = json.dumps({**json.loads(secrets["session"]), "post_only": True})
    return secrets
