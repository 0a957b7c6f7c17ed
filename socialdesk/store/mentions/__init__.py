"""Mentions in the store: the feed's pages, the detail of one, and every change the manager makes
to them.

Plain ``sqlite3``: the feed and sync are hot paths, where an ORM round trip per row costs more than
the query. Each mention carries two derived columns kept current on every write: ``due_at`` (when
its clock runs out, service hours included) and ``urgency`` (its place in "most urgent first",
core/inbox.py), so the inbox's order and "overdue only" are indexed.

One module per thing done to mentions; callers import them all from here:

- ``rows``: a mention as a feed card (``MentionRow``) and the SQL that reads one;
- ``feed``: a filter's matches, counted or a page at a time;
- ``detail``: one mention in full, with its conversation and author;
- ``arrival``: storing what a sync fetched;
- ``priority``: a priority weighed again after arrival;
- ``status``, ``categories``, ``authors``: the manager's changes.
"""

from socialdesk.store.mentions.arrival import (
    TriageFields,
    fill_due_times,
    stored_remote_ids,
    upsert_mentions,
)
from socialdesk.store.mentions.authors import (
    author_mention_ids,
    set_author_flags,
    set_author_notes,
)
from socialdesk.store.mentions.categories import refiled, set_category
from socialdesk.store.mentions.detail import MentionDetail, mention_detail
from socialdesk.store.mentions.feed import (
    MentionFilter,
    count_mentions,
    mention_ids,
    mention_rows,
    mention_rows_after,
    search_expression,
    went_overdue,
)
from socialdesk.store.mentions.priority import coming_due, reprioritise
from socialdesk.store.mentions.rows import MentionRow, mention_row, rows_by_id
from socialdesk.store.mentions.status import (
    MentionState,
    mention_states,
    restore_states,
    set_hidden,
    set_mention_status,
    set_outcomes,
    wake_snoozed,
)

__all__ = [
    "MentionDetail",
    "MentionFilter",
    "MentionRow",
    "MentionState",
    "TriageFields",
    "author_mention_ids",
    "coming_due",
    "count_mentions",
    "fill_due_times",
    "mention_detail",
    "mention_ids",
    "mention_row",
    "mention_rows",
    "mention_rows_after",
    "mention_states",
    "refiled",
    "reprioritise",
    "restore_states",
    "rows_by_id",
    "search_expression",
    "set_author_flags",
    "set_author_notes",
    "set_category",
    "set_hidden",
    "set_mention_status",
    "set_outcomes",
    "stored_remote_ids",
    "upsert_mentions",
    "wake_snoozed",
    "went_overdue",
]
