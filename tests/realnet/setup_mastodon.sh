#!/usr/bin/env bash
# mastodon-mock, pinned with what it runs on (mastodon-requirements.txt), in its own environment
# under .cache/realnet/mastodon: tests/realnet/mastodon_stack.py starts it on 127.0.0.1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${SOCIALDESK_REALNET_CACHE:-$here/../../.cache/realnet}/mastodon"
stamp="$cache/requirements.txt"
if [ -x "$cache/bin/mastodon_mock" ] && cmp -s "$here/mastodon-requirements.txt" "$stamp"; then
  echo "mastodon-mock: installed"
  exit 0
fi
rm -rf "$cache"
uv venv --quiet --python 3.11 "$cache"
uv pip install --quiet --python "$cache/bin/python" -r "$here/mastodon-requirements.txt"
cp "$here/mastodon-requirements.txt" "$stamp"
echo "mastodon-mock: $("$cache/bin/python" -c 'import mastodon_mock.__about__ as a; print(a.__version__)')"
