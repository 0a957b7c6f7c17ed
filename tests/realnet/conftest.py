"""Tests against the networks' own server software, started on 127.0.0.1 once per test run:
Mastodon's API (``mastodon-mock`` from PyPI, in its own environment) and a real Bluesky stack
(``@atproto/dev-env`` from npm: PLC + PDS + AppView on Postgres and Redis).

What they need is installed by ``bash tests/realnet/setup.sh`` into ``.cache/realnet/`` (ignored by
git, kept between runs). Without it these tests skip with one line saying so; with
``SOCIALDESK_REALNET=1`` (set by ``.ci/run``) a missing piece fails instead of skipping.
"""

from tests.realnet.bluesky_stack import bluesky_network  # noqa: F401
from tests.realnet.mastodon_stack import mastodon_server  # noqa: F401
