#!/usr/bin/env bash
# CI: Jupyter from Debian's packages, for executing notebooks/ with `jupyter nbconvert --execute`.
# The TypeScript kernel (tslab) is an npm devDependency; test/notebooks registers it per run.
set -euo pipefail
if command -v jupyter >/dev/null 2>&1 && jupyter nbconvert --version >/dev/null 2>&1; then
  echo "jupyter present: nbconvert $(jupyter nbconvert --version)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends jupyter-nbconvert python3-ipykernel jupyter-client
jupyter nbconvert --version
