#!/usr/bin/env bash
# Builds (once) a Debian 13 root with Touchline's build dependencies and runs a
# command inside it with the source tree mounted at /src.
#   scripts/trixie-root.sh [COMMAND...]     default: an interactive shell
# The root is cached in $TOUCHLINE_TRIXIE_ROOT and refreshed when the package
# list in install-deps.sh changes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
root=${TOUCHLINE_TRIXIE_ROOT:-/var/cache/touchline/trixie-root}
mirror=${TOUCHLINE_DEBIAN_MIRROR:-}
if [[ -z "$mirror" ]]; then
    # Use the mirror apt already uses here, so no other host is needed.
    mirror=$(grep -rhoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
        awk '{print $2}' | grep -E '/debian/?$' | head -n1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
fi

stamp="$root/.touchline-deps"
want=$(sha256sum "$here/install-deps.sh" | cut -d' ' -f1)

if [[ ! -x "$root/usr/bin/apt-get" ]]; then
    command -v debootstrap >/dev/null || TOUCHLINE_WITH_CI_TOOLS=1 "$here/install-deps.sh"
    rm -rf "$root.partial"
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase trixie "$root.partial" "$mirror"
    mv "$root.partial" "$root"
fi

mounts=()
cleanup() {
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT
bind() {
    mkdir -p "$root$2"
    mount --bind "$1" "$root$2"
    mounts+=("$root$2")
}
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
mounts+=("$root/proc")
bind /dev /dev
bind /dev/pts /dev/pts
bind "$src" /src
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        bash /src/scripts/install-deps.sh
    echo "$want" >"$stamp"
fi

if (($# == 0)); then
    set -- bash
fi
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    CI="${CI:-}" QT_QPA_PLATFORM=offscreen bash -c 'cd /src && "$@"' bash "$@"
