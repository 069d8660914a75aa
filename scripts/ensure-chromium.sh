#!/bin/sh
# Make sure Debian's chromium is installed at /usr/bin/chromium, for the browser tests
# (tests/web_client). Idempotent: does nothing when it is already there. Installs with
# apt-get (needs root, or sudo when available); refreshes the package lists only when the
# first attempt fails. Playwright's own browser downloads are never used.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing and this system has no apt-get; install Chromium so that $CHROMIUM exists" >&2
    exit 1
fi

install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends chromium
}

echo "ensure-chromium: installing Debian's chromium package" >&2
if ! install; then
    echo "ensure-chromium: install failed; refreshing the package lists and retrying" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    install
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-chromium: chromium was installed but $CHROMIUM is still missing" >&2
    exit 1
fi
"$CHROMIUM" --version >&2 || true
