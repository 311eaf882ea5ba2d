#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (preset "fuzz": clang with ASan and
# UBSan) and runs each for TOUCHLINE_FUZZ_SECONDS (default 30) on a fresh copy
# of the test fixtures of its format. Fails on the first crash, sanitizer report,
# leak or hang; the input that caused it is left in build/fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${TOUCHLINE_FUZZ_SECONDS:-30}
# The seed corpus of each target.
declare -A seeds=(
    [fuzz_csv]=tests/data/import
    [fuzz_vcard]=tests/data/vcard
)

TOUCHLINE_WITH_CI_TOOLS=1 scripts/install-deps.sh
cmake --preset fuzz
cmake --build --preset fuzz

mapfile -t targets < <(find build/fuzz/tests/fuzz -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x | sort)
if ((${#targets[@]} == 0)); then
    echo "fuzz: no targets in build/fuzz/tests/fuzz" >&2
    exit 1
fi
for target in "${targets[@]}"; do
    name=$(basename "$target")
    if [[ -z "${seeds[$name]:-}" ]]; then
        echo "fuzz: $name has no seed corpus in scripts/fuzz.sh" >&2
        exit 1
    fi
    corpus="build/fuzz/corpus/$name"
    findings="build/fuzz/findings/$name"
    rm -rf "$corpus" "$findings"
    mkdir -p "$corpus" "$findings"
    cp "${seeds[$name]}"/* "$corpus/"
    echo "== $name: $seconds s"
    if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 "$corpus"; then
        echo "fuzz: $name failed; the input is in $findings/" >&2
        exit 1
    fi
done
