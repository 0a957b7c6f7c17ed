"""Small builders for test data: mentions as a network would report them, at fixed times; and the
fake clock every test moves instead of waiting."""

from datetime import UTC, datetime, timedelta

from socialdesk.core.mentions import FetchedMention, RemoteAuthor

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def mention(n: int, *, author: str = "a1", text: str | None = None, minutes: int = 0, **kw):
    return FetchedMention(
        remote_id=f"m{n}",
        author=RemoteAuthor(author, f"user_{author}", f"User {author.upper()}"),
        text=text if text is not None else f"hello number {n}",
        created_at=T0 + timedelta(minutes=minutes or n),
        **kw,
    )


class FakeClock:
    """Simulated time: tests move it forward instead of waiting."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)
