#!/usr/bin/env bash
# Installs the real servers the tests in tests/realnet/ run against, into .cache/realnet/ (ignored
# by git, kept between runs: a second run only checks). Needs the Debian packages .ci/run installs
# (postgresql, redis-server) and network access to PyPI and the npm registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for part in mastodon bluesky; do
  if [ -f "$here/setup_$part.sh" ]; then
    echo "--- real servers: $part"
    bash "$here/setup_$part.sh"
  fi
done
