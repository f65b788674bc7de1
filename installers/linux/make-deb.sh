#!/usr/bin/env bash
# Makes the caseflow-designer .deb from the jpackage app image (called by installers/build.sh).
#
# The package is laid out here rather than by `jpackage --type deb`, whose maintainer scripts call
# xdg-desktop-menu and fail where /usr/share/desktop-directories does not exist (issue 11). Every file
# is owned by the package; the menu, icon and MIME caches are refreshed by the dpkg triggers of
# desktop-file-utils, hicolor-icon-theme and shared-mime-info when those are installed, so the
# maintainer scripts only deal with systemd.
#
#   /opt/caseflow-designer/                       the app image (bin/caseflow-designer, bin/caseflow, lib/)
#   /usr/bin/caseflow, /usr/bin/caseflow-designer links to the launchers
#   /usr/share/applications/caseflow-designer.desktop, /usr/share/icons/hicolor/*/apps/caseflow-designer.*
#   /usr/share/mime/packages/caseflow-designer.xml  .case.json and .drawio
#   /usr/share/man/man1/caseflow.1.gz, caseflow-designer.1.gz; /usr/share/bash-completion/completions/caseflow
#   /usr/lib/systemd/system/caseflow-{server,worker}.service (disabled), /etc/caseflow/{server,worker}.env
# With --stage-only it stops once OUT/deb-root is laid out (no dpkg needed): make-rpm.sh packages that tree.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
image="" docs="" version="" revision=1 maintainer="" homepage="" out="" stage_only=false
while [ $# -gt 0 ]; do
    case "$1" in
        --image) image=$2; shift 2 ;;
        --docs) docs=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --revision) revision=$2; shift 2 ;;
        --maintainer) maintainer=$2; shift 2 ;;
        --homepage) homepage=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --stage-only) stage_only=true; shift ;;
        *) echo "make-deb.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
die() { echo "make-deb.sh: FAILED: $*" >&2; exit 1; }
[ -x "$image/bin/caseflow-designer" ] && [ -x "$image/bin/caseflow" ] || die "no launchers in the app image $image/bin"
[ -f "$docs/caseflow.1" ] && [ -f "$docs/caseflow.bash" ] || die "no man page or completion in $docs"

pkg=caseflow-designer
deb_version=$version-$revision
root=$out/deb-root
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages" \
    "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/usr/lib/systemd/system" \
    "$root/etc/caseflow" "$root/usr/share/doc/$pkg"

cp -a "$image" "$root/opt/$pkg"
# Plain files 0644, programs 0755 (jlink leaves the legal notices read-only, jpackage its launcher
# library executable); lintian and Debian policy expect the usual modes.
find "$root/opt/$pkg" -type f -perm 0444 -exec chmod 0644 {} +
chmod 0644 "$root/opt/$pkg/lib/libapplauncher.so"
# Symbol tables are of no use at run time (JavaFX's libraries and the launchers come with them).
if command -v strip >/dev/null; then
    find "$root/opt/$pkg" -type f \( -name '*.so' -o -perm -u+x \) -print0 \
        | while IFS= read -r -d '' f; do
            if file "$f" | grep -q 'ELF.*not stripped'; then strip --strip-unneeded "$f" || die "strip $f"; fi
        done
