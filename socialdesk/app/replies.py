"""The Qt face of replying: drafts saved as typed, the review queue, the outbox and its sender, the
saved-reply libraries. The composer, Review and Outbox views bind to this, never to the store.

Draft saves go through the task runner's single writer, so typing never waits on the disk and two
saves never race; the sender runs on the read/network pool, one round at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from socialdesk.app.context import AppContext, Changes
from socialdesk.core import outbox as outbox_policy
from socialdesk.core import replies
from socialdesk.core.limits import NetworkLimits
from socialdesk.core.models import DraftState
from socialdesk.core.replies import ReplyValues, SavedReply
from socialdesk.services.outbox import OutboxSender, SendResult
from socialdesk.services.sync import account_ref
from socialdesk.store import clients, drafts, outbox, saved_replies
from socialdesk.store.db import Database
from socialdesk.store.drafts import Draft, DraftGone, ReviewItem
from socialdesk.store.mentions import MentionRow
from socialdesk.store.outbox import OutboxEntry

if TYPE_CHECKING:  # the checks load when a draft is first checked, not with the window
    from socialdesk.core import tone

log = logging.getLogger(__name__)

SEND_INTERVAL_MS = 15_000  # how often waiting outbox items are looked at


class NothingCancelled(Exception):
    """Said to the user: the cancel (or its undo) could not be done, and why."""


class RepliesController(QObject):
    draftSaved = Signal(int)  # draft id
    draftGone = Signal(int)  # a draft approved or discarded elsewhere: the composer lets it go
    reviewChanged = Signal(object)  # list[ReviewItem]
    outboxChanged = Signal(object)  # list[OutboxEntry]
    libraryChanged = Signal()
    draftsChanged = Signal()  # drafts changed behind the composer (a cancel, an undo)
    limitsChanged = Signal(int)  # account id whose counting limits are now known

    def __init__(
        self,
        context: AppContext,
        *,
        about_crisis: Callable[[MentionRow | None], bool] = lambda _row: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = context
        self._about_crisis = about_crisis  # whether a reply to it answers a crisis mention
        self.review_items: list[ReviewItem] = []
        self.outbox_items: list[OutboxEntry] = []
        self._limits: dict[int, NetworkLimits] = {}
        self._sending = False
        self._stopping = False
        self._generations: dict[str, int] = {}
        self._timer = QTimer(self, interval=SEND_INTERVAL_MS)
        self._timer.timeout.connect(self.send_due)

    @property
    def _db(self) -> Database:
        return self.ctx.db

    def now(self) -> datetime:
        return self.ctx.clock()

    def after_writes(self, then: Callable[[], None]) -> None:
        """Call ``then`` once every write queued before has finished (the writer runs jobs in
        order, so a no-op queued behind them finishes after them)."""
        self.ctx.write(lambda: None, lambda _: then())

    def start(self) -> None:
        """(Re)start on the open workspace: what is stored shows at once, then sending begins."""
        self._stopping = False
        self._limits.clear()
        self.refresh()
        self._timer.start()
        self.send_due()

    def stop(self) -> None:
        """No new sending round; one under way stops after its current item."""
        self._timer.stop()
        self._stopping = True

    def refresh(self) -> None:
        self.refresh_review()
        self.refresh_outbox()

    # -- drafts ----------------------------------------------------------------------------------
    def draft_for(self, account_id: int, mention_id: int | None) -> Draft | None:
        """The live draft of a mention (or the account's new post): one indexed read."""
        return drafts.live_draft(self._db, account_id, mention_id)

    def save_draft(
        self,
        account_id: int,
        mention_id: int | None,
        text: str,
        cursor: int,
        draft_id: int | None,
        on_saved: Callable[[int], None] | None = None,
    ) -> None:
        db, now = self._db, self.ctx.clock()

        def saved(new_id: int) -> None:
            if on_saved:
                on_saved(new_id)
            self.draftSaved.emit(new_id)
            if draft_id is None and mention_id is not None:  # its card now shows a draft
                self.ctx.report(Changes(mentions=(mention_id,)))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DraftGone) and draft_id is not None:
                self.draftGone.emit(draft_id)
            else:
                self.ctx.fail(exc)

        self.ctx.write(
            lambda: drafts.save_draft(
                db, account_id=account_id, mention_id=mention_id, text=text, cursor=cursor,
                now=now, draft_id=draft_id,
            ),
            saved,
            failed,
        )  # fmt: skip

    def mark_ready(self, draft_id: int) -> None:
        db, now = self._db, self.ctx.clock()
        self.ctx.record(
            "Draft marked ready for review",
            self._cards(draft_id),
            lambda: self._state_change(db, draft_id, DraftState.READY, (DraftState.EDITING,), now),
        )

    def discard(self, draft_id: int) -> None:
        """No question asked: Ctrl+Z brings it back."""
        db, now = self._db, self.ctx.clock()
        self.ctx.record(
            "Draft discarded",
            self._cards(draft_id),
            lambda: self._state_change(db, draft_id, DraftState.DISCARDED, drafts.LIVE, now),
        )

    def _state_change(
        self, db: Database, draft_id: int, state: str, expected: tuple[Any, ...], now: datetime
    ) -> Callable[[], None]:
        """Move the draft (only from ``expected``) and return the undo, which moves it back only
        if nothing moved it meanwhile (a reviewer may have approved it)."""
        before = drafts.set_state(db, draft_id, state, now=now, expected=expected)
        QTimer.singleShot(0, self, self.refresh_review)

        def undo() -> None:
            drafts.set_state(db, draft_id, before, now=now, expected=(state,))
            QTimer.singleShot(0, self, self.refresh_review)
            QTimer.singleShot(0, self, lambda: self.draftsChanged.emit())

        return undo

    def send_back(self, draft_id: int, note: str) -> None:
        db, now = self._db, self.ctx.clock()

        def sent_back(_result: None) -> None:
            self.refresh_review()
            self.ctx.notice.emit("Sent back with your note")

        self.ctx.write_and_report(
            lambda: drafts.send_back(db, draft_id, note, now), self._cards(draft_id), sent_back
        )

    def _cards(self, draft_id: int) -> list[int]:
        """The mention whose card shows this draft (none for a new post)."""
        draft = drafts.get_draft(self._db, draft_id)
        return [draft.mention_id] if draft and draft.mention_id is not None else []

    def approve(
        self,
        draft_id: int,
        text: str,
        context: tone.ReplyContext,
        send_at: datetime | None = None,
        on_refused: Callable[[str], None] | None = None,
    ) -> str | None:
        """Queue the draft for sending; returns why it cannot be approved, or None. ``text`` is
        what the approver saw: the checks run on it, and the store queues the draft only if it
        still says exactly that (else ``on_refused`` hears why)."""
        from socialdesk.core import tone

        blocking = [f for f in tone.check(text, context) if f.severity == "block"]
        if blocking:
            return "Cannot approve: " + " ".join(f.message for f in blocking)
        now = self.ctx.clock()
        db, key = self._db, outbox_policy.new_key(now)

        def approve() -> int:
            return drafts.approve(db, draft_id, key, now, send_at=send_at, text=text)

        cards = self._cards(draft_id)

        def done(_item_id: int) -> None:
            self.ctx.report(Changes(mentions=tuple(cards)))
            self.refresh()
            when = f" for {send_at.astimezone():%a %H:%M}" if send_at else ""
            self.ctx.notice.emit(f"Approved: the reply is in the Outbox{when}")
            self.send_due()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, drafts.DraftChanged | DraftGone) and on_refused:
                on_refused(f"Cannot approve: {exc}")
            else:
                self.ctx.fail(exc)

        self.ctx.write(approve, done, refused)
        return None

    # -- review ----------------------------------------------------------------------------------
    def refresh_review(self) -> None:
        db = self._db
        self._latest(
            "review", lambda: drafts.review_queue(db), lambda items: self._review_loaded(items)
        )

    def _review_loaded(self, items: list[ReviewItem]) -> None:
        self.review_items = items
        self.reviewChanged.emit(items)

    def _latest(self, name: str, read: Callable[..., Any], then: Callable[..., Any]) -> None:
        """Run ``read`` in the background and hand its result on only if no later read of the same
        list was started meanwhile: reads run in parallel and may finish out of order."""
        generation = self._generations.get(name, 0) + 1
        self._generations[name] = generation

        def done(result: Any) -> None:
            if self._generations[name] == generation:
                then(result)

        self.ctx.run(read, done)

    # -- outbox ----------------------------------------------------------------------------------
    def refresh_outbox(self) -> None:
        db, now = self._db, self.ctx.clock()
        self._latest("outbox", lambda: outbox.list_items(db, now), self._outbox_loaded)

    def _outbox_loaded(self, items: list[OutboxEntry]) -> None:
        self.outbox_items = items
        self.outboxChanged.emit(items)

    def retry(self, ids: list[int]) -> None:
        db = self._db
        self.ctx.write(lambda: outbox.retry(db, ids), lambda _: self._changed())

    def cancel(self, ids: list[int]) -> None:
        db, now = self._db, self.ctx.clock()

        def change() -> Callable[[], None]:
            cancelled = outbox.cancel(db, ids, now)
            QTimer.singleShot(0, self, self._changed)
            QTimer.singleShot(0, self, lambda: self.draftsChanged.emit())
            if not cancelled:
                raise NothingCancelled(
                    "The reply is being sent right now (or was sent): it can no longer be "
                    "cancelled. The Outbox shows how it went."
                )

            def undo() -> None:
                kept = outbox.restore(db, cancelled, now)
                QTimer.singleShot(0, self, self._changed)
                QTimer.singleShot(0, self, lambda: self.draftsChanged.emit())
                if kept:
                    raise NothingCancelled(
                        "The cancelled reply was edited since, so it stays cancelled: approve "
                        "the edited draft instead."
                    )

            return undo

        count = "1 reply" if len(ids) == 1 else f"{len(ids)} replies"
        self.ctx.record(f"Cancelled {count} (the draft is back in its composer)", [], change)

    def set_client_paused(self, client_id: int, paused: bool) -> None:
        db = self._db
        word = "Paused" if paused else "Resumed"

        def done(ids: list[int]) -> None:
            self._changed()
            self.ctx.report(Changes(clients=True))
            self.ctx.notice.emit(f"{word} the client's outbox ({len(ids)} waiting)")

        self.ctx.write(lambda: outbox.set_client_paused(db, client_id, paused), done)

    def _changed(self) -> None:
        self.refresh()
        self.send_due()

    def send_due(self) -> None:
        """One sending round in the background; a round already running is not doubled."""
        if self._sending:
            return
        self._sending = True
        sender = OutboxSender(
            self._db, self.ctx.workspace.provider_for, self.ctx.clock, lambda: self._stopping
        )
        self.ctx.run(sender.send_due, self._sent, self._send_failed)

    def _sent(self, results: list[SendResult]) -> None:
        self._sending = False
        replied = [r.mention_id for r in results if r.sent and r.mention_id is not None]
        sent = sum(r.sent for r in results)
        self.ctx.report(Changes(mentions=tuple(replied), clients=bool(sent)))
        if sent:
            self.ctx.notice.emit(f"Sent {sent} repl{'y' if sent == 1 else 'ies'}")
        if results:
            self.refresh_outbox()

    def _send_failed(self, exc: BaseException) -> None:
        self._sending = False
        self.ctx.fail(exc)

    # -- what the composer needs -----------------------------------------------------------------
    def account(self, account_id: int) -> clients.AccountSummary | None:
        return self.ctx.account(account_id)

    def client(self, client_id: int) -> clients.ClientSummary | None:
        return self.ctx.client(client_id)

    def limits_for(self, account_id: int) -> NetworkLimits | None:
        """The account's counting limits (a Mastodon server's own maximum); None until known —
        they are fetched in the background and ``limitsChanged`` says when."""
        if account_id in self._limits:
            return self._limits[account_id]
        account = self.account(account_id)
        if account is None:
            return None
        self._limits[account_id] = NetworkLimits.default(account.network)
        provider_for = self.ctx.workspace.provider_for

        def loaded(limits: NetworkLimits) -> None:
            self._limits[account_id] = limits
            self.limitsChanged.emit(account_id)

        self.ctx.run(
            lambda: provider_for(account).limits(account_ref(account)),
            loaded,
            lambda exc: log.info("Limits of %s not known: %s", account.handle, exc),
        )
        return self._limits[account_id]

    def context_for(self, account_id: int, row: MentionRow | None) -> tone.ReplyContext:
        account = self.account(account_id)
        client = self.client(account.client_id) if account else None
        now = self.ctx.clock()
        recent = outbox.recent_texts(self._db, account_id, now - timedelta(hours=24))
        depth = 0
        if row is not None and row.conversation_id:
            depth = len(outbox.sent_replies(self._db, account_id, row.conversation_id))
        from socialdesk.core import tone

        return tone.ReplyContext(
            network=account.network if account else "x",
            mention_text=row.text if row else "",
            mention_category=row.category if row else None,
            thread_depth=depth,
            author_flags=row.author_flags if row else frozenset(),
            recent_replies=recent,
            limits=self.limits_for(account_id),
            brand_contacts=client.brand_contacts if client else (),
            banned_phrases=client.banned_phrases if client else (),
            mention_sentiment=row.sentiment if row else None,
            crisis=self._about_crisis(row),
        )

    # -- saved replies ---------------------------------------------------------------------------
    def library(self, client_id: int | None) -> list[SavedReply]:
        return saved_replies.list_replies(self._db, client_id)

    def fill(self, reply: SavedReply, row: MentionRow | None, client_name: str) -> str:
        values = ReplyValues(
            first_name=replies.first_name(row.author_name, row.author_handle) if row else "",
            handle=row.author_handle if row else "",
            client=client_name,
            agent=self.ctx.settings.get("agent_name"),
        )
        return replies.fill(reply.body, values)

    def save_reply(
        self, name: str, body: str, client_id: int | None, reply_id: int | None = None
    ) -> None:
        db, now = self._db, self.ctx.clock()
        self.ctx.write(
            lambda: saved_replies.save_reply(
                db, name=name, body=body, client_id=client_id, now=now, reply_id=reply_id
            ),
            lambda _: self.libraryChanged.emit(),
        )

    def delete_reply(self, reply_id: int) -> None:
        db = self._db
        self.ctx.write(
            lambda: saved_replies.delete_reply(db, reply_id),
            lambda _: self.libraryChanged.emit(),
        )
