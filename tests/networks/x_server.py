"""An X API v2 server on 127.0.0.1 for what SocialDesk calls, with the documented shapes: OAuth
2.0 with PKCE (authorize redirect, code and refresh grants, two-hour access tokens), mentions with
since_id and pagination and author expansion, posting, a user's own posts, hidden replies."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from tests.networks.local_server import LocalServer

CLIENT_ID = "x-client-id-of-the-users-own-app"
ME = {"id": "1000", "username": "emberlinecoffee", "name": "Emberline Coffee"}
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class XServer(LocalServer):
    def __init__(self) -> None:
        super().__init__({"x-rate-limit-reset": "1795000000", "x-rate-limit-remaining": "0"})
        self.ids = itertools.count(2_000_000)
        self.tokens = itertools.count(1)
        self.access: set[str] = set()
        self.refresh: set[str] = set()
        self.codes: dict[str, str] = {}
        self.tweets: list[dict] = []  # everything, oldest first
        self.users = {ME["id"]: ME}
        self.refreshes = 0
        s = self
        s.route("GET", "/i/oauth2/authorize")(s._authorize)
        s.route("POST", "/2/oauth2/token")(s._token)
        s.route("GET", "/2/users/me")(s._authed(lambda r, m: (200, {"data": ME})))
        s.route("GET", r"/2/users/(\d+)/mentions")(s._authed(s._mentions))
        s.route("GET", r"/2/users/(\d+)/tweets")(s._authed(s._own))
        s.route("POST", "/2/tweets")(s._authed(s._post))
        s.route("GET", r"/2/tweets/(\d+)")(s._authed(s._one))
        s.route("PUT", r"/2/tweets/(\d+)/hidden")(
            s._authed(lambda r, m: (200, {"data": {"hidden": True}}))
        )

    def add_mention(self, n: int, text: str, reply_to: str | None = None) -> dict:
        user = {"id": str(500 + n % 4), "username": f"fan{n % 4}", "name": f"Fan {n % 4}"}
        self.users[user["id"]] = user
        return self._add(user["id"], text, reply_to, T0 + timedelta(minutes=n))

    def _add(self, author_id, text, reply_to, at) -> dict:
        tweet_id = str(next(self.ids))
        tweet = {
            "id": tweet_id, "text": text, "author_id": author_id,
            "created_at": at.isoformat().replace("+00:00", ".000Z"),
            "conversation_id": self._root(reply_to) if reply_to else tweet_id,
            "edit_history_tweet_ids": [tweet_id],
        }  # fmt: skip
        if reply_to:
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
        self.tweets.append(tweet)
        return tweet

    def _root(self, tweet_id: str) -> str:
        return next(t["conversation_id"] for t in self.tweets if t["id"] == tweet_id)

    def expire_access_tokens(self) -> None:
        self.access.clear()

    def posts_by_me(self) -> list[str]:
        return [t["text"] for t in self.tweets if t["author_id"] == ME["id"]]

    # -- OAuth -----------------------------------------------------------------------------------
    def _authorize(self, request, _match):
        q = {k: v[0] for k, v in request.query.items()}
        if q.get("client_id") != CLIENT_ID or q.get("code_challenge_method") != "S256":
            return 400, {"error": "invalid_request"}
        code = f"x-code-{next(self.tokens)}"
        self.codes[code] = q["code_challenge"]
        location = f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}"
        return 302, {}, {"Location": location}

    def _issue(self) -> dict:
        access, refresh = f"x-access-{next(self.tokens)}", f"x-refresh-{next(self.tokens)}"
        self.access.add(access)
        self.refresh.add(refresh)
        return {
            "token_type": "bearer", "expires_in": 7200, "access_token": access,
            "refresh_token": refresh,
            "scope": "tweet.read tweet.write tweet.moderate.write users.read offline.access",
        }  # fmt: skip

    def _token(self, request, _match):
        form = {k: v[0] for k, v in (request.body or {}).items()}
        if form.get("client_id") != CLIENT_ID:
            return 401, {"error": "unauthorized_client"}
        if form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh:
                return 400, {
                    "error": "invalid_request",
                    "error_description": "Value passed for the token was invalid.",
                }
            self.refresh.discard(form["refresh_token"])
            self.refreshes += 1
            return 200, self._issue()
        challenge = self.codes.pop(form.get("code", ""), None)
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if challenge != base64.urlsafe_b64encode(digest).rstrip(b"=").decode():
            return 400, {"error": "invalid_request"}
        return 200, self._issue()

    def _authed(self, handler):
        def check(request, match):
            if request.headers.get("authorization", "").removeprefix("Bearer ") not in self.access:
                return 401, {
                    "title": "Unauthorized",
                    "type": "about:blank",
                    "status": 401,
                    "detail": "Unauthorized",
                }
            return handler(request, match)

        return check

    # -- API -------------------------------------------------------------------------------------
    def _page(self, tweets: list[dict], request) -> tuple[int, dict]:
        q = {k: v[0] for k, v in request.query.items()}
        since = int(q.get("since_id", "0"))
        newest_first = [t for t in reversed(tweets) if int(t["id"]) > since]
        start = int(q.get("pagination_token", "0"))
        size = int(q.get("max_results", "10"))
        page = newest_first[start : start + size]
        if not page:
            return 200, {"meta": {"result_count": 0}}
        meta = {"result_count": len(page), "newest_id": page[0]["id"], "oldest_id": page[-1]["id"]}
        if start + size < len(newest_first):
            meta["next_token"] = str(start + size)
        users = [self.users[t["author_id"]] for t in page]
        return 200, {"data": page, "includes": {"users": users}, "meta": meta}

    def _mentions(self, request, _match):
        return self._page([t for t in self.tweets if t["author_id"] != ME["id"]], request)

    def _own(self, request, _match):
        return self._page([t for t in self.tweets if t["author_id"] == ME["id"]], request)

    def _one(self, _request, match):
        tweet = next((t for t in self.tweets if t["id"] == match.group(1)), None)
        if tweet is None:
            return 404, {"errors": [{"detail": "Could not find tweet"}]}
        return 200, {"data": tweet, "includes": {"users": [self.users[tweet["author_id"]]]}}

    def _post(self, request, _match):
        body = request.body
        if any(t["text"] == body["text"] and t["author_id"] == ME["id"] for t in self.tweets):
            return 403, {"detail": "You are not allowed to create a Tweet with duplicate content.",
                         "type": "about:blank", "title": "Forbidden", "status": 403}  # fmt: skip
        reply_to = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        # Like X, links come back as t.co addresses.
        text = re.sub(
            r"https?://\S+", lambda m: f"https://t.co/{abs(hash(m.group())) % 10**8}", body["text"]
        )
        tweet = self._add(ME["id"], text, reply_to, datetime.now(UTC))
        return 201, {"data": {"id": tweet["id"], "text": tweet["text"],
                              "edit_history_tweet_ids": [tweet["id"]]}}  # fmt: skip
