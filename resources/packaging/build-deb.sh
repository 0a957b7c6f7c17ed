#!/usr/bin/env bash
# Build dist/socialdesk_<version>_amd64.deb from the PyInstaller one-folder build in dist/SocialDesk
# (make that first: uv run pyinstaller --noconfirm build.spec).
# Installs the app under /opt/socialdesk, a `socialdesk` launcher in /usr/bin, a desktop entry
# and the icon.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
APP="$ROOT/dist/SocialDesk"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/socialdesk/__init__.py")"
PKG="$ROOT/build/deb/socialdesk_${VERSION}_amd64"
OUT="$ROOT/dist/socialdesk_${VERSION}_amd64.deb"

[ -x "$APP/SocialDesk" ] || { echo "No $APP/SocialDesk: run 'uv run pyinstaller --noconfirm build.spec' first." >&2; exit 1; }

rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt/socialdesk" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$APP/." "$PKG/opt/socialdesk/"
ln -s /opt/socialdesk/SocialDesk "$PKG/usr/bin/socialdesk"
install -m 644 "$ROOT/resources/packaging/socialdesk.desktop" "$PKG/usr/share/applications/"
install -m 644 "$ROOT/resources/icons/socialdesk.png" "$PKG/usr/share/icons/hicolor/256x256/apps/"
install -m 644 "$ROOT/resources/icons/socialdesk.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/"

SIZE_KB="$(du -sk "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: socialdesk
Version: $VERSION
Section: net
Priority: optional
Architecture: amd64
Installed-Size: $SIZE_KB
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libglib2.0-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxcb-xinerama0
Recommends: gnome-keyring | kwalletmanager, fonts-noto-color-emoji
Maintainer: SocialDesk <hello@socialdesk.invalid>
Homepage: https://socialdesk.invalid
Description: answer customers on X, Mastodon and Bluesky
 A desktop app for the person who answers customers on social networks: one
 feed for every client's mentions, triaged and timed against response targets,
 replies with exact character counts and tone checks, and a local history.
CONTROL

dpkg-deb --root-owner-group --build "$PKG" "$OUT" >/dev/null
echo "$OUT ($(du -h "$OUT" | cut -f1))"
