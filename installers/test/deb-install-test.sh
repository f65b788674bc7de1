#!/usr/bin/env bash
# Installer test of the .deb (issue 11): in clean Debian 12 minbase containers, install, use, upgrade,
# remove and purge the package, asserting every step's exit code.
#
#   installers/test/deb-install-test.sh [--target installers/target] [--deb FILE] [--previous FILE] [--only norec|rec|legacy]
#                                       [--legacy OLD_JPACKAGE.deb]
#
# Run by `mvn -pl installers -am -Pinstallers,deb,deb-test package -DskipTests`, or by hand after
# building the .deb. Two containers:
#   norec  apt-get --no-install-recommends: install the previous build, ldd every native library of the
#          image (nothing "not found"), caseflow --version, man page and completion, caseflow demo,
#          the designer under Xvfb opening a .case.json (screenshot; its data folder is the XDG one,
#          ~/.local/share/caseflow), upgrade to the new build with that folder and a demo database kept
#          (the demo says what it found), designer again (screenshot), and as a user whose ~/.caseflow an
#          earlier version left (screenshot; it keeps using that folder), remove (data and /etc/caseflow
#          kept), purge (/etc/caseflow gone, users' data kept);
#   rec    with recommended packages: install, --version, demo, designer (screenshot), the systemd
#          units checked by systemd-analyze verify, purge;
#   legacy (only with --legacy FILE, a .deb made by `jpackage --type deb` as before issue 11): install it
#          (its xdg-desktop-menu call may fail, as issue 11 saw), install the new one over it, purge.
# The previous build is, unless --previous names one, the same app image packaged by make-deb.sh as
# Debian revision 0, so the upgrade runs the old package's scripts against the new one's.
# Results: TARGET/deb-test/ (logs, screenshots *.png, timings.txt).
# Needs: root, podman (+ runc: deploy/container/containers.conf), network access to the Debian mirror,
# and a bookworm minbase rootfs tarball: the one deploy/container/build-image.sh caches in
# ~/.cache/caseflow-image is reused; without it, debootstrap makes one (root, ~30 s).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
target=$repo/installers/target
deb="" previous="" only="" legacy=""
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target=$2; shift 2 ;;
        --deb) deb=$2; shift 2 ;;
        --previous) previous=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --legacy) legacy=$2; shift 2 ;;
        -h | --help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "deb-install-test: unknown argument '$1' (--help lists the options)" >&2; exit 2 ;;
    esac
done
started=$(date +%s)
step() { echo "==> [deb-install-test $(date +%T), +$(($(date +%s) - started))s] $*"; }
die() { echo "deb-install-test: FAILED: $*" >&2; exit 1; }
command -v podman >/dev/null || die "podman is not installed (apt-get install -y podman runc)"
[ "$(id -u)" = 0 ] || die "run as root (podman import and apt inside the container)"
if [ -z "${CONTAINERS_CONF:-}" ]; then
    export CONTAINERS_CONF=$repo/deploy/container/containers.conf
fi

target=$(cd "$target" && pwd)
if [ -z "$deb" ]; then
    deb=$(ls -t "$target"/caseflow-designer_*.deb 2>/dev/null | head -n 1 || true)
fi
[ -n "$deb" ] && [ -f "$deb" ] || die "no .deb in $target: build it first (mvn -pl installers -am -Pinstallers,deb package -DskipTests)"
new_version=$(dpkg-deb -f "$deb" Version)
out=$target/deb-test
rm -rf "$out"
mkdir -p "$out/debs"
cp "$deb" "$out/debs/new.deb"
if [ -n "$previous" ]; then
    cp "$previous" "$out/debs/previous.deb"
else
    step "making the previous build: the same image as revision 0"
    upstream=${new_version%-*}
    bash "$repo/installers/linux/make-deb.sh" --image "$target/image/caseflow-designer" --docs "$target/cli-docs" \
        --version "$upstream" --revision 0 --maintainer "$(dpkg-deb -f "$deb" Maintainer)" \
        --homepage "$(dpkg-deb -f "$deb" Homepage 2>/dev/null || true)" --out "$out/prev" >/dev/null \
        || die "making the previous .deb from $target/image (build the .deb with Maven first)"
    mv "$out"/prev/caseflow-designer_*.deb "$out/debs/previous.deb"
    rm -rf "$out/prev"
fi
previous_version=$(dpkg-deb -f "$out/debs/previous.deb" Version)
dpkg --compare-versions "$previous_version" lt "$new_version" \
    || die "the previous build ($previous_version) is not older than the new one ($new_version)"
cp "$repo/samples/src/main/resources/cases/businessCase1/businessCase1.case.json" "$out/debs/"
cp "$here/in-container.sh" "$out/debs/"
[ -z "$legacy" ] || cp "$legacy" "$out/debs/legacy.deb"

# The base image: a Debian bookworm minbase rootfs, nothing else (no JDK: the package brings its runtime).
cache=${CASEFLOW_IMAGE_CACHE:-$HOME/.cache/caseflow-image}
rootfs_tar=$cache/rootfs-bookworm-minbase.tar
if [ ! -s "$rootfs_tar" ]; then
    command -v debootstrap >/dev/null || die "no $rootfs_tar and no debootstrap (apt-get install -y debootstrap)"
    step "debootstrap a bookworm minbase rootfs into $rootfs_tar"
    mkdir -p "$cache"
    rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
    timeout 1200 debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian > "$cache/debootstrap-test.log" 2>&1 \
        || die "debootstrap (see $cache/debootstrap-test.log)"
    tar --numeric-owner -C "$rootfs" -cf "$rootfs_tar" . && rm -rf "$rootfs"
fi
base=localhost/caseflow-debtest:bookworm-$(stat -c '%s-%Y' "$rootfs_tar")
if ! podman image exists "$base"; then
    step "podman import $rootfs_tar as $base"
    timeout 600 podman import "$rootfs_tar" "$base" >/dev/null || die "podman import of $rootfs_tar"
fi

# apt's downloads and lists are kept between runs (a host folder), so a rerun does not fetch GTK again.
apt_cache=$HOME/.cache/caseflow-debtest
mkdir -p "$apt_cache/archives/partial" "$apt_cache/lists/partial"
run_mode() {
    local mode=$1 t0=$(date +%s) rc=0
    step "container '$mode' ($( [ "$mode" = rec ] && echo with || echo without) recommended packages)"
    [ "$mode" != legacy ] || step "legacy: $(dpkg-deb -f "$out/debs/legacy.deb" Version) made by jpackage, then $new_version over it"
    timeout 1800 podman run --rm --network host --pull=never \
        -v "$out/debs:/debs:ro" -v "$out:/out" \
        -v "$apt_cache/archives:/var/cache/apt/archives" -v "$apt_cache/lists:/var/lib/apt/lists" \
        "$base" bash /debs/in-container.sh "$mode" "$previous_version" "$new_version" 2>&1 | tee "$out/$mode.log" \
        || rc=$?
    echo "$mode container: $(($(date +%s) - t0)) s, exit $rc" >> "$out/timings.txt"
    [ "$rc" = 0 ] || die "the '$mode' container (exit $rc): see $out/$mode.log and $out/$mode-*.log"
}
modes="norec rec"
[ -z "$legacy" ] || modes="$modes legacy"
for mode in $modes; do
    if [ -z "$only" ] || [ "$only" = "$mode" ]; then
        run_mode "$mode"
    fi
done
step "all steps passed; timings:"
cat "$out/timings.txt"
echo "screenshots: $(ls "$out"/*.png 2>/dev/null | tr "\n" " ")"
