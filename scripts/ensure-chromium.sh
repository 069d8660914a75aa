#!/bin/sh
# Make sure the Debian packages the tests and the PDFs need are installed: chromium at
# /usr/bin/chromium for the browser tests (tests/web_client), and DejaVu Sans, the font with
# Arabic and Persian glyphs that the claim letter and the export PDF embed. Idempotent: does
# nothing when both are there. Installs with apt-get (needs root, or sudo when available);
# refreshes the package lists only when the first attempt fails. Playwright's own browser
# downloads are never used.
set -eu

CHROMIUM=/usr/bin/chromium
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

PACKAGES=""
[ -x "$CHROMIUM" ] || PACKAGES="$PACKAGES chromium"
[ -f "$FONT" ] || PACKAGES="$PACKAGES fonts-dejavu-core"
if [ -z "$PACKAGES" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ensure-chromium: missing$PACKAGES and installing needs root (apt-get install$PACKAGES)" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: missing$PACKAGES and this system has no apt-get; install them" >&2
    exit 1
fi

install() {
    # shellcheck disable=SC2086 # the package list is meant to split
    $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends $PACKAGES
}

echo "ensure-chromium: installing Debian's$PACKAGES" >&2
if ! install; then
    echo "ensure-chromium: install failed; refreshing the package lists and retrying" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    install
fi

if [ ! -x "$CHROMIUM" ] || [ ! -f "$FONT" ]; then
    echo "ensure-chromium: installed, but $CHROMIUM or $FONT is still missing" >&2
    exit 1
fi
"$CHROMIUM" --version >&2 || true
