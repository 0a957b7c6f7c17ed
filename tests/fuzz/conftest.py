"""The fuzz suite: every function that reads text from outside (strangers' mentions, servers'
answers, what is pasted into the composer or the search box) is fed generated text.

Seeded: the seed is printed in the test header and taken from ``SOCIALDESK_FUZZ_SEED`` to repeat a
run; ``SOCIALDESK_FUZZ_EXAMPLES`` sets how many examples each test draws (``.ci/run``: 10,000).
"""

import os
import random

SEED = int(os.environ.get("SOCIALDESK_FUZZ_SEED") or random.randrange(2**32))
EXAMPLES = int(os.environ.get("SOCIALDESK_FUZZ_EXAMPLES") or 300)


def pytest_report_header(config):
    return f"fuzz seed: {SEED} (repeat with SOCIALDESK_FUZZ_SEED={SEED}), {EXAMPLES} examples"
