#!/usr/bin/env bash
# CI: the queue tests (test/queue/**) start their own redis-server on a loopback port.
set -euo pipefail
command -v redis-server >/dev/null || (apt-get update && apt-get install -y redis-server)
