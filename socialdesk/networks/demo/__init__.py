"""The Demo network: a simulated network behind the same ``Provider`` protocol as X, Mastodon and
Bluesky, so SocialDesk is alive on first launch with no account, no sign-up and no network.

Three fictional client brands (``DEMO_CLIENTS``) with six accounts receive about 2,000 mentions over
the seven days before the demo workspace was created (``anchor``), and new ones keep arriving every
minute or two after it. Everything is a deterministic function of (seed, anchor, account, time): two
providers built with the same arguments return the same mentions, ids and cursors, whenever asked.

- ``data``: the clients, people and texts, read from ``resources/demo/``;
- ``people``, ``text``: who writes, and what they write;
- ``generator``: one account's stream of mentions, threads and the brand's earlier answers;
- ``ids``: each network's style of remote id, carrying the category the generator meant;
- ``provider``: ``DemoProvider``, the stream served as a network.
"""

from socialdesk.networks.demo.data import DEMO_CLIENTS, DemoAccount, DemoClient
from socialdesk.networks.demo.generator import CATEGORY_MIX, LIMITS
from socialdesk.networks.demo.ids import demo_label
from socialdesk.networks.demo.provider import DemoProvider

__all__ = [
    "CATEGORY_MIX",
    "DEMO_CLIENTS",
    "LIMITS",
    "DemoAccount",
    "DemoClient",
    "DemoProvider",
    "demo_label",
]
