#!/usr/bin/env bash
# Runs deploy/compose/compose.host.yaml for real with podman-compose: a server and two workers from the
# caseflow image, host networking, against this machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL
# (127.0.0.1:5432, db test). worker-1 deploys the sample case businessCase1 at start and the workers host
# its services (warehouse, payments, shipping); it starts orders through the server, sees them complete,
# runs every container's health check, stops them (SIGTERM) and checks each stopped cleanly. Its own
# project, installation (queue prefix and schemas) and ports, so it runs beside another caseflow.
#
#   deploy/container/build-image.sh && deploy/compose/check-host.sh [--image NAME] [--keep]
#
# Needs: podman (+ runc, see deploy/container/containers.conf), podman-compose, curl.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
image=localhost/caseflow:latest
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --image) image=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-host: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

started=$(date +%s%3N)
step() { printf '==> [check-host +%5.1fs] %s\n' "$(( $(date +%s%3N) - started ))e-3" "$*"; }
die() { echo "check-host: FAILED: $*" >&2; exit 1; }
command -v podman-compose >/dev/null 2>&1 || die "podman-compose is not installed (apt-get install -y podman-compose)"
command -v curl >/dev/null 2>&1 || die "curl is not installed"
[ -z "${CONTAINERS_CONF:-}" ] && export CONTAINERS_CONF="$here/../container/containers.conf"
podman image exists "$image" || die "no image $image: build it with deploy/container/build-image.sh"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

id=$(od -An -N5 -tx1 /dev/urandom | tr -d ' \n')
project=cf-compose-$id
case_name=businessCase1
export CASEFLOW_IMAGE=$image
export CASEFLOW_INSTALLATION=cf-compose-$id
export CASEFLOW_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=cf_compose_$id&user=postgres"
export CASEFLOW_API_TOKEN=check-host-$id-0123456789
export CASEFLOW_SERVICES_SCHEMA_PREFIX=cf_compose_${id}_svc
export CASEFLOW_HTTP_PORT=$(free_port) CASEFLOW_WORKER1_HEALTH_PORT=$(free_port) CASEFLOW_WORKER2_HEALTH_PORT=$(free_port)
api=http://127.0.0.1:$CASEFLOW_HTTP_PORT

compose=(podman-compose -p "$project" -f "$here/compose.host.yaml")
# podman-compose 1.0.x adds its default network even next to network_mode: host (see podman-hostnet).
pc_version=$(podman-compose version 2>/dev/null || true)
if echo "$pc_version" | grep -Eq 'podman-compos(e|er) version +1\.0\.'; then
    compose=(podman-compose -p "$project" --podman-path "$here/podman-hostnet" -f "$here/compose.host.yaml")
fi
containers=("${project}_server_1" "${project}_worker-1_1" "${project}_worker-2_1")

cleanup() {
    if [ "$keep" = 0 ]; then
        timeout 120 "${compose[@]}" down -t 30 >/dev/null 2>&1 || true
        for c in "${containers[@]}"; do podman rm -f -t 5 "$c" >/dev/null 2>&1 || true; done
        podman network rm "${project}_default" >/dev/null 2>&1 || true
        # The installation's queues on the shared broker (its three exchanges are left: rabbitmqctl cannot delete them).
        if command -v rabbitmqctl >/dev/null 2>&1; then
            for q in $(timeout 30 rabbitmqctl -q list_queues name 2>/dev/null | grep "^$CASEFLOW_INSTALLATION\." || true); do
                timeout 30 rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true
            done
        fi
    fi
}
trap cleanup EXIT

call() { # METHOD PATH [BODY [IDEMPOTENCY-KEY]]
    local args=(-sS --max-time 30 -X "$1" -H "Authorization: Bearer $CASEFLOW_API_TOKEN" -H 'Content-Type: application/json')
    [ -n "${3:-}" ] && args+=(--data "$3")
    [ -n "${4:-}" ] && args+=(-H "Idempotency-Key: $4")
    curl "${args[@]}" "$api$2"
}

step "podman-compose up: project $project, installation $CASEFLOW_INSTALLATION, server on $api"
timeout 300 "${compose[@]}" up -d > "/tmp/$project-up.log" 2>&1 || die "podman-compose up (see /tmp/$project-up.log)"
up_at=$(date +%s%3N)
for _ in $(seq 1 180); do
    curl -fsS --max-time 2 "$api/api/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fsS --max-time 2 "$api/api/health" >/dev/null || die "the server did not answer $api/api/health within 90 s: $(podman logs --tail 20 "${containers[0]}" 2>&1)"
step "server healthy $(( $(date +%s%3N) - up_at )) ms after podman-compose up returned"
for c in "${containers[@]:1}"; do
    for _ in $(seq 1 180); do podman logs "$c" 2>&1 | grep -q 'caseflow worker ready' && break; sleep 0.5; done
    podman logs "$c" 2>&1 | grep -q 'caseflow worker ready' || die "$c did not get ready within 90 s: $(podman logs --tail 20 "$c" 2>&1)"
done
step "both workers ready $(( $(date +%s%3N) - up_at )) ms after podman-compose up returned"

call GET /api/cases | grep -q '"case":"businessCase1"' || die "worker-1 did not deploy businessCase1 (worker --deploy)"
count=40
for i in $(seq 1 "$count"); do
    call POST "/api/cases/$case_name/v1/processes" \
        '{"orderId":"C-'"$i"'","customer":"Ada","address":"1 Main Street","paymentMethod":"card","items":[{"sku":"book","qty":1,"price":12.5}]}' \
        "c-$i" | grep -q '"id"' || die "starting process $i"
done
step "started $count orders of $case_name/v1 (deployed by worker-1)"
done_count=0
for _ in $(seq 1 120); do
    done_count=$(call GET "/api/processes?case=$case_name&status=COMPLETED&limit=1" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
    [ "${done_count:-0}" -ge "$count" ] && break
    sleep 0.5
done
[ "${done_count:-0}" -ge "$count" ] || die "only ${done_count:-0} of $count processes completed within 60 s"
workers=$(call GET /api/workers)
step "all $count processes completed; workers: $(echo "$workers" | grep -o '"kind":"[a-z]*"' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"

for c in "${containers[@]}"; do
    podman healthcheck run "$c" >/dev/null 2>&1 || die "health check of $c: $(podman inspect --format '{{json .State.Health}}' "$c")"
    step "$c: $(podman inspect --format '{{.State.Health.Status}}' "$c") ($(podman inspect --format '{{range .State.Health.Log}}{{.Output}}{{end}}' "$c" | tail -c 200))"
done

stop_at=$(date +%s%3N)
timeout 180 "${compose[@]}" stop -t 30 >/dev/null 2>&1 || die "podman-compose stop"
step "podman-compose stop took $(( $(date +%s%3N) - stop_at )) ms"
for c in "${containers[@]}"; do
    code=$(podman inspect --format '{{.State.ExitCode}}' "$c")
    case "$code" in 0 | 143) ;; *) die "$c exited with $code after SIGTERM (137 would mean it was killed after the timeout)" ;; esac
    case "$c" in *worker*) podman logs "$c" 2>&1 | grep -q 'caseflow worker stopped' || die "$c did not log 'caseflow worker stopped'" ;; esac
    step "$c stopped, exit code $code"
done
step "OK"
