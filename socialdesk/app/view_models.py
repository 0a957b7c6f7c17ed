"""What the views are given: the rows, summaries and values the controllers hand to the UI.

They are read by the layers below (the store, the services, the settings) and are plain data. The
UI imports them from here and the controllers from their own modules, never from the store, the
services or the settings module: the import-linter contract "A closed UI" in pyproject.toml keeps
it so.

- the inbox: ``MentionRow`` (one card), ``MentionDetail`` (a mention in full), ``MentionFilter``
  (what the feed shows), ``SavedView`` (a saved inbox view);
- the sidebar: ``ClientSummary`` with its ``AccountSummary`` list and counts;
- the history: ``HistoryItem``, a mention, a reply or a draft;
- replying: ``Draft``, ``ReviewItem`` (the review queue), ``OutboxEntry``, and ``SIGN_IN_NEEDED``,
  the words a reply held for a sign-in carries as its last error;
- the crisis banner and desktop notifications: ``ClientCrisis``, ``Alert``;
- Preferences: ``SETTINGS`` (each setting declared once, as a ``Setting``) and the open
  ``Settings``.
"""

from socialdesk.config import SETTINGS, Setting, Settings
from socialdesk.services.alerts import Alert
from socialdesk.services.crisis import ClientCrisis
from socialdesk.services.outbox import SIGN_IN_NEEDED
from socialdesk.store.clients import AccountSummary, ClientSummary
from socialdesk.store.drafts import Draft, ReviewItem
from socialdesk.store.history import HistoryItem
from socialdesk.store.mentions import MentionDetail, MentionFilter, MentionRow
from socialdesk.store.outbox import OutboxEntry
from socialdesk.store.saved_views import SavedView

__all__ = [
    "SETTINGS",
    "SIGN_IN_NEEDED",
    "AccountSummary",
    "Alert",
    "ClientCrisis",
    "ClientSummary",
    "Draft",
    "HistoryItem",
    "MentionDetail",
    "MentionFilter",
    "MentionRow",
    "OutboxEntry",
    "ReviewItem",
    "SavedView",
    "Setting",
    "Settings",
]
