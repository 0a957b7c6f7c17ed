"""Keeps the local store in step with the networks: fetch what is new since each account's cursor
and store it. Runs on a worker thread; knows nothing of Qt.

The networks' modules and the triage word lists load on first use, not with this module: the app
imports it before its window first paints (tests/ui/test_startup_imports.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from socialdesk.core.priority import mention_priority
from socialdesk.store import clients, mentions
from socialdesk.store.db import Database

if TYPE_CHECKING:
    from socialdesk.core.classifier import Memory
    from socialdesk.networks.base import AccountRef, Provider
    from socialdesk.networks.errors import NetworkError

log = logging.getLogger(__name__)

RATE_LIMIT_PAUSE = timedelta(minutes=15)  # X's window, when a network names no reset time
MIN_PAUSE = timedelta(seconds=30)


@dataclass(frozen=True)
class SyncResult:
    account_id: int
    handle: str
    new_mention_ids: list[int] = field(default_factory=list)
    error: str | None = None


def account_ref(account: clients.AccountSummary) -> AccountRef:
    from socialdesk.networks.base import AccountRef

    return AccountRef(
        id=account.id,
        network=account.network,
        handle=account.handle,
        server_url=account.server_url,
        remote_id=account.remote_id,
    )


class SyncService:
    def __init__(
        self,
        db: Database,
        provider_for: Callable[[clients.AccountSummary], Provider],
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._provider_for = provider_for
        self._clock = clock

    def sync_all(
        self,
        progress: Callable[[str], None] | None = None,
        counted: Callable[[int, int, int], None] | None = None,
    ) -> list[SyncResult]:
        """Every account of the clients in use, in turn; ``progress`` hears which one is being
        asked (plain words), ``counted`` how many are done, of how many, and the new mentions so
        far (for a progress bar)."""
        accounts = clients.list_accounts(self._db)
        results: list[SyncResult] = []
        for i, account in enumerate(accounts, start=1):
            if progress:
                progress(f"Checking @{account.handle} ({i} of {len(accounts)})…")
            results.append(self.sync_account(account))
            if counted:
                counted(i, len(accounts), sum(len(r.new_mention_ids) for r in results))
        return results

    def sync_account(self, account: clients.AccountSummary) -> SyncResult:
        from socialdesk.networks.errors import NetworkError, RateLimited

        held = clients.sync_held_until(self._db, account.id)
        if held is not None and held > self._clock():
            # Never hammer a network that asked to slow down: wait for its reset.
            return SyncResult(
                account.id, account.handle, error=f"waiting for its rate limit ({held:%H:%M} UTC)"
            )
        clients.set_sync_state(self._db, account.id, state="syncing")
        try:
            batch = self._provider_for(account).fetch_mentions(
                account_ref(account), account.sync_cursor
            )
        except RateLimited as exc:
            until = exc.reset_at or self._clock() + RATE_LIMIT_PAUSE
            clients.hold_sync(self._db, account.id, max(until, self._clock() + MIN_PAUSE))
            said = what_to_do(exc)
            clients.set_sync_state(self._db, account.id, state="error", error=said)
            return SyncResult(account.id, account.handle, error=said)
        except Exception as exc:
            if not isinstance(exc, NetworkError):
                # A provider that could not read what came back: this account says so, the
                # others still sync. Only the type: the text could quote the request.
                log.error("Sync of %s failed: %s", account.handle, type(exc).__name__)
                exc = NetworkError(
                    f"SocialDesk could not read what {account.network} sent "
                    f"({type(exc).__name__}); the next sync tries again."
                )
            # The provider's message is already plain words and carries no secret.
            log.warning("Sync of %s failed: %s", account.handle, exc)
            said = what_to_do(exc)
            clients.set_sync_state(self._db, account.id, state="error", error=said)
            return SyncResult(account.id, account.handle, error=said)
        # Triage (most of a sync's time) only for what is new: a sync re-reads a window.
        stored = mentions.stored_remote_ids(
            self._db, account.id, [m.remote_id for m in batch.mentions]
        )
        memory = _memory(self._db, account.client_id, len(batch.mentions) > len(stored))
        triaged = [
            None if m.remote_id in stored else _triage(m.text, memory) for m in batch.mentions
        ]
        # Weighed as they are stored: what arrival triage cannot weigh (a VIP author, a repeat
        # complainer, a clock running out) is known there, so nothing is read back to reweigh.
        new_ids = mentions.upsert_mentions(
            self._db, account.id, batch.mentions, self._clock(), triaged, weigh=True
        )
        if batch.warning:
            log.warning("Sync of %s: %s", account.handle, batch.warning)
        clients.set_sync_state(
            self._db, account.id, state="ok", cursor=batch.cursor, at=self._clock(),
            error=batch.warning,  # shown on the account's row; cleared by the next clean sync
        )  # fmt: skip
        if new_ids:
            log.info("Sync of %s: %d new mentions", account.handle, len(new_ids))
        return SyncResult(account.id, account.handle, new_ids, error=batch.warning)


@cache
def _next_steps() -> list[tuple[type[NetworkError], str]]:
    from socialdesk.networks.errors import (
        AuthError,
        NetworkError,
        NetworkUnreachable,
        RateLimited,
        Refused,
        ServerError,
    )

    return [
        (AuthError, "Sign in again from Workspace → Accounts."),
        (RateLimited, "SocialDesk waits until then; nothing is lost."),
        (NetworkUnreachable, "Check the connection; SocialDesk tries again at the next sync."),
        (ServerError, "SocialDesk tries again at the next sync; nothing is lost."),
        (Refused, ""),
        (NetworkError, "SocialDesk tries again at the next sync. If it keeps happening, check the "
                       "server address in Workspace → Accounts."),
    ]  # fmt: skip


def what_to_do(exc: NetworkError) -> str:
    """The provider's plain sentence, with what the person can do about it (or what SocialDesk
    will), unless the provider already said."""
    from socialdesk.networks.errors import AuthError

    said = str(exc).strip()
    step = next((step for kind, step in _next_steps() if isinstance(exc, kind)), "")
    if isinstance(exc, AuthError):  # the provider's bare "Sign in again." gets its where
        said = said.removesuffix("Sign in again.").rstrip()
    if not step or "tries again" in said.lower():
        return said
    return f"{said} {step}"


def _memory(db: Database, client_id: int, needed: bool) -> Memory | None:
    """The client's refiled mentions, for triage to file their like the same way; read only
    when something new is to be triaged."""
    from socialdesk.core.classifier import Memory

    return Memory(mentions.refiled(db, client_id)) if needed else None


def _triage(text: str, memory: Memory | None = None) -> mentions.TriageFields:
    """Triage at arrival, so the inbox can sort and filter by it, from the text alone and what
    the manager refiled for this client (``memory``); the store weighs the author and the clock
    as it stores them (``upsert_mentions(weigh=True)``).

    The text is plain already (``FetchedMention.text``: the provider read Mastodon's HTML and
    X's escapes), so triage is not told the network, which would have it read the HTML again."""
    from socialdesk.core import triage

    verdict = triage.classify(text, memory=memory)
    level, _why = mention_priority(verdict.category, verdict.sentiment)
    return mentions.TriageFields(
        verdict.category, verdict.sentiment, level, verdict.reasons, verdict.sure
    )
