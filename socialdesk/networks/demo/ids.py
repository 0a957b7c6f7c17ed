"""The Demo network's remote ids: in each network's own style, and each carrying, in its low four
bits, the triage category the generator meant, so ``demo_label`` can grade triage from the id alone
(no state to keep beside the store, and the app itself never reads it)."""

from __future__ import annotations

from socialdesk.networks.demo.people import Person

# The label code in a remote id: 0 is the brand's own post, 1..8 these categories.
_LABELS: tuple[str, ...] = (
    "question",
    "complaint",
    "criticism",
    "feedback",
    "praise",
    "abuse",
    "spam",
    "other",
)
LABEL_CODE = {name: i + 1 for i, name in enumerate(_LABELS)}

_X_EPOCH_MS = 1_288_834_974_657  # X's snowflake ids count from here
_S32 = "234567abcdefghijklmnopqrstuvwxyz"  # the alphabet of Bluesky's record keys (TIDs)


def new_remote_id(
    network: str, ms: int, code: int, worker: int, counter: int, author: Person, server: str
) -> tuple[str, str]:
    """The id and web address of a post written at ``ms``, shaped as ``network`` shapes its own:
    X's snowflake, Mastodon's time-based id, a Bluesky record key. ``worker`` and ``counter``
    fill the bits a real server uses to keep ids apart."""
    if network == "x":
        value = ((ms - _X_EPOCH_MS) << 22) | ((worker & 0x3FF) << 12)
        value |= ((counter & 0xFF) << 4) | code
        return str(value), f"https://x.com/{author.author.handle}/status/{value}"
    if network == "mastodon":
        value = (ms << 16) | ((worker & 0xFF) << 8) | ((counter & 0xF) << 4) | code
        name = author.author.handle.split("@")[0]
        return str(value), f"https://{author.web_host or server}/@{name}/{value}"
    micros = ms * 1000 + (counter * 37) % 1000
    tid = _s32((micros << 10) | ((worker & 0x3F) << 4) | code)
    return (
        f"at://{author.author.remote_id}/app.bsky.feed.post/{tid}",
        f"https://bsky.app/profile/{author.author.handle}/post/{tid}",
    )


def _s32(value: int) -> str:
    return "".join(_S32[(value >> (60 - 5 * i)) & 31] for i in range(13))


def _s32_decode(text: str) -> int:
    value = 0
    for char in text:
        value = (value << 5) | _S32.index(char)
    return value


def demo_label(remote_id: str) -> str:
    """The triage category the generator meant for a demo mention (``core.models.Category`` value).

    Raises ``ValueError`` for the brand's own posts and for ids the demo network did not make.
    """
    try:
        if remote_id.startswith("at://"):
            value = _s32_decode(remote_id.rsplit("/", 1)[-1])
        else:
            value = int(remote_id)
    except ValueError:
        raise ValueError(f"{remote_id!r} is not a demo mention id") from None
    code = value & 0xF
    if not 1 <= code <= len(_LABELS):
        raise ValueError(f"{remote_id!r} is not a demo mention id")
    return _LABELS[code - 1]
