#!/usr/bin/env bash
# Finds Debian's Chromium for the end-to-end tests, installing the distribution package when it is
# missing and we may (root with apt-get), with a Japanese font so the Japanese lessons' screenshots
# show text. Never downloads a browser build of its own.
set -euo pipefail
bin=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-ipafont-gothic >/dev/null
  else
    echo "Chromium not found at $bin: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
"$bin" --version 2>/dev/null | head -1
