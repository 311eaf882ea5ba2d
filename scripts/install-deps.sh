#!/usr/bin/env bash
# Installs what Touchline needs to build, run and test on Debian 12 or 13
# (or Ubuntu 24.04). Packages already present are left alone.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libqt6svg6 sqlite3 libsqlite3-dev xvfb xauth
)
# Packages that exist on only some releases: KF6 Syntax Highlighting from Debian 13
# on (Debian 12 builds the fallback highlighter); Qt 6.4's OpenGL headers, which
# Qt Charts needs, are a separate package on Debian 12 and part of qt6-base-dev later.
for optional in libkf6syntaxhighlighting-dev libqt6opengl6-dev; do
    if [[ -n "$(apt-cache policy "$optional" 2>/dev/null | grep -E 'Candidate: [^(]')" ]]; then
        packages+=("$optional")
    fi
done
if [[ "${TOUCHLINE_WITH_CI_TOOLS:-0}" == 1 ]]; then
    # clang and its libFuzzer runtime for scripts/fuzz.sh (clang-14 on Debian 12,
    # clang-19 on Debian 13); clang only recommends the runtime.
    packages+=(debootstrap clang libclang-rt-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo_cmd=()
if ((EUID != 0)); then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
