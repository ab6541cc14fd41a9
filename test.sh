#!/usr/bin/env bash
# test.sh — install what is missing, build, then run the whole suite through CTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/build.sh"
jobs="$(nproc 2>/dev/null || echo 2)"
cd "$root/build"
ctest --output-on-failure -j "$jobs" "$@"
