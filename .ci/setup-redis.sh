#!/usr/bin/env bash
# CI: the queue tests (test/queue/**) start their own redis-server on a loopback port.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  echo "redis present: $(redis-server --version)"
  exit 0
fi
bash "$(dirname "$0")/lib/apt-install.sh" redis-server
