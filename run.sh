#!/usr/bin/env bash
# run.sh — install what is missing, build, and run bugforge's main job on the built-in designs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/build.sh"
bf="$root/build/cli/bugforge"
echo
echo "== bugforge designs"
"$bf" designs
echo
echo "== bugforge check (every built-in design against its golden kernel)"
"$bf" check "$@"
