#!/usr/bin/env bash
# Builds the caseflow desktop package: the designer (with the embedded runtime and the samples) and the
# `caseflow` CLI, on one trimmed Java runtime with JavaFX linked in as modules.
#
#   installers/build.sh --type deb --version 0.1.0 --main-jar caseflow-designer-0.1.0-SNAPSHOT.jar --target installers/target
#
# Run by `mvn -pl installers -am -Pinstallers[,deb|,msi|,dmg] package -DskipTests` after the dependency
# plugin filled TARGET/input (class path jars) and TARGET/javafx (JavaFX jars). Steps:
#   1. jpackage --type app-image: TARGET/image/caseflow-designer, with a second launcher bin/caseflow
#      (the CLI: io.caseflow.cli.CaseflowCli on the same class path and runtime);
#   2. bash completion and man page of the CLI (installers/tools/CliDocs.java, run on the build's JDK);
#   3. deb: own layout + dpkg-deb (TARGET/caseflow-designer_VERSION-REVISION_ARCH.deb), so the menu entry,
#      icons, MIME types, /usr/bin links, man page, completion and systemd units are plain files owned
#      by the package and no maintainer script depends on xdg-utils (issue 11);
#      rpm: the same layout (make-deb.sh --stage-only) packaged by linux/make-rpm.sh with rpmbuild;
#      msi / dmg / exe / pkg: jpackage --app-image with the file associations.
# Options: --type T (app-image, deb, rpm, msi, exe, dmg, pkg), --version V (digits and dots),
#   --revision R (Debian revision / RPM release, default 1), --main-jar NAME, --target DIR,
#   --maintainer "Name <mail>", --homepage URL (or CASEFLOW_MAINTAINER / CASEFLOW_HOMEPAGE).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
type=app-image
version=0.1.0
revision=1
main_jar=""
target=$here/target
maintainer=${CASEFLOW_MAINTAINER:-"caseflow maintainers <maintainers@users.noreply.b-seed-e0085782.example>"}
homepage=${CASEFLOW_HOMEPAGE:-""}
while [ $# -gt 0 ]; do
    case "$1" in
        --type) type=$(echo "$2" | tr '[:upper:]' '[:lower:]' | tr '_' '-'); shift 2 ;;
        --version) version=$2; shift 2 ;;
        --revision) revision=$2; shift 2 ;;
        --main-jar) main_jar=$2; shift 2 ;;
        --target) target=$2; shift 2 ;;
        --maintainer) maintainer=$2; shift 2 ;;
        --homepage) homepage=$2; shift 2 ;;
        -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument '$1' (--help lists the options)" >&2; exit 2 ;;
    esac
done

started=$(date +%s)
step() { echo "==> [installers $(date +%T), +$(($(date +%s) - started))s] $*"; }
die() { echo "installers/build.sh: FAILED: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not on the PATH ($2)"; }

name=caseflow-designer
mkdir -p "$target"
target=$(cd "$target" && pwd)
input=$target/input
fxdir=$target/javafx
image_root=$target/image
need jpackage "a JDK 17 or newer"
need java "a JDK 17 or newer"
[ -d "$input" ] || die "no $input: run through Maven (-Pinstallers), which copies the jars there first"
[ -n "$main_jar" ] || main_jar=$(cd "$input" && ls caseflow-designer-*.jar | head -n 1)
[ -f "$input/$main_jar" ] || die "the designer jar $input/$main_jar is missing"
case "$version" in *[!0-9.]* | "") die "--version '$version' must be digits and dots (jpackage, msi and dmg need that)" ;; esac

case "$(uname -s)" in
    Linux) os=linux; fx_classifier=linux; icon=$repo/icons/caseflow-256.png ;;
    Darwin) os=mac; fx_classifier=mac; [ "$(uname -m)" = arm64 ] && fx_classifier=mac-aarch64; icon=$repo/icons/caseflow.icns ;;
    MINGW* | MSYS* | CYGWIN*) os=win; fx_classifier=win; icon=$repo/icons/caseflow.ico ;;
    *) die "unknown OS $(uname -s)" ;;
esac

# JavaFX: only the jars with this OS's native code are modules; the plain javafx-*.jar are empty
# placeholders (automatic modules javafx.*Empty) that jlink refuses.
fx_modules=$target/javafx-modules
rm -rf "$fx_modules"
mkdir -p "$fx_modules"
cp "$fxdir"/javafx-*-"$fx_classifier".jar "$fx_modules"/ 2>/dev/null \
    || die "no JavaFX jars for '$fx_classifier' in $fxdir (the dependency plugin copies them there)"

# `caseflow --version` reads Implementation-Version from the manifest of the jar holding the CLI, which
# the Maven build leaves out: stamp the package version into the copy bundled here.
server_jar=$(ls "$input"/caseflow-server-*.jar 2>/dev/null | head -n 1)
[ -n "$server_jar" ] || die "no caseflow-server jar in $input (the CLI)"
printf 'Implementation-Title: caseflow\nImplementation-Version: %s\n' "$version" > "$target/cli-manifest.txt"
rm -rf "$target/cli-manifest" && mkdir -p "$target/cli-manifest"
(cd "$target/cli-manifest" && jar --extract --file "$server_jar" META-INF/MANIFEST.MF) \
    || die "reading the manifest of $server_jar"
if ! grep -q "^Implementation-Version: $version" "$target/cli-manifest/META-INF/MANIFEST.MF"; then
    jar --update --file "$server_jar" --manifest "$target/cli-manifest.txt" \
        || die "stamping the version into $server_jar"
fi

