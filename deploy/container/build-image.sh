#!/usr/bin/env bash
# Builds the caseflow container image (server and worker) on this machine, with no image registry:
#
#   deploy/container/build-image.sh                 # builds samples/target/caseflow.jar with Maven first
#   deploy/container/build-image.sh --jar FILE      # takes an existing caseflow.jar
#
# 1. the jar: `mvn -B -o -q -pl samples -am package -DskipTests` (under flock /tmp/caseflow-mvn.lock), or --jar;
# 2. the Java modules it needs: jdeps --print-module-deps over the jar, plus jdk.crypto.ec (TLS) and jdk.unsupported;
# 3. a Debian bookworm minbase rootfs: debootstrap from the mirror in /etc/apt/sources.list(.d);   [cached]
# 4. a JRE with just those modules: jlink from the local JDK 17;                                    [cached]
# 5. the base image: rootfs + JRE in /opt/java, `podman import`;                                    [cached]
# 6. the app image: `podman build --format docker -f deploy/container/Containerfile` on that base.
#
# Cached under $CASEFLOW_IMAGE_CACHE (default ~/.cache/caseflow-image): a rerun reuses the rootfs tarball,
# the JRE and the base image, and only rebuilds the app layer (seconds). --rebuild-base starts over.
# Tags: localhost/caseflow:VERSION and localhost/caseflow:latest (or --tag NAME).
# Needs: podman (+ runc where crun fails), debootstrap (only for step 3), a JDK 17 with jlink and jdeps.
#   apt-get install -y podman buildah runc debootstrap
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${CASEFLOW_IMAGE_CACHE:-$HOME/.cache/caseflow-image}
jar=""
tag=""
mirror=""
rebuild_base=0
suite=bookworm

usage() {
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    cat <<EOF
Options:
  --jar FILE       use this caseflow.jar (the samples module's shaded jar) instead of running Maven
  --tag NAME       image name:tag (default localhost/caseflow:VERSION, plus localhost/caseflow:latest)
  --cache DIR      cache folder (default \$CASEFLOW_IMAGE_CACHE or ~/.cache/caseflow-image)
  --mirror URL     Debian mirror for debootstrap (default: the one apt uses here)
  --rebuild-base   build the rootfs, JRE and base image again even if cached
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --jar) jar=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        --tag) tag=$2; shift 2 ;;
        --cache) cache=$2; shift 2 ;;
        --mirror) mirror=$2; shift 2 ;;
        --rebuild-base) rebuild_base=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "build-image: unknown argument '$1' (--help lists the options)" >&2; exit 2 ;;
    esac
done

started=$(date +%s)
step() { echo "==> [build-image $(date +%T), +$(($(date +%s) - started))s] $*"; }
die() { echo "build-image: FAILED: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed ($2)"; }

# podman on this kind of machine needs runc and no default ulimits (see containers.conf); a user's own
# CONTAINERS_CONF wins.
if [ -z "${CONTAINERS_CONF:-}" ]; then
    export CONTAINERS_CONF="$here/containers.conf"
fi
need podman "apt-get install -y podman buildah runc"
need jlink "a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
need jdeps "a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
case "$java_version" in 17*) ;; *) die "jlink must come from a JDK 17, found java $java_version on PATH" ;; esac
mkdir -p "$cache"
# One build at a time per cache (a test and a person may both run this script).
exec 9>"$cache/.lock"
flock -w 1800 9 || die "another build-image.sh kept $cache/.lock for 30 minutes"

# --- 1. the jar -------------------------------------------------------------------------------------
if [ -z "$jar" ]; then
    step "1/6 building samples/target/caseflow.jar with Maven"
    need mvn "apt-get install -y maven, or pass --jar FILE"
    lock=()
    command -v flock >/dev/null 2>&1 && lock=(flock -w 1800 /tmp/caseflow-mvn.lock)
    # shellcheck disable=SC2086 # CASEFLOW_MVN_FLAGS is a list of flags
    (cd "$repo" && timeout 1800 "${lock[@]}" mvn ${CASEFLOW_MVN_FLAGS:--B -o -q} -pl samples -am package -DskipTests) \
        || die "the Maven build of samples/target/caseflow.jar (in $repo; CASEFLOW_MVN_FLAGS='${CASEFLOW_MVN_FLAGS:--B -o -q}')"
    jar=$repo/samples/target/caseflow.jar
