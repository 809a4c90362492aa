#!/usr/bin/env bash
# Installs the Debian packages prereview needs (CJK fonts for rendering documents in tests and the
# synthetic generator). Idempotent: does nothing when they are already present.
set -euo pipefail
PACKAGES=(fonts-noto-cjk fonts-wqy-zenhei fonts-arphic-ukai fonts-arphic-uming)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "installing system packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
