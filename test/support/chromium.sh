#!/bin/sh
# Debian's Chromium for the browser tests, with Playwright's --disable-features list and ours in
# one switch: Chromium keeps only the last of a repeated switch, so a second one would drop
# Playwright's. Ours: every new browser context opens a window whose address bar preloads two
# WebUI pages (the omnibox popups) in a renderer of their own; nothing in a test uses them.
features="WebUIOmniboxPopup,WebUIOmniboxAimPopup"
for arg do
  shift
  case "$arg" in
    --disable-features=*) features="${arg#--disable-features=},$features" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ "$chromium" -ef "$0" ] && chromium=/usr/bin/chromium
exec "$chromium" "$@" "--disable-features=$features"
