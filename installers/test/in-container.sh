#!/bin/bash
# The steps deb-install-test.sh runs inside a clean Debian 12 minbase container:
#   in-container.sh norec|rec|legacy PREVIOUS_VERSION NEW_VERSION
# /debs holds previous.deb, new.deb and a sample .case.json; logs, screenshots and timings go to /out.
# Every step's exit code is asserted; the first failure ends the run with the step's name and log.
set -uo pipefail
mode=$1 previous_version=$2 new_version=$3
export DEBIAN_FRONTEND=noninteractive HOME=/root
apt_opts=(-y -q -o Dpkg::Use-Pty=0)
[ "$mode" = rec ] || apt_opts+=(--no-install-recommends)
timings=/out/timings.txt

# run NAME COMMAND...: runs a step with its output in /out/MODE-NAME.log; exit code must be 0.
run() {
    local name=$1 t0 rc
    shift
    t0=$(date +%s.%N)
    "$@" > "/out/$mode-$name.log" 2>&1
    rc=$?
    printf '%-6s %-28s %6.1f s  exit %s\n' "$mode" "$name" "$(awk "BEGIN {print $(date +%s.%N) - $t0}")" "$rc" >> "$timings"
    if [ "$rc" != 0 ]; then
        echo "FAILED step '$name' (exit $rc) in the '$mode' container; last lines of /out/$mode-$name.log:"
        tail -n 30 "/out/$mode-$name.log"
        exit 1
    fi
    echo "ok     $name"
}
# check NAME DESCRIPTION COMMAND...: an assertion (no log file of its own).
check() {
    local name=$1 what=$2
    shift 2
    if "$@" > /dev/null 2>&1; then
        echo "ok     $name"
    else
        echo "FAILED check '$name': $what"
        exit 1
    fi
}

installed_version() { dpkg-query -W -f '${Version} ${db:Status-Abbrev}' caseflow-designer 2>/dev/null; }

# No native library of the image may miss a shared library once the package's Depends are installed.
ldd_check() {
    local missing=0
    # The JVM's own libraries (libjvm, libjava, libjli) are found by the launcher, not by the loader's path.
    export LD_LIBRARY_PATH=/opt/caseflow-designer/lib/runtime/lib:/opt/caseflow-designer/lib/runtime/lib/server
    while IFS= read -r lib; do
        if ldd "$lib" 2>&1 | grep -q 'not found'; then
            echo "$lib:"; ldd "$lib" | grep 'not found'; missing=1
        fi
    done < <(find /opt/caseflow-designer -name '*.so*' -type f)
    echo "checked $(find /opt/caseflow-designer -name '*.so*' -type f | wc -l) libraries"
    # prism_es2 needs libXxf86vm and libGL (issue 11: missing without recommended packages).
    ldd /opt/caseflow-designer/lib/runtime/lib/libprism_es2.so
    return $missing
}

demo() {
    caseflow demo --processes 30 --db /root/demo-db --timeout PT3M
}
demo_again() {
    # Same database after the upgrade: the demo first says what it found there.
    caseflow demo --processes 30 --db /root/demo-db --timeout PT3M | tee /tmp/demo-again.txt
    grep -q 'found' /tmp/demo-again.txt
}

# gui NAME [USER]: the designer under Xvfb (as USER if given: setpriv execs it, so $! is the JVM's pid),
# opening a .case.json as a file association would; screenshot.
gui() {
    local name=$1 user=${2:-} pid i as=()
    if [ ! -e /tmp/.X99-lock ]; then
        Xvfb :99 -screen 0 1440x900x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
        sleep 2
    fi
    export DISPLAY=:99
    [ -z "$user" ] || as=(setpriv --reuid="$user" --regid="$user" --init-groups env HOME="/home/$user")
    "${as[@]}" env JAVA_TOOL_OPTIONS="-Dprism.verbose=true -Djavafx.verbose=true" \
        caseflow-designer /debs/businessCase1.case.json > "/out/$mode-$name-app.log" 2>&1 &
    pid=$!
    # Up to 120 s for a window of the app (about 3 s on an idle machine, more while the runtime starts).
    for i in $(seq 1 60); do
        if xwininfo -root -tree 2>/dev/null | grep -qi 'caseflow'; then break; fi
        kill -0 "$pid" 2>/dev/null || { echo "the designer exited"; cat "/out/$mode-$name-app.log"; return 1; }
        sleep 2
    done
    xwininfo -root -tree | grep -i 'caseflow' || { echo "no caseflow window after 120 s"; return 1; }
    sleep 12   # let the runtime start and the monitor draw
    kill -0 "$pid" || { echo "the designer exited"; return 1; }
    xwd -root -silent -display :99 | xwdtopnm 2>/dev/null | pnmtopng > "/out/$mode-$name.png" || return 1
    kill -TERM "$pid"
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { echo "the designer did not stop within 30 s of SIGTERM"; kill -9 "$pid"; }
    echo "--- app log checks"
    if grep -E "Unsupported JavaFX configuration|cannot open shared object file" "/out/$mode-$name-app.log"; then
        echo "the log above names a JavaFX or library problem"; return 1
    fi
    grep -iE "prism pipeline|using .*pipeline|Loaded .*(prism|glass)" "/out/$mode-$name-app.log" | head -n 5
    test -s "/out/$mode-$name.png"
}

