#!/usr/bin/env bash
# Fails when a C++ file is not formatted as .clang-format says; prints the files.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
    printf 'clang-format would change:\n' >&2
    printf '  %s\n' "${bad[@]}" >&2
    printf 'Run: clang-format -i FILE...\n' >&2
    exit 1
fi
echo "clang-format: ${#files[@]} files clean"
