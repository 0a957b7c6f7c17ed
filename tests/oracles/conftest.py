"""Differential tests against the networks' official counting code (see oracle.py)."""

import os
import random

import pytest

from tests.oracles.oracle import HOW_TO_ENABLE, STRICT, Oracle, missing

# A fixed seed every run, plus a fresh one printed so a failure can be repeated.
FIXED_SEED = 20261204
FRESH_SEED = int(os.environ.get("SOCIALDESK_ORACLE_SEED") or random.randrange(2**32))
CASES = int(os.environ.get("SOCIALDESK_ORACLE_CASES") or 500)  # per seed; .ci/run: 10,000


def pytest_report_header(config):
    return (
        f"oracle seeds: {FIXED_SEED} and {FRESH_SEED} (repeat with "
        f"SOCIALDESK_ORACLE_SEED={FRESH_SEED}), {CASES} cases each"
    )


@pytest.fixture(scope="session")
def oracle():
    why = missing()
    if why:
        message = f"official counting code: {why}: {HOW_TO_ENABLE}"
        if STRICT:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    found = Oracle()
    yield found
    found.close()
