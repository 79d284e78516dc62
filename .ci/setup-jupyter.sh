#!/usr/bin/env bash
# CI: Jupyter from Debian's packages, for executing notebooks/ with `jupyter nbconvert --execute`.
# The TypeScript kernel (tslab) is an npm devDependency; test/notebooks registers it per run.
set -euo pipefail
if command -v jupyter >/dev/null 2>&1 && jupyter nbconvert --version >/dev/null 2>&1; then
  echo "jupyter present: nbconvert $(jupyter nbconvert --version)"
  exit 0
fi
bash "$(dirname "$0")/lib/apt-install.sh" jupyter-nbconvert python3-ipykernel jupyter-client
jupyter nbconvert --version
