#!/usr/bin/env bash
# One entry point for a fresh Debian 12/13 (or Ubuntu 24.04) machine:
#   scripts/touchline.sh run [FILE]   install what is missing, build, start the app
#   scripts/touchline.sh test         install what is missing, build, run every test
# TOUCHLINE_PRESET picks the CMake preset (default: dev; ci when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
shift || true
preset=${TOUCHLINE_PRESET:-}
if [[ -z "$preset" ]]; then
    if [[ "${CI:-}" == true ]]; then preset=ci; else preset=dev; fi
fi

case "$command" in
run | test) ;;
*)
    echo "usage: scripts/touchline.sh run [FILE] | test" >&2
    exit 2
    ;;
esac

scripts/install-deps.sh
cmake --preset "$preset"
cmake --build --preset "$preset"

if [[ "$command" == run ]]; then
    exec "build/$preset/app/gui/touchline" "$@"
fi
ctest --preset "$preset"
