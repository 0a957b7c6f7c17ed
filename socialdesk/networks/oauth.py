"""OAuth 2.0 for a desktop app: PKCE, a one-shot loopback receiver on 127.0.0.1 for the browser's
redirect, and Mastodon's app registration and code exchange (X's flow, issue 7's next step, uses
the same pieces). The paste-the-code fallback uses the out-of-band redirect instead of the
receiver.

Nothing here stores a secret: callers put what comes back in the keyring.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from socialdesk.networks.errors import AuthError, BadResponse
from socialdesk.networks.http import Transport

OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob"
# Only what SocialDesk uses: who the account is, its mention notifications, statuses (threads,
# its own posts when looking for an earlier reply), and posting. Not "read write": no access to
# follows, lists, mutes, blocks, bookmarks or direct-message conversations it never reads.
MASTODON_SCOPES = "read:accounts read:notifications read:statuses write:statuses"
APP_NAME = "SocialDesk"


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(64)[:96]
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"))


class LoopbackReceiver:
    """Waits for one browser redirect to ``http://127.0.0.1:PORT/callback`` and hands over its
    ``code``. Only an answer carrying this sign-in's ``state`` ends the wait: a stray request (an
    old tab, another page) is refused and the wait goes on. Port 0 picks a free one."""

    def __init__(self, state: str, port: int = 0) -> None:
        self.state = state
        self._code: str | None = None
        self._error: str | None = None
        self._done = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5  # a connection opened and left idle (browsers pre-open some) is dropped

            def log_message(self, format: str, *args: Any) -> None:
                # The query holds a code: never into the log.
                pass

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path != "/callback":  # a browser's favicon request, say
                    self.send_error(404)
                    return
                ours = receiver._receive(parse_qs(url.query))
                ok = receiver._code is not None and ours
                if ok:
                    page = "Signed in. You can close this window and go back to SocialDesk."
                elif ours:
                    page = f"Sign-in did not complete: {receiver._error}"
                else:
                    page = "This page is not part of the sign-in SocialDesk is waiting for."
                body = f"<!doctype html><title>SocialDesk</title><p>{html.escape(page)}</p>"
                data = body.encode()
                self.send_response(200 if ok else 400)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        try:
            self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        except OSError as exc:
            raise AuthError(
                f"Could not listen on 127.0.0.1:{port} for the sign-in ({exc.strerror}). Choose "
                "another port, or sign in by pasting the code."
            ) from None
        self._server.daemon_threads = True
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_address[1]}/callback"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _receive(self, query: dict[str, list[str]]) -> bool:
        """Take the answer if it is this sign-in's; returns whether it was."""
        if query.get("state", [""])[0] != self.state:
            return False
        if "error" in query:
            self._error = query.get("error_description", query["error"])[0]
        elif query.get("code", [""])[0]:
            self._code = query["code"][0]
        else:
            self._error = "no code came back"
        self._done.set()
        return True

    def wait(self, timeout: float, cancelled: threading.Event | None = None) -> str:
        """The code, or AuthError when the browser said no, nothing came in time, or the user
        cancelled (``cancelled`` set)."""
        deadline = time.monotonic() + timeout
        try:
            while not self._done.wait(0.2):
                if cancelled is not None and cancelled.is_set():
                    raise AuthError("The sign-in was cancelled.")
                if time.monotonic() > deadline:
                    raise AuthError("The sign-in was not completed in the browser in time.")
        finally:
            self.close()
        if self._code is None:
            raise AuthError(f"The sign-in did not complete: {self._error}.")
        return self._code

    def close(self) -> None:
        """Stop listening (the port is free again at once)."""
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()


@dataclass(frozen=True)
class MastodonApp:
    client_id: str
    client_secret: str = field(repr=False)  # never in a traceback's locals


def register_mastodon_app(transport: Transport, redirect_uris: list[str]) -> MastodonApp:
    """``POST /api/v1/apps`` on the user's server: its client id and secret for SocialDesk,
    for each of ``redirect_uris``. They go as a list (Mastodon 4.3 and later); a server that
    refuses that (older ones and some forks read only one address per line) is asked again
    the old way."""
    try:
        try:
            answer = _register(transport, redirect_uris)
        except BadResponse as exc:
            if exc.status != 422 or len(redirect_uris) < 2:
                raise
            answer = _register(transport, "\n".join(redirect_uris))
    except BadResponse as exc:
        if exc.status in (404, 405):
            raise BadResponse(
                "There is no Mastodon server at that address (it has no place to register "
                "apps). Check the address: your server's name, e.g. mastodon.social."
            ) from None
        raise
    if not isinstance(answer, dict) or not answer.get("client_id"):
        raise BadResponse("The Mastodon server did not register SocialDesk (no client id).")
    return MastodonApp(str(answer["client_id"]), str(answer.get("client_secret") or ""))


def _register(transport: Transport, redirect_uris: list[str] | str) -> Any:  # its JSON, unchecked
    return transport.request(
        "POST", "/api/v1/apps",
        json={"client_name": APP_NAME, "redirect_uris": redirect_uris, "scopes": MASTODON_SCOPES},
    )  # fmt: skip


def mastodon_authorize_url(
    server_url: str, app: MastodonApp, redirect_uri: str, state: str, pkce: Pkce
) -> str:
    query = urlencode({
        "response_type": "code", "client_id": app.client_id, "redirect_uri": redirect_uri,
        "scope": MASTODON_SCOPES, "state": state, "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
    })  # fmt: skip
    return f"{server_url.rstrip('/')}/oauth/authorize?{query}"


def exchange_mastodon_code(
    transport: Transport, app: MastodonApp, redirect_uri: str, code: str, pkce: Pkce
) -> str:
    """The access token for ``code`` (``POST /oauth/token``)."""
    try:
        answer = _token_request(transport, app, redirect_uri, code, pkce)
    except (BadResponse, AuthError) as exc:
        if exc.code == "invalid_grant":
            raise AuthError(
                "The server did not accept the sign-in code: it works once and only for a few "
                "minutes. Sign in again and use the new code."
            ) from None
        raise
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not token:
        raise BadResponse("The Mastodon server did not give SocialDesk an access token.")
    return str(token)


def _token_request(
    transport: Transport, app: MastodonApp, redirect_uri: str, code: str, pkce: Pkce
) -> Any:  # the JSON body, unchecked
    return transport.request(
        "POST", "/oauth/token",
        data={"grant_type": "authorization_code", "code": code.strip(),
              "client_id": app.client_id, "client_secret": app.client_secret,
              "redirect_uri": redirect_uri, "scope": MASTODON_SCOPES,
              "code_verifier": pkce.verifier},
    )  # fmt: skip


def new_state() -> str:
    return secrets.token_urlsafe(24)
