"""Posts approved replies, each exactly once. Runs on a worker thread; knows nothing of Qt.

For every due item: claim it (``sending``, ``unconfirmed``) before the request leaves; where the
network has no idempotency key and an earlier try may have posted, look for the post first; then
post with the item's key. Transient failures come back with backoff, a rate limit holds the whole
account until its reset, missing credentials leave items queued with "sign in needed". Nothing here
ever creates an item: only the manager's approval does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from socialdesk.core import outbox as policy
from socialdesk.core.models import network_label
from socialdesk.services.sync import account_ref
from socialdesk.store import clients, outbox
from socialdesk.store.db import Database
from socialdesk.store.outbox import OutboxEntry

if TYPE_CHECKING:  # the networks load when the first reply goes out, not with the app
    from socialdesk.networks.base import PostedReply, Provider
    from socialdesk.networks.errors import NetworkError

log = logging.getLogger(__name__)

SIGN_IN_NEEDED = "Sign in needed"


@dataclass(frozen=True)
class SendResult:
    item_id: int
    mention_id: int | None
    sent: bool
    error: str | None = None


class OutboxSender:
    def __init__(
        self,
        db: Database,
        provider_for: Callable[[clients.AccountSummary], Provider],
        clock: Callable[[], datetime],
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self._db = db
        self._provider_for = provider_for
        self._clock = clock
        self._should_stop = should_stop  # the app is closing: finish this item, start no other

    def send_due(self) -> list[SendResult]:
        """Try every item that is due now, once each."""
        results, held = [], set()
        for item in outbox.due_items(self._db, self._clock()):
            if self._should_stop():
                break
            if item.account_id in held:
                continue  # rate limited or signed out: the account's later items wait too
            result, hold = self._send(item)
            if result is not None:
                results.append(result)
            if hold:
                held.add(item.account_id)
        return results

    def _send(self, item: OutboxEntry) -> tuple[SendResult | None, bool]:
        """Returns what happened and whether the account's other items must wait."""
        from socialdesk.networks.errors import AuthError, NetworkError, RateLimited

        account = clients.get_account(self._db, item.account_id)
        # ``claim`` sets it before every request: still set, a try (or a crash) may have posted.
        unconfirmed = item.unconfirmed
        if account is None or not outbox.claim(self._db, item.id, self._clock()):
            return None, False  # cancelled or paused meanwhile
        try:
            provider = self._provider_for(account)
            posted = self._find(provider, account, item) if unconfirmed else None
            if posted is None:
                _check_fits(provider, account, item.text)
                posted = provider.post_reply(
                    account_ref(account),
                    item.text,
                    item.in_reply_to_remote_id,
                    item.idempotency_key,
                )
        except AuthError as exc:
            reason = f"{SIGN_IN_NEEDED}: {exc}"
            self._hold(item, reason, self._clock() + policy.SIGN_IN_RECHECK, unconfirmed)
            return SendResult(item.id, item.mention_id, False, str(exc)), True
        except RateLimited as exc:
            self._hold(item, str(exc), policy.retry_at(self._clock(), 1, exc.reset_at), unconfirmed)
            return SendResult(item.id, item.mention_id, False, str(exc)), True
        except NetworkError as exc:
            self._failed(item, exc, unconfirmed or exc.maybe_sent)
            return SendResult(item.id, item.mention_id, False, str(exc)), False
        except Exception as exc:  # a provider bug must not leave the item claimed forever
            # Only the type: an exception's text can quote a request, and with it a token.
            log.error("Sending outbox item %s failed unexpectedly: %s", item.id, type(exc).__name__)
            reason = f"Unexpected error ({type(exc).__name__}); the log has the details."
            outbox.mark_failed(self._db, item.id, reason, unconfirmed=unconfirmed)
            return SendResult(item.id, item.mention_id, False, reason), False
        outbox.mark_sent(self._db, item.id, posted.remote_id, posted.url, self._clock())
        log.info("Outbox item %s posted as %s", item.id, posted.remote_id)
        return SendResult(item.id, item.mention_id, True), False

    def _find(
        self, provider: Provider, account: clients.AccountSummary, item: OutboxEntry
    ) -> PostedReply | None:
        """An earlier try may have posted: where the network would not recognise the key (X, or
        Mastodon once its hour of remembering keys may be over), look for the post on the account
        instead of posting it a second time."""
        window = getattr(provider, "idempotency_window", None)
        expired = window is not None and self._clock() - item.created_at > window
        if provider.idempotent and not expired:
            return None
        return provider.find_reply(
            account_ref(account), item.text, item.in_reply_to_remote_id, item.created_at
        )

    def _failed(self, item: OutboxEntry, exc: NetworkError, unconfirmed: bool) -> None:
        attempts = item.attempts + 1
        if exc.transient and attempts < policy.MAX_ATTEMPTS:
            when = policy.retry_at(self._clock(), attempts)
            outbox.mark_retry(self._db, item.id, str(exc), when, unconfirmed=unconfirmed)
        else:
            outbox.mark_failed(self._db, item.id, str(exc), unconfirmed=unconfirmed)

    def _hold(self, item: OutboxEntry, reason: str, until: datetime, unconfirmed: bool) -> None:
        """This item and every other waiting one of its account wait until ``until``."""
        outbox.mark_retry(
            self._db, item.id, reason, until, unconfirmed=unconfirmed, count_attempt=False
        )
        outbox.hold_account(self._db, item.account_id, reason, until)


def _check_fits(provider: Provider, account: clients.AccountSummary, text: str) -> None:
    """The composer's count, with the server's limits as they are now: a reply that no longer
    fits (a Mastodon server that lowered its limit after the approval) or that the network would
    refuse fails here, saying why, instead of being sent to be refused."""
    from socialdesk.core.counter import count  # loaded on a worker when first sending, not at start
    from socialdesk.networks.errors import Refused

    counted = count(text, account.network, limits=provider.limits(account_ref(account)))
    if counted.valid:
        return
    name = network_label(account.network)
    if counted.weighted_length > counted.limit:
        why = f"{counted.weighted_length:,} characters, {counted.limit:,} allowed"
    else:
        why = "it holds characters or bytes the network does not take"
    raise Refused(
        f"Not sent: {name} would refuse this reply ({why}, counted as {name} counts). "
        "Cancel it to edit the text in the composer."
    )
