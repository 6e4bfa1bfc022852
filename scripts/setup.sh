#!/usr/bin/env bash
# Install arkisto and everything it needs on a fresh Debian machine (run as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES="libreoffice-writer-nogui libreoffice-impress-nogui tesseract-ocr tesseract-ocr-fin
  tesseract-ocr-swe tesseract-ocr-eng libvoikko1 voikko-fi poppler-utils chromium chromium-driver
  fonts-dejavu-core"
missing=$(for p in $PACKAGES; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
