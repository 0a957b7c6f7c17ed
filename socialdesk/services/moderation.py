"""Moderating the brand's own conversations on the networks: hiding a troll's reply
(customer-care.md: do not feed trolls). Runs on a worker thread; knows nothing of Qt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from socialdesk.core.models import Network, network_label
from socialdesk.services.sync import account_ref
from socialdesk.store import clients, mentions
from socialdesk.store.db import Database

if TYPE_CHECKING:
    from socialdesk.networks.base import Provider


def hide_reply(
    db: Database,
    provider_for: Callable[[clients.AccountSummary], Provider],
    mention_id: int,
    hidden: bool,
    now: datetime,
) -> mentions.MentionRow:
    """Hide (or show again) a mention on its network, then record it; the network is asked first,
    so the store never says "hidden" about a reply the network still shows."""
    from socialdesk.networks.errors import Refused

    row = mentions.mention_row(db, mention_id)
    account = clients.get_account(db, row.account_id) if row else None
    if row is None or account is None:
        raise Refused("That mention is no longer in this workspace.")
    if not Network(row.network).hides_replies:
        raise Refused(
            f"{network_label(row.network)} has no way to hide a reply: mute, block or report the "
            "account on its server instead."
        )
    provider_for(account).hide_reply(account_ref(account), row.remote_id, hidden)
    mentions.set_hidden(db, mention_id, hidden, at=now)
    return row