else
    step "1/6 using the jar $jar"
fi
[ -f "$jar" ] || die "no jar at $jar"
unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q 'Main-Class: io.caseflow.cli.CaseflowCli' \
    || die "$jar is not the caseflow CLI jar (no Main-Class io.caseflow.cli.CaseflowCli in its manifest)"
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$repo/pom.xml" | head -n 1)
version=${version:-development}
revision=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

# --- 2. the modules the jar needs -------------------------------------------------------------------
jar_sum=$(sha256sum "$jar" | cut -c1-16)
modules_file=$cache/modules-$jar_sum.txt
if [ -s "$modules_file" ]; then
    step "2/6 Java modules (cached for this jar): $(cat "$modules_file")"
else
    step "2/6 finding the Java modules the jar needs (jdeps)"
    found=$(timeout 600 jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$jar" 2>"$cache/jdeps.err") \
        || die "jdeps on $jar (see $cache/jdeps.err)"
    found=$(echo "$found" | tail -n 1)
    [ -n "$found" ] || die "jdeps printed no modules for $jar (see $cache/jdeps.err)"
    # jdk.crypto.ec: TLS with EC ciphers (amqps://, PostgreSQL sslmode); jdk.unsupported: sun.misc.Unsafe
    # for Netty/Jetty-style libraries that look it up reflectively; jdk.management: the JVM metrics
    # (com.sun.management) the worker's /metrics reports; jdk.localedata is left out on purpose.
    echo "$found,jdk.crypto.ec,jdk.unsupported,jdk.management" | tr ',' '\n' | sort -u | paste -sd, - > "$modules_file"
    step "2/6 modules: $(cat "$modules_file")"
fi
modules=$(cat "$modules_file")

# --- 3. the rootfs ----------------------------------------------------------------------------------
rootfs_tar=$cache/rootfs-$suite-minbase.tar
if [ "$rebuild_base" = 1 ]; then
    rm -f "$rootfs_tar"
fi
if [ -s "$rootfs_tar" ]; then
    step "3/6 Debian $suite minbase rootfs (cached): $rootfs_tar ($(du -h "$rootfs_tar" | cut -f1))"
else
    need debootstrap "apt-get install -y debootstrap"
    [ "$(id -u)" = 0 ] || die "debootstrap needs root (run as root once; later runs reuse $rootfs_tar)"
    if [ -z "$mirror" ]; then
        # The mirror apt uses here: deb822 .sources files first, then one-line sources.list entries.
        mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' \
            | grep -v -- '-security' | grep '/debian/*$' | head -n 1 || true)
        [ -n "$mirror" ] || mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$1 == "deb" && $3 ~ /^'"$suite"'$/ {print $2}' | grep -v -- '-security' | head -n 1 || true)
        mirror=${mirror:-http://deb.debian.org/debian}
    fi
    step "3/6 debootstrap --variant=minbase $suite from $mirror"
    rootfs=$cache/rootfs.tmp
    rm -rf "$rootfs"
    timeout 1200 debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || die "debootstrap $suite from $mirror (last lines of $cache/debootstrap.log: $(tail -n 3 "$cache/debootstrap.log" | tr '\n' ' '))"
    # Nothing the image needs at run time: downloaded .debs, package lists, docs.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
        "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log
    tar --numeric-owner -C "$rootfs" -cf "$rootfs_tar.tmp" . || die "tar of the rootfs $rootfs"
    mv "$rootfs_tar.tmp" "$rootfs_tar"
    rm -rf "$rootfs"
    step "3/6 rootfs ready: $rootfs_tar ($(du -h "$rootfs_tar" | cut -f1))"
fi

# --- 4. the JRE -------------------------------------------------------------------------------------
jre_key=$(echo "$java_version $modules" | sha256sum | cut -c1-12)
jre=$cache/jre-$jre_key
if [ "$rebuild_base" = 1 ]; then
    rm -rf "$jre"
fi
if [ -x "$jre/bin/java" ]; then
    step "4/6 JRE (cached): $jre ($(du -sh "$jre" | cut -f1))"
else
    step "4/6 jlink a JRE (java $java_version) with $modules"
    rm -rf "$jre"
    timeout 600 jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
        --output "$jre" || die "jlink of $modules"
    "$jre/bin/java" -version >/dev/null 2>&1 || die "the jlink'd JRE in $jre does not start"
    step "4/6 JRE ready: $jre ($(du -sh "$jre" | cut -f1))"
fi

# --- 5. the base image ------------------------------------------------------------------------------
base_key=$( (stat -c '%s %Y' "$rootfs_tar"; echo "$jre_key") | sha256sum | cut -c1-12)
base=localhost/caseflow-base:$suite-jre17-$base_key
if [ "$rebuild_base" = 0 ] && podman image exists "$base"; then
    step "5/6 base image (cached): $base"
else
    step "5/6 podman import of rootfs + JRE as $base"
    staged=$cache/base-$base_key.tar
    cp "$rootfs_tar" "$staged"
    tar --numeric-owner --owner=0 --group=0 -rf "$staged" -C "$cache" --transform "s,^jre-$jre_key,./opt/java," "jre-$jre_key" \
        || die "adding the JRE to $staged"
    timeout 600 podman import --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV JAVA_HOME=/opt/java' --change 'CMD ["/bin/bash"]' \
        --message "caseflow base: debian $suite minbase + jlink JRE ($modules)" "$staged" "$base" >/dev/null \
        || { rm -f "$staged"; die "podman import of $staged"; }
    rm -f "$staged"
    # Older base images of this cache are no longer needed (an app image still using one keeps it).
    for old in $(podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/caseflow-base:' | grep -v -x "$base" || true); do
        podman rmi "$old" >/dev/null 2>&1 || true
    done
fi
podman tag "$base" localhost/caseflow-base:latest

# --- 6. the app image -------------------------------------------------------------------------------
name=${tag:-localhost/caseflow:$version}
step "6/6 podman build $name from $base"
context=$(mktemp -d "$cache/context.XXXXXX")
trap 'rm -rf "$context"' EXIT
cp "$here/Containerfile" "$here/caseflow" "$here/caseflow-healthcheck" "$context/"
cp "$jar" "$context/caseflow.jar"
extra_tags=()
[ -z "$tag" ] && extra_tags=(--tag localhost/caseflow:latest)
timeout 900 podman build --format docker --network host --pull=never --layers \
    --build-arg "BASE=$base" --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
    --tag "$name" "${extra_tags[@]}" -f "$context/Containerfile" "$context" \
    || die "podman build of $name (runtime: CONTAINERS_CONF=$CONTAINERS_CONF)"

# Checks that catch a broken image at once: the JRE has every module the jar asked for, the CLI starts
# as the non-root user, and the health check is in the image.
step "checking the image"
user=$(podman run --rm --network host --no-healthcheck --entrypoint /usr/bin/id "$name" -u) || die "podman run of $name"
[ "$user" = 10001 ] || die "the image runs as uid $user, not 10001"
podman run --rm --network host --no-healthcheck "$name" --version || die "'caseflow --version' in $name"
podman image inspect --format '{{json .Config.Healthcheck}}' "$name" | grep -q caseflow-healthcheck \
    || die "$name has no HEALTHCHECK (was it built with --format docker?)"
# Earlier builds of the app image that no tag names any more.
podman image prune -f --filter label=org.opencontainers.image.title=caseflow >/dev/null 2>&1 || true
size=$(podman image inspect --format '{{.Size}}' "$name")
step "done in $(($(date +%s) - started)) s: $name ($((size / 1000000)) MB)"
echo "run it:  podman run --rm --network host -e CASEFLOW_JDBC_URL=... -e CASEFLOW_BROKER_URI=... -e CASEFLOW_API_TOKEN=... $name server"
