#!/usr/bin/env bash
# Installs Debian packages for a CI setup script: non-interactive, waiting for the dpkg lock,
# with sudo when not root. Usage: bash .ci/lib/apt-install.sh PACKAGE...
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@"
