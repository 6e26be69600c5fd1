#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the HTML Gantt tests load gantt.html in headless Chromium.
# Quiet when chromium is there already; never fails the caller (the browser tests then fail with a clear message,
# unless TPM_SKIP_BROWSER_TESTS=1 lets them skip). TPM_CHROMIUM=/path/to/chrome uses another browser instead.
set -u
if [ -n "${TPM_CHROMIUM:-}" ] || [ "${TPM_SKIP_BROWSER_TESTS:-}" = "1" ]; then exit 0; fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  command -v "$name" >/dev/null 2>&1 && exit 0
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium not found and apt-get is not available: install Chromium for the browser tests (or set TPM_SKIP_BROWSER_TESTS=1)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "chromium not found and installing it needs root: apt-get install chromium (or set TPM_SKIP_BROWSER_TESTS=1)" >&2
    exit 0
  fi
fi
echo "installing chromium for the browser tests (apt-get)..." >&2
log="$(mktemp)"
if $sudo apt-get update -qq >"$log" 2>&1 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >>"$log" 2>&1; then
  rm -f "$log"
else
  echo "could not install chromium (log: $log); the browser tests will fail" >&2
fi
exit 0