run apt-update apt-get update -q
if [ "$mode" = legacy ]; then
    # The jpackage-built .deb issue 11 tried: its postinst runs xdg-desktop-menu, which fails on a minimal
    # system and leaves it half-configured. The new package must install over it, and then remove cleanly.
    apt-get install "${apt_opts[@]}" /debs/legacy.deb > /out/legacy-install-legacy.log 2>&1
    echo "legacy install exit $? (issue 11: 100 where /usr/share/desktop-directories is missing), status: $(installed_version)" | tee -a "$timings"
    run upgrade apt-get install "${apt_opts[@]}" /debs/new.deb
    check upgraded "dpkg status of $new_version is ii" sh -c "[ \"\$(dpkg-query -W -f '\${Version} \${db:Status-Abbrev}' caseflow-designer)\" = '$new_version ii ' ]"
    run version sh -c "caseflow --version | grep -qx 'caseflow ${new_version%-*}'"
    run ldd ldd_check
    run purge apt-get purge "${apt_opts[@]}" caseflow-designer
    check purged "/opt, /usr/bin/caseflow and /etc/caseflow gone" sh -c '! test -e /opt/caseflow-designer && ! test -e /usr/bin/caseflow && ! test -e /etc/caseflow && ! dpkg-query -W caseflow-designer'
    echo "all steps passed in the '$mode' container"
    exit 0
fi
if [ "$mode" = norec ]; then
    run install-previous apt-get install "${apt_opts[@]}" /debs/previous.deb
    check previous-installed "dpkg status of $previous_version is ii" sh -c "[ \"\$(dpkg-query -W -f '\${Version} \${db:Status-Abbrev}' caseflow-designer)\" = '$previous_version ii ' ]"
else
    run install apt-get install "${apt_opts[@]}" /debs/new.deb
fi
# Before anything else is installed (Xvfb would bring X libraries and hide a missing dependency).
run ldd ldd_check
run version sh -c "caseflow --version | tee /dev/stderr | grep -qx 'caseflow ${new_version%-*}'"
check on-path "caseflow and caseflow-designer on the PATH" sh -c 'command -v caseflow && command -v caseflow-designer'
check desktop-entry "menu entry and icons in place" sh -c 'test -f /usr/share/applications/caseflow-designer.desktop && test -f /usr/share/icons/hicolor/256x256/apps/caseflow-designer.png && test -f /usr/share/icons/hicolor/scalable/apps/caseflow-designer.svg && test -f /usr/share/mime/packages/caseflow-designer.xml'
check man-page "man page and completion installed" sh -c 'test -f /usr/share/man/man1/caseflow.1.gz && test -f /usr/share/man/man1/caseflow-designer.1.gz'
run completion bash -c 'source /usr/share/bash-completion/completions/caseflow && complete -p caseflow'
check units "systemd units installed, not enabled" sh -c 'test -f /usr/lib/systemd/system/caseflow-server.service && test -f /usr/lib/systemd/system/caseflow-worker.service && ! test -e /etc/systemd/system/multi-user.target.wants/caseflow-server.service'
run demo demo
run gui-tools apt-get install -y -q --no-install-recommends xvfb x11-utils x11-apps netpbm
run gui-1 gui gui-1

