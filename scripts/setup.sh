#!/usr/bin/env bash
# Installs everything slac needs on a fresh Debian/Ubuntu machine:
#  - Chromium (PDF rendering) and poppler-utils (pdftotext, pdfinfo, pdffonts
#    and pdftoppm, used by the tests), and DejaVu for monospace code (the body
#    font, Source Serif 4, comes with the npm dependencies and needs no install),
#    with apt-get when they are missing and we are root;
#  - the npm dependencies (npm ci), which also builds dist/.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 \
   && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 \
   && ! command -v google-chrome-stable >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if ! fc-list 2>/dev/null | grep -qi dejavu; then need_apt+=(fonts-dejavu-core); fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    cat >&2 <<MSG
setup: missing system packages: ${need_apt[*]}
  PDF output needs a Chromium or Chrome browser, and the tests need pdftotext.
  Install them as root, for example on Debian or Ubuntu:
      sudo apt-get install chromium poppler-utils fonts-dejavu-core
  or point PUPPETEER_EXECUTABLE_PATH at an existing Chrome/Chromium binary.
  HTML and Markdown output (slac compile --format html|md) work without them.
MSG
  fi
fi

echo "setup: installing npm dependencies"
npm ci --no-audit --no-fund
