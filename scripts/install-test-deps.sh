#!/usr/bin/env bash
# Installs the system packages the tests drive: Chromium and Firefox ESR for the end-to-end
# tests, xmlsec1 to verify the IdP's signatures independently. Only what is missing is installed.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v xmlsec1 >/dev/null 2>&1 || need+=(xmlsec1)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-deps: need root or sudo to install: ${need[*]}" >&2; exit 1; }
  sudo=(sudo -n)
fi
echo "install-test-deps: installing ${need[*]}"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
