#!/usr/bin/env bash
# CI: fail when `npm install` would modify package-lock.json (the lock must reproduce the
# install exactly). Runs npm in lock-only mode on a scratch copy, so node_modules is untouched.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp package.json package-lock.json "$scratch/"
(cd "$scratch" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund >/dev/null)
if ! cmp -s package-lock.json "$scratch/package-lock.json"; then
  echo "error: package-lock.json is not what 'npm install' writes for package.json —"
  echo "  run 'npm install --package-lock-only' and commit package-lock.json"
  diff <(cat package-lock.json) <(cat "$scratch/package-lock.json") | head -40
  exit 1
fi
echo "lock file reproduces: npm install would not modify package-lock.json"
