#!/usr/bin/env bash
# Browser tests use Debian's chromium-headless-shell, and chromium for its PDF viewer; install
# them when missing (CI runs as root).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromium-headless-shell ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Bitte Chromium installieren: sudo apt-get install -y chromium chromium-headless-shell" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-headless-shell >/dev/null
