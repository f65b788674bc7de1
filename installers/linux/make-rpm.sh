#!/usr/bin/env bash
# Makes the caseflow-designer .rpm from the tree make-deb.sh --stage-only lays out (called by
# installers/build.sh --type rpm): the same files in the same places as the .deb, so the same layout,
# menu entry, MIME types, man pages, completion and systemd units, and no scriptlet calls xdg-utils (the
# menu, icon and MIME caches are refreshed by the file triggers of desktop-file-utils, hicolor-icon-theme
# and shared-mime-info on Fedora/RHEL/openSUSE).
#
#   make-rpm.sh --root OUT/deb-root --version 0.1.0 --release 2 --maintainer "Name <mail>" [--homepage URL] --out OUT
#
# Requires are found by rpmbuild from the ELF files (library sonames such as libgtk-3.so.0()(64bit),
# which every RPM distribution's packages provide under their own names); the libraries the image
# carries itself (libjvm.so, JavaFX's) are neither required nor provided to the system.
# Built and inspected here (rpm -qpi, -qpl, -qpR), not installed: this machine has no RPM-based system.
set -euo pipefail

root="" version="" release=1 maintainer="" homepage="" out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --root) root=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --release) release=$2; shift 2 ;;
        --maintainer) maintainer=$2; shift 2 ;;
        --homepage) homepage=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "make-rpm.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
die() { echo "make-rpm.sh: FAILED: $*" >&2; exit 1; }
command -v rpmbuild >/dev/null || die "rpmbuild is not installed (Debian/Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build)"
pkg=caseflow-designer
[ -x "$root/opt/$pkg/bin/caseflow" ] || die "no laid-out tree at $root (run make-deb.sh --stage-only first)"

top=$out/rpmbuild
rm -rf "$top"
mkdir -p "$top/SPECS" "$top/RPMS"
# The image's own libraries, by soname stem: links inside the image, not dependencies on the system.
internal=$(find "$root/opt/$pkg" -name '*.so*' -type f -printf '%f\n' | sed 's/\.so.*//' | sort -u | paste -sd '|')
{
    echo "%global debug_package %{nil}"
    echo "%global _build_id_links none"
    # The image is shipped as jlink and jpackage made it (stripped by make-deb.sh): no brp rewriting.
    echo "%global __os_install_post %{nil}"
    echo "%global __provides_exclude_from ^/opt/$pkg/.*\$"
    echo "%global __requires_exclude ^($internal)\\\\.so.*\$"
    echo "Name: $pkg"
    echo "Version: $version"
    echo "Release: $release"
    echo "Summary: caseflow designer, runtime and command line"
    echo "License: see /usr/share/doc/$pkg/copyright"
    echo "Packager: $maintainer"
    echo "Vendor: caseflow"
    [ -z "$homepage" ] || echo "URL: $homepage"
    echo "Suggests: postgresql-server, rabbitmq-server"
    echo
    echo "%description"
    echo "Design business cases as graphs, validate them live, import and export draw.io,"
    echo "deploy them and watch live processes (the designer, on an embedded runtime with"
    echo "the sample case). Also installs the caseflow command line (server, worker,"
    echo "deploy, processes, demo) on the bundled Java runtime, its man page and bash"
    echo "completion, and systemd units for caseflow server and caseflow worker"
    echo "(disabled; settings in /etc/caseflow)."
    echo
    echo "%install"
    echo "cp -a '$root/.' %{buildroot}/"
    echo "rm -rf %{buildroot}/DEBIAN %{buildroot}/usr/share/doc/$pkg/changelog.Debian.gz"
    echo
    # Scriptlets as the .deb's maintainer scripts: systemd only, and succeeding where it does not run.
    echo "%post"
    echo "if [ -d /run/systemd/system ]; then"
    echo "    systemctl --system daemon-reload >/dev/null 2>&1 || :"
    echo "    if [ \"\$1\" -ge 2 ]; then systemctl try-restart caseflow-server.service caseflow-worker.service >/dev/null 2>&1 || :; fi"
    echo "fi"
    echo
    echo "%preun"
    echo "if [ \"\$1\" -eq 0 ] && [ -d /run/systemd/system ]; then"
    echo "    systemctl stop caseflow-server.service caseflow-worker.service >/dev/null 2>&1 || :"
    echo "fi"
    echo
    echo "%postun"
    echo "if [ -d /run/systemd/system ]; then systemctl --system daemon-reload >/dev/null 2>&1 || :; fi"
    echo
    echo "%files"
    echo "/opt/$pkg"
    echo "/usr/bin/caseflow"
    echo "/usr/bin/caseflow-designer"
    echo "/usr/share/applications/$pkg.desktop"
    echo "/usr/share/icons/hicolor/*/apps/$pkg.*"
    echo "/usr/share/mime/packages/$pkg.xml"
    echo "/usr/share/man/man1/caseflow.1.gz"
    echo "/usr/share/man/man1/$pkg.1.gz"
    echo "/usr/share/bash-completion/completions/caseflow"
    echo "/usr/lib/systemd/system/caseflow-server.service"
    echo "/usr/lib/systemd/system/caseflow-worker.service"
    echo "%dir /etc/caseflow"
    echo "%config(noreplace) /etc/caseflow/server.env"
    echo "%config(noreplace) /etc/caseflow/worker.env"
    echo "%doc /usr/share/doc/$pkg"
} > "$top/SPECS/$pkg.spec"

rpmbuild -bb --quiet --define "_topdir $top" "$top/SPECS/$pkg.spec" > "$top/rpmbuild.log" 2>&1 \
    || { tail -n 30 "$top/rpmbuild.log"; die "rpmbuild (log: $top/rpmbuild.log)"; }
rpm_file=$(find "$top/RPMS" -name "$pkg-$version-$release.*.rpm" | head -n 1)
[ -n "$rpm_file" ] || die "rpmbuild made no $pkg-$version-$release rpm"
mv "$rpm_file" "$out/"
echo "==> $out/$(basename "$rpm_file") ($(du -h "$out/$(basename "$rpm_file")" | cut -f1))"