# --- 1. the app image ---------------------------------------------------------------------------------
# jpackage refuses to write into an existing image: start clean every time.
rm -rf "$image_root"
mkdir -p "$image_root"
# The CLI launcher: same runtime and class path, its own main class; a console program on Windows.
cat > "$target/caseflow-cli.properties" <<EOF
main-class=io.caseflow.cli.CaseflowCli
java-options=-XX:+ExitOnOutOfMemoryError
win-console=true
linux-shortcut=false
EOF
# Java modules: what the designer, the embedded runtime and the CLI use (jdeps over the CLI jar, see
# deploy/container/build-image.sh), plus JavaFX's own needs (java.desktop, jdk.unsupported(.desktop),
# java.scripting) and the JavaFX modules themselves.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting
modules=$modules,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.net
modules=$modules,jdk.unsupported,jdk.unsupported.desktop,javafx.base,javafx.graphics,javafx.controls,javafx.swing
# JavaFX's native libraries sit inside its jars. Linked as resources, JavaFX would copy them to
# ~/.openjfx/cache on every first start; instead they go next to Java's own (runtime/lib, on the boot
# library path, where JavaFX looks first), out of the modules file, and ldd can check them.
fx_exclude=""
fx_natives=$target/javafx-natives
rm -rf "$fx_natives"
mkdir -p "$fx_natives"
for jar_file in "$fx_modules"/*.jar; do
    (cd "$fx_natives" && jar --extract --file "$jar_file") || die "unpacking $jar_file"
done
find "$fx_natives" -mindepth 1 -maxdepth 1 ! \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec rm -rf {} +
if [ "$os" != mac ]; then
    fx_exclude="--exclude-resources=regex:/javafx[.][a-z]+/[^/]+[.](so|dll)"
fi
step "1/3 jpackage app-image $name $version ($os)"
# --add-exports: ControlsFX reaches into javafx.base (TOOLING.md, "Running the app").
jpackage --type app-image --name "$name" --app-version "$version" --vendor caseflow \
    --description "Design, deploy and watch business cases" \
    --input "$input" --main-jar "$main_jar" --main-class io.caseflow.designer.app.DesignerLauncher \
    --module-path "$fx_modules" --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands $fx_exclude" \
    --java-options "-Xmx1g --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
    --add-launcher "caseflow=$target/caseflow-cli.properties" \
    --icon "$icon" --dest "$image_root" \
    || die "jpackage --type app-image (see its output above)"
case "$os" in
    mac) app=$image_root/$name.app ;;
    *) app=$image_root/$name ;;
esac
[ -d "$app" ] || die "jpackage made no image at $app"
case "$os" in
    linux) cp "$fx_natives"/*.so "$app/lib/runtime/lib/" ;;
    win) cp "$fx_natives"/*.dll "$app/runtime/bin/" ;;
    # macOS: left inside the modules (signing and the .app layout make copying riskier than the cache).
esac

# --- 2. CLI completion and man page -------------------------------------------------------------------
step "2/3 bash completion and man page of the caseflow CLI"
docs=$target/cli-docs
rm -rf "$docs"
java -cp "$input/*" "$here/tools/CliDocs.java" "$docs" "$version" \
    || die "generating the CLI completion and man page (installers/tools/CliDocs.java)"

# --- 3. the package -----------------------------------------------------------------------------------
# jpackage associates one extension per file, and Windows and macOS see only a name's last extension:
# there .drawio is associated, .case.json (which would mean every .json) is not. The .deb declares both
# as MIME types (linux/caseflow-designer.xml).
associations=(--file-associations "$here/resources/drawio.properties")
case "$type" in
    app-image)
        step "3/3 app image ready: $app ($(du -sh "$app" | cut -f1))" ;;
    deb)
        bash "$here/linux/make-deb.sh" --image "$app" --docs "$docs" --version "$version" --revision "$revision" \
            --maintainer "$maintainer" --homepage "$homepage" --out "$target" \
            || die "making the .deb (installers/linux/make-deb.sh)" ;;
    msi | exe)
        step "3/3 jpackage --type $type"
        jpackage --type "$type" --app-image "$app" --name "$name" --app-version "$version" --vendor caseflow \
            --description "Design, deploy and watch business cases" "${associations[@]}" \
            --win-menu --win-menu-group caseflow --win-shortcut --win-dir-chooser \
            --win-upgrade-uuid 6f1c1a52-0b7e-4c39-9d0e-5b8f3c2a9e11 --dest "$target" \
            || die "jpackage --type $type" ;;
    dmg | pkg)
        step "3/3 jpackage --type $type"
        jpackage --type "$type" --app-image "$app" --name "$name" --app-version "$version" --vendor caseflow \
            --description "Design, deploy and watch business cases" "${associations[@]}" \
            --mac-package-identifier io.caseflow.designer --dest "$target" \
            || die "jpackage --type $type" ;;
    rpm)
        # Not jpackage --type rpm: its scriptlets call xdg-desktop-menu, as its .deb's did (issue 11).
        bash "$here/linux/make-deb.sh" --stage-only --image "$app" --docs "$docs" --version "$version" \
            --revision "$revision" --maintainer "$maintainer" --homepage "$homepage" --out "$target" \
            || die "laying out the package (installers/linux/make-deb.sh --stage-only)"
        bash "$here/linux/make-rpm.sh" --root "$target/deb-root" --version "$version" --release "$revision" \
            --maintainer "$maintainer" --homepage "$homepage" --out "$target" \
            || die "making the .rpm (installers/linux/make-rpm.sh)" ;;
    *) die "unknown --type $type (app-image, deb, rpm, msi, exe, dmg, pkg)" ;;
esac
step "done"
