"""What a composer writes for: a mention of an account, or a new post on one."""

from __future__ import annotations

from dataclasses import dataclass

from socialdesk.app.view_models import MentionRow
from socialdesk.core import replies


@dataclass(frozen=True)
class ReplyTarget:
    """What the composer writes for: a mention of an account, or (``mention`` None) a new post."""

    account_id: int
    client_id: int
    client_name: str
    network: str
    mention: MentionRow | None = None

    @property
    def key(self) -> tuple[int, int | None]:
        return self.account_id, self.mention.id if self.mention else None

    @classmethod
    def for_mention(cls, row: MentionRow) -> ReplyTarget:
        return cls(row.account_id, row.client_id, row.client_name, row.network, row)

    @property
    def handle(self) -> str | None:
        """The customer's handle (None for a new post)."""
        return self.mention.author_handle if self.mention else None

    def addressee(self) -> str:
        """How a new reply starts: the customer named where the network needs it, else ""."""
        return replies.addressee(self.handle, self.network)

    def audience(self) -> str | None:
        """Who will see the reply: it keeps the mention's audience, never wider."""
        return replies.AUDIENCE.get(self.mention.visibility) if self.mention else None
