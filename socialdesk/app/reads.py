"""What the views read, part of ``WorkspaceController``: the feed's pages (without the mentions of
archived and deleted clients), a mention and its response clock, the History's search (dates in
the user's own days, the first page on a worker, the count when asked, the next pages) and the
diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone

from socialdesk.core import search
from socialdesk.core.models import MentionStatus
from socialdesk.core.search import Query
from socialdesk.core.service_hours import ServiceHours
from socialdesk.core.sla import ResponseClock, response_clock
from socialdesk.diagnostics import diagnostics_text
from socialdesk.store import clients, events, history, mentions
from socialdesk.store.history import HistoryItem
from socialdesk.store.mentions import MentionDetail, MentionFilter, MentionRow

if TYPE_CHECKING:
    from socialdesk.app.context import AppContext
    from socialdesk.app.tasks import TaskRunner
    from socialdesk.services.workspace import Workspace

HISTORY_PAGE = 200


def _local_zone() -> tzinfo:
    """The system's time zone with its daylight-saving rules (a fixed offset would put a winter
    day an hour off in summer)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return datetime.now().astimezone().tzinfo or UTC


class WorkspaceReads:
    """Mixed into ``WorkspaceController``, which provides what is declared here."""

    context: AppContext
    runner: TaskRunner
    clock: Callable[[], datetime]
    data_dir: Path
    fail: Callable[[BaseException], None]
    _hidden: tuple[int, ...] | None  # accounts of archived and deleted clients; None: read again
    _hours: dict[int, ServiceHours | None]

    @property
    def workspace(self) -> Workspace:
        return self.context.workspace

    @property
    def is_demo(self) -> bool:
        return self.workspace.is_demo

    @property
    def database_path(self) -> Path:
        return self.workspace.path

    def _shown(self, flt: MentionFilter) -> MentionFilter:
        """``flt`` without the mentions of archived and deleted clients; but one conversation
        (opened from the History, which keeps them) is shown whole, whoever's it is."""
        if flt.conversation_of is not None:
            return flt
        if self._hidden is None:  # a few rows, read on the UI thread once per change
            self._hidden = tuple(clients.hidden_account_ids(self.workspace.db))
        return replace(flt, hidden_accounts=self._hidden) if self._hidden else flt

    def _forget_hidden(self) -> None:
        self._hidden = None

    def count(self, flt: MentionFilter) -> int:
        return mentions.count_mentions(self.workspace.db, self._shown(flt), self.clock())

    def page(self, flt: MentionFilter, offset: int, limit: int) -> list[MentionRow]:
        return mentions.mention_rows(
            self.workspace.db, self._shown(flt), offset, limit, self.clock()
        )

    def page_ids(self, flt: MentionFilter, limit: int) -> list[int]:
        return mentions.mention_ids(self.workspace.db, self._shown(flt), limit, self.clock())

    def rows(self, ids: list[int]) -> list[MentionRow]:
        return mentions.rows_by_id(self.workspace.db, ids) if ids else []

    def page_after(self, flt: MentionFilter, last: MentionRow, limit: int) -> list[MentionRow]:
        return mentions.mention_rows_after(
            self.workspace.db, self._shown(flt), last, limit, self.clock()
        )

    def mention_row(self, mention_id: int) -> MentionRow | None:
        return mentions.mention_row(self.workspace.db, mention_id)

    def clock_for(self, row: MentionRow) -> ResponseClock:
        """The response clock of a mention now, with its client's service hours."""
        return response_clock(
            row.created_at,
            row.response_target_minutes,
            self.clock(),
            awaiting_reply=MentionStatus(row.status).awaits_reply,
            first_response_at=row.first_response_at,
            hours=self._hours.get(row.client_id),
        )

    def load_detail(self, mention_id: int, on_done: Callable[[MentionDetail | None], None]) -> None:
        db = self.workspace.db
        self.runner.run(lambda: mentions.mention_detail(db, mention_id), on_done, self.fail)

    def stats(self) -> dict[str, Any]:
        return events.workspace_stats(self.workspace.db)

    def diagnostics(self, ui: dict[str, str]) -> str:
        """The "Copy diagnostics" text: SocialDesk, Python and the platform, what the UI adds
        (``ui``: Qt's version and platform plugin), this workspace and its figures; never a
        secret."""
        return diagnostics_text(
            self.data_dir,
            {
                **ui,
                "Workspace": "demo" if self.is_demo else "own",
                "Database": str(self.database_path),
                **{k: str(v) for k, v in self.stats().items()},
            },
        )

    # -- history ---------------------------------------------------------------------------------

    def parse_query(self, text: str) -> Query:
        """A history search as typed; dates are the user's local days."""
        return search.parse(text, _local_zone())

    def search_history(
        self, query: Query, on_done: Callable[[list[HistoryItem], int | None], None]
    ) -> None:
        """The first page, read on a worker, and how many match when that is all of them (None:
        more than a page; ``count_history`` counts them when asked)."""
        db = self.workspace.db

        def read() -> tuple[list[HistoryItem], int | None]:
            found = history.search(db, query, limit=HISTORY_PAGE + 1)
            return found[:HISTORY_PAGE], len(found) if len(found) <= HISTORY_PAGE else None

        self.runner.run(read, lambda found: on_done(*found), self.fail)

    def count_history(self, query: Query, on_done: Callable[[int], None]) -> None:
        """Every match counted, on a worker: asked for, as it reads every match."""
        db = self.workspace.db
        self.runner.run(lambda: history.count(db, query), on_done, self.fail)

    def history_after(self, query: Query, last: HistoryItem) -> list[HistoryItem]:
        return history.search(self.workspace.db, query, after=last, limit=HISTORY_PAGE)