fi
# Absolute links across top-level folders (Debian policy 10.5); the launchers find their image
# through /proc/self/exe.
ln -s "/opt/$pkg/bin/caseflow" "$root/usr/bin/caseflow"
ln -s "/opt/$pkg/bin/caseflow-designer" "$root/usr/bin/caseflow-designer"
install -m 644 "$here/caseflow-designer.desktop" "$root/usr/share/applications/"
install -m 644 "$here/caseflow-designer.xml" "$root/usr/share/mime/packages/"
for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$repo/icons/caseflow-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/caseflow-designer.png"
done
install -D -m 644 "$repo/icons/caseflow.svg" "$root/usr/share/icons/hicolor/scalable/apps/caseflow-designer.svg"
gzip -9n -c "$docs/caseflow.1" > "$root/usr/share/man/man1/caseflow.1.gz"
gzip -9n -c "$here/caseflow-designer.1" > "$root/usr/share/man/man1/caseflow-designer.1.gz"
# A completion file is sourced, not run: no #! line.
sed '1{/^#!/d}' "$docs/caseflow.bash" > "$root/usr/share/bash-completion/completions/caseflow"
chmod 0644 "$root/usr/share/bash-completion/completions/caseflow"
install -m 644 "$here/caseflow-server.service" "$here/caseflow-worker.service" "$root/usr/lib/systemd/system/"
install -m 644 "$here/server.env" "$here/worker.env" "$root/etc/caseflow/"
install -m 644 "$here/copyright" "$root/usr/share/doc/$pkg/copyright"
{
    echo "$pkg ($deb_version) unstable; urgency=medium"
    echo
    echo "  * Built from the caseflow sources; see the project's git history."
    echo
    echo " -- $maintainer  $(date -R)"
} | gzip -9n > "$root/usr/share/doc/$pkg/changelog.Debian.gz"
printf '/etc/caseflow/server.env\n/etc/caseflow/worker.env\n' > "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 755 "$here/$script" "$root/DEBIAN/$script"
done
if $stage_only; then
    echo "==> $root laid out"
    exit 0
fi
command -v dpkg-deb >/dev/null || die "dpkg-deb is not installed (apt-get install dpkg)"
arch=$(dpkg --print-architecture)

# Depends: what the native libraries of the image link to (Java's and JavaFX's, the latter inside the
# javafx-graphics jar), on Debian 12 / Ubuntu 22.04+ names. installers/test/deb-install-test.sh checks
# with ldd, in a minimal container installed with --no-install-recommends, that nothing is missing.
#   libgtk-3-0 and its stack: the glass window toolkit (JavaFX loads GTK with dlopen, ldd cannot see it);
#   libgl1 + libxxf86vm1: prism-es2 (hardware rendering); libxtst6, libxi6, libxrender1, libxext6: AWT/Swing
#   interop; libasound2: java.desktop's sound; libfreetype6, libfontconfig1, libpango*: fonts.
depends="libc6, zlib1g, libgtk-3-0, libglib2.0-0, libpango-1.0-0, libpangoft2-1.0-0, libcairo2, libgdk-pixbuf-2.0-0"
depends="$depends, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libxxf86vm1, libgl1"
depends="$depends, libfreetype6, libfontconfig1, libharfbuzz0b, libasound2, libjpeg62-turbo | libjpeg-turbo8, liblcms2-2, libpng16-16, libgif7"
# Deduplicated and checked here, so a list edited by hand cannot repeat a package (issue 11 saw libxtst6 twice).
dupes=$(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ *$//' | sort | uniq -d)
[ -z "$dupes" ] || die "Depends names a package twice: $dupes"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
{
    echo "Package: $pkg"
    echo "Version: $deb_version"
    echo "Architecture: $arch"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $installed_size"
    echo "Depends: $depends"
    echo "Recommends: fonts-dejavu-core | fonts-liberation, libgl1-mesa-dri"
    echo "Suggests: postgresql, rabbitmq-server"
    echo "Section: devel"
    echo "Priority: optional"
    [ -n "$homepage" ] && echo "Homepage: $homepage"
    echo "Description: caseflow designer, runtime and command line"
    echo " Design business cases as graphs, validate them live, import and export draw.io,"
    echo " deploy them and watch live processes (the designer, on an embedded runtime with"
    echo " the sample case). Also installs the caseflow command line (server, worker,"
    echo " deploy, processes, demo) on the bundled Java runtime, its man page and bash"
    echo " completion, and systemd units for caseflow server and caseflow worker"
    echo " (disabled; settings in /etc/caseflow)."
} > "$root/DEBIAN/control"
[ -n "$homepage" ] || echo "make-deb.sh: warning: no Homepage field (pass --homepage URL or set CASEFLOW_HOMEPAGE)" >&2

deb=$out/${pkg}_${deb_version}_$arch.deb
rm -f "$deb"
# --root-owner-group: files owned by root without fakeroot; xz: the default, smallest.
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null || die "dpkg-deb --build $root"
echo "==> $deb ($(du -h "$deb" | cut -f1), installed $((installed_size / 1024)) MB)"
