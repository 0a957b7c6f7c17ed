#!/usr/bin/env bash
# Installs the networks' official counting code (tests/oracles/package.json, pinned by its lock
# file) into .cache/oracles/ (ignored by git, kept between runs; npm's own cache makes a fresh
# clone quick). Needs Node.js and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${SOCIALDESK_ORACLES_CACHE:-$here/../../.cache/oracles}"
mkdir -p "$cache"
if ! cmp -s "$here/package-lock.json" "$cache/package-lock.json" || [ ! -d "$cache/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  npm ci --prefix "$cache" --no-audit --no-fund --loglevel=error
fi
version() { node -p "JSON.parse(require('fs').readFileSync('$cache/node_modules/$1/package.json')).version"; }
echo "oracles: node $(node --version), twitter-text $(version twitter-text), @atproto/api $(version @atproto/api)"
