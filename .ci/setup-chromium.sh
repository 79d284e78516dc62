#!/usr/bin/env bash
# CI: Debian's Chromium for the browser tests, PNG export and the explorer test
# (driven by playwright-core with executablePath /usr/bin/chromium; no browser downloads).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi
bash "$(dirname "$0")/lib/apt-install.sh" chromium fonts-dejavu-core
/usr/bin/chromium --version