if [ "$mode" = norec ]; then
    # root's data folder is the one the previous build made: the XDG one (a new user), or ~/.caseflow when
    # the previous build is from before the XDG layout (--previous OLD.deb); the new build keeps using it.
    # ada had ~/.caseflow from an earlier version (a copy of a designer data folder, as versions before the
    # XDG layout left it): she keeps using it after the upgrade.
    if [ -d /root/.caseflow ]; then
        data=/root/.caseflow
        check data-made "the previous build (before the XDG layout) made its data folder $data" test -f $data/caseflow.mv.db
    else
        data=/root/.local/share/caseflow
        check data-made "the designer made its data folder $data (XDG), not ~/.caseflow" sh -c "test -f $data/caseflow.mv.db && ! test -e /root/.caseflow"
    fi
    echo "kept across the upgrade" > $data/upgrade-marker
    (cd $data && find . -type f ! -name '*.trace.db' ! -name '*.lock.db' | sort) > /tmp/data-before.txt
    run earlier-user sh -c "useradd -m ada && cp -a $data /home/ada/.caseflow && chown -R ada: /home/ada/.caseflow && touch /tmp/ada-before"
    run upgrade apt-get install "${apt_opts[@]}" /debs/new.deb
    check upgraded "dpkg status of $new_version is ii" sh -c "[ \"\$(dpkg-query -W -f '\${Version} \${db:Status-Abbrev}' caseflow-designer)\" = '$new_version ii ' ]"
    check data-kept "$data kept by the upgrade" grep -q kept $data/upgrade-marker
    run data-files-kept sh -c "cd $data && for f in \$(cat /tmp/data-before.txt); do test -f \"\$f\" || { echo \"missing after upgrade: \$f\"; exit 1; }; done"
    run version-after sh -c "caseflow --version | grep -qx 'caseflow ${new_version%-*}'"
    run demo-after-upgrade demo_again
    run gui-2 gui gui-2
    check data-used "the new designer opened root's database in $data, and made no other data folder" sh -c "test -n \"\$(find $data -name caseflow.mv.db -newer /tmp/ada-before)\" && { [ $data = /root/.local/share/caseflow ] || ! test -e /root/.local/share/caseflow; }"
    # A format change on the way (a previous build of an older schema): the old database was copied aside first.
    if grep -q 'copied it first to' /out/$mode-gui-2-app.log; then
        grep -o 'is at schema version.*copied it first to [^ ]*' /out/$mode-gui-2-app.log
        check backup-kept "the database from before the migration kept in $data/backups" sh -c "ls $data/backups/caseflow-v*.mv.db"
    fi
    run gui-earlier-user gui gui-earlier-user ada
    check earlier-user-kept "ada's designer used her ~/.caseflow and made no XDG folder" sh -c 'test -n "$(find /home/ada/.caseflow -name caseflow.mv.db -newer /tmp/ada-before)" && ! test -e /home/ada/.local/share/caseflow'
    run remove apt-get remove "${apt_opts[@]}" caseflow-designer
    check removed "program files gone, config kept (rc)" sh -c '! test -e /usr/bin/caseflow && ! test -e /opt/caseflow-designer && test -f /etc/caseflow/server.env && dpkg-query -W -f "\${db:Status-Abbrev}" caseflow-designer | grep -q "^rc"'
    check data-after-remove "$data kept by remove" test -f $data/upgrade-marker
    run purge apt-get purge "${apt_opts[@]}" caseflow-designer
    check purged "/etc/caseflow gone, package unknown to dpkg" sh -c '! test -e /etc/caseflow && ! dpkg-query -W caseflow-designer'
    check data-after-purge "$data and ada's ~/.caseflow kept by purge (users' data is not the package's)" sh -c "test -f $data/upgrade-marker && test -f /home/ada/.caseflow/caseflow.mv.db"
else
    run systemd-tools apt-get install -y -q --no-install-recommends systemd
    run units-verify systemd-analyze verify /usr/lib/systemd/system/caseflow-server.service /usr/lib/systemd/system/caseflow-worker.service
    run purge apt-get purge "${apt_opts[@]}" caseflow-designer
    check purged "/opt, /usr/bin/caseflow and /etc/caseflow gone" sh -c '! test -e /opt/caseflow-designer && ! test -e /usr/bin/caseflow && ! test -e /etc/caseflow && ! dpkg-query -W caseflow-designer'
fi
echo "all steps passed in the '$mode' container"
