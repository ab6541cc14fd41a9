#!/usr/bin/env bash
# install-deps.sh — installs every Debian package bugforge needs to build, test and run.
# Idempotent: packages already present are skipped, and apt is not touched when none is missing.
# Must run as root (or with sudo available) on Debian bookworm or newer.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  verilator yosys
  libclang-dev clang
  libcurl4-openssl-dev libsqlite3-dev sqlite3
  catch2 nlohmann-json3-dev libcli11-dev libfmt-dev libtomlplusplus-dev
  libpugixml-dev libxxhash-dev libcpp-httplib-dev
  valgrind
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
