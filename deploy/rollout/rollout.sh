#!/usr/bin/env bash
# Blue-green rollout of a caseflow case api behind the nginx gateway in deploy/gateway (docs/gateway.md).
set -euo pipefail
export LC_ALL=C

usage() {
  cat <<'EOF'
Usage:
  rollout.sh init     --gateway DIR --live COLOUR [--blue ADDRS] [--green ADDRS]
  rollout.sh rollout  --gateway DIR --api CASE/API --blue ADDRS --green ADDRS [--to green] [options]
  rollout.sh rollback --gateway DIR --api CASE/API --blue ADDRS --green ADDRS [--to blue] [options]

init      writes the gateway's routing with everything on the --live colour (no reload).
rollout   waits until the --to colour (default green) is ready, routes --api to it, then everything,
          waits until the gateway no longer talks to the other colour, and stops that colour with SIGTERM.
rollback  waits until the --to colour (default blue) is ready, routes everything to it and refuses new
          starts of --api (410 api_withdrawn), waits until the api's running processes have finished on
          the other colour, then stops that colour with SIGTERM.

Options:
  --gateway DIR             the gateway folder: nginx.conf, caseflow-routing.conf (rewritten here)
  --blue, --green ADDRS     the colour's servers, host:port[,host:port...]
  --blue-worker, --green-worker ADDRS
                            the colour's workers' health ports (caseflow worker --health-port), host:port,...
  --blue-pid, --green-pid PIDS
                            the colour's server and worker processes, stopped with SIGTERM when it is drained
  --api CASE/API            the case api rolled out or back, e.g. orders/v2
  --to COLOUR               the colour that takes the traffic (rollout: green, rollback: blue)
  --gateway-url URL         the gateway itself, to see each reload take effect (e.g. http://127.0.0.1:8080)
  --nginx "COMMAND"         how to call nginx (default: nginx -p DIR -c DIR/nginx.conf)
  --nginx-pid FILE          nginx's pid file (default: DIR/logs/nginx.pid)
  --timeout SECONDS         bound of every wait (default 120)
  -h, --help                this text
Environment:
  CASEFLOW_API_TOKEN        a token of the servers (the read-only one is enough): rollback reads the api's
                            process counts with it
EOF
}

started_ms=$(date +%s%3N)
say() { printf '[rollout +%5.1fs] %s\n' "$(( $(date +%s%3N) - started_ms ))e-3" "$*"; }
die() { say "FAILED: $*" >&2; exit 1; }

command=${1:-}
[ -n "$command" ] || { usage; exit 2; }
shift
case "$command" in
  -h|--help) usage; exit 0 ;;
  init|rollout|rollback) ;;
  *) echo "unknown command: $command" >&2; usage >&2; exit 2 ;;
esac

gateway='' api='' to='' live='' gateway_url='' nginx_command='' nginx_pid='' timeout=120
declare -A servers=([blue]='' [green]='') workers=([blue]='' [green]='') pids=([blue]='' [green]='')
while [ $# -gt 0 ]; do
  case "$1" in -h|--help) usage; exit 0 ;; esac
  [ $# -ge 2 ] || die "$1 needs a value"
  case "$1" in
    --gateway) gateway=$2 ;;
    --api) api=$2 ;;
    --to) to=$2 ;;
    --live) live=$2 ;;
    --blue|--green) servers[${1#--}]=$2 ;;
    --blue-worker|--green-worker) c=${1#--}; workers[${c%-worker}]=$2 ;;
    --blue-pid|--green-pid) c=${1#--}; pids[${c%-pid}]=$2 ;;
    --gateway-url) gateway_url=${2%/} ;;
    --nginx) nginx_command=$2 ;;
    --nginx-pid) nginx_pid=$2 ;;
    --timeout) timeout=$2 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift 2
done

[ -n "$gateway" ] || die "--gateway DIR is required"
[ -d "$gateway" ] || die "no gateway folder $gateway"
gateway=$(cd "$gateway" && pwd)
routing="$gateway/caseflow-routing.conf"
[[ $timeout =~ ^[0-9]+$ ]] || die "--timeout must be whole seconds, was $timeout"
if [ -n "$nginx_command" ]; then read -r -a nginx <<< "$nginx_command"; else nginx=(nginx -p "$gateway/" -c "$gateway/nginx.conf"); fi
nginx_pid=${nginx_pid:-$gateway/logs/nginx.pid}
other() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }
check_colour() { [ "$1" = blue ] || [ "$1" = green ] || die "a colour is blue or green, was '$1'"; }

# The one place that decides which colour serves what: caseflow-routing.conf, written only here.
#   live   the colour that serves everything not named below (listing, /api/processes/{id}, health)
#   rule   what --api gets: a colour, "withdrawn" (new starts refused), or nothing (the live colour)
#   backup "backup": each colour's upstream falls back to the other's servers (while both run)
write_routing() {
  local live=$1 rule=$2 backup=$3 serial colour other_colour address
  serial=$(( $(sed -n 's/.*\$caseflow_routing { default "\([0-9]*\) .*/\1/p' "$routing" 2>/dev/null || true) + 1 ))
  routing_label="$serial live=$live${rule:+ $api=$rule}"
  {
    echo "# Written by deploy/rollout/rollout.sh $command at $(date -u +%FT%TZ); change it with the script, not by hand."
    for colour in blue green; do
      [ -n "${servers[$colour]}" ] || continue
      other_colour=$(other "$colour")
      echo "upstream caseflow_$colour {"
      for address in ${servers[$colour]//,/ }; do echo "    server $address max_fails=1 fail_timeout=5s;"; done
      if [ "$backup" = backup ]; then
        for address in ${servers[$other_colour]//,/ }; do echo "    server $address backup;"; done
      fi
      echo "    keepalive 16;"
      echo "    keepalive_timeout 15s; # below the servers' idle timeout (30 s): never reuse a connection a server is closing"
      echo "}"
    done
    echo "map \$request_uri \$caseflow_upstream {"
    echo "    default caseflow_$live;"
    if [ "$rule" = blue ] || [ "$rule" = green ]; then echo "    \"~^/api/cases/$api_pattern(/|\\?|\$)\" caseflow_$rule;"; fi
    echo "}"
    echo "map \"\$request_method \$request_uri\" \$caseflow_withdrawn {"
    echo "    default \"\";"
    if [ "$rule" = withdrawn ]; then echo "    \"~^POST /api/cases/$api_pattern/processes/?(\\?|\$)\" \"$api\";"; fi
    echo "}"
    echo "map \$host \$caseflow_routing { default \"$routing_label\"; }"
  } > "$routing.new"
}

# Checks the new routing with nginx -t, reloads gracefully (old workers finish what they started),
# and, given --gateway-url, waits until the gateway answers with it.
apply_routing() {
  [ -f "$routing" ] && cp "$routing" "$routing.previous"
  mv "$routing.new" "$routing"
  if ! "${nginx[@]}" -t -q; then
    [ -f "$routing.previous" ] && mv "$routing.previous" "$routing"
    die "nginx -t refused the new routing; the previous one is back in place"
  fi
  "${nginx[@]}" -s reload
  say "  nginx reloaded: routing $routing_label"
  if [ -n "$gateway_url" ]; then
    await "the gateway to answer with routing '$routing_label'" gateway_routing_is "$routing_label"
  fi
}

gateway_routing_is() {
  local seen
  seen=$(curl -sS --max-time 3 -o /dev/null -D - "$gateway_url/api/health" 2>/dev/null | tr -d '\r' \
    | sed -n 's/^[Xx]-[Cc]aseflow-[Rr]outing: //p') || true
  last_seen="routing '${seen:-none}'"
  [ "$seen" = "$1" ]
}

# await DESCRIPTION CHECK ARGS...: polls CHECK every half second until it succeeds or --timeout passes.
await() {
  local what=$1 deadline=$(( $(date +%s) + timeout ))
  shift
  last_seen='nothing yet'
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "waited ${timeout}s for $what; last seen: $last_seen"
    sleep 0.5
  done
}

answers_200() {
  local code
  code=$(curl -sS --max-time 3 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null) || code=none
  last_seen="HTTP $code from $1"
  [ "$code" = 200 ]
}

await_ready() {
  local colour=$1 address
  [ -n "${servers[$colour]}" ] || die "--$colour ADDRS is required"
  for address in ${servers[$colour]//,/ }; do
    await "$colour server $address to be healthy" answers_200 "http://$address/api/health"
    say "  $colour server $address: /api/health 200"
  done
  [ -n "${workers[$colour]}" ] || say "  no --$colour-worker given: not checking $colour workers"
  for address in ${workers[$colour]//,/ }; do
    await "$colour worker $address to be ready" answers_200 "http://$address/ready"
    say "  $colour worker $address: /ready 200"
  done
}

# nginx renames a worker that finishes its last requests after a reload to "worker process is shutting down".
no_old_gateway_workers() {
  local master count
  master=$(cat "$nginx_pid" 2>/dev/null) || { last_seen="no pid file $nginx_pid"; return 1; }
  count=$(ps -o args= --ppid "$master" | grep -c 'shutting down' || true)
  last_seen="$count old nginx worker(s) still finishing requests"
  [ "$count" -eq 0 ]
}

api_idle() {
  local address=${servers[$live]%%,*} counts in_flight
  counts=$(curl -sS --max-time 5 -H "Authorization: Bearer $CASEFLOW_API_TOKEN" \
    "http://$address/api/cases/$api/counts" 2>/dev/null) || { last_seen="no answer from $address"; return 1; }
  in_flight=$(grep -oE '"(RUNNING|WAITING)" *: *[0-9]+' <<< "$counts" | awk -F: '{ n += $2 } END { print n + 0 }')
  last_seen="$in_flight $api process(es) running or waiting"
  [ "$in_flight" -eq 0 ]
}

drain() {
  local colour=$1 pid stop_started
  local -a list=(${pids[$colour]//,/ })
  if [ ${#list[@]} -eq 0 ]; then
    say "  no --$colour-pid given: stop the $colour servers and workers yourself (SIGTERM; each stops cleanly)"
    return
  fi
  stop_started=$(date +%s)
  for pid in "${list[@]}"; do
    if kill -TERM "$pid" 2>/dev/null; then say "  SIGTERM to $colour pid $pid"; else say "  $colour pid $pid was not running"; fi
  done
  # A worker stopped by SIGTERM finishes its commits and hands unacknowledged messages back to the broker.
  local deadline=$(( stop_started + timeout )) running
  while [ ${#list[@]} -gt 0 ]; do
    running=()
    for pid in "${list[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then running+=("$pid"); else say "  $colour pid $pid exited after $(( $(date +%s) - stop_started ))s"; fi
    done
    list=("${running[@]}")
    [ ${#list[@]} -eq 0 ] && break
    [ "$(date +%s)" -lt "$deadline" ] || die "waited ${timeout}s for the $colour processes to stop; still running: ${list[*]}"
    sleep 0.5
  done
  say "  $colour stopped"
}

if [ -n "$api" ]; then
  [[ $api =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || die "--api is CASE/API, e.g. orders/v2, was '$api'"
  api_pattern=${api//./\\.}
fi

case "$command" in
  init)
    check_colour "$live"
    [ -n "${servers[$live]}" ] || die "--$live ADDRS is required: the live colour needs servers"
    write_routing "$live" '' no
    mv "$routing.new" "$routing"
    mkdir -p "$gateway/logs" "$gateway/temp"
    say "wrote $routing: everything on $live (routing $routing_label)"
    ;;
  rollout)
    to=${to:-green}; check_colour "$to"; from=$(other "$to")
    [ -n "$api" ] || die "--api CASE/API is required"
    [ -n "${servers[$from]}" ] || die "--$from ADDRS is required"
    say "rollout of $api: $from -> $to"
    say "step 1/5: waiting for $to to be ready"
    await_ready "$to"
    say "step 2/5: $api to $to; everything else stays on $from"
    write_routing "$from" "$to" backup
    apply_routing
    say "step 3/5: everything to $to; $from leaves the gateway"
    write_routing "$to" '' no
    apply_routing
    say "step 4/5: waiting until the gateway's old workers have finished the requests they sent to $from"
    await "nginx's old workers to finish" no_old_gateway_workers
    say "step 5/5: draining $from"
    drain "$from"
    say "done: $to serves everything, $api included"
    ;;
  rollback)
    to=${to:-blue}; check_colour "$to"; from=$(other "$to")
    [ -n "$api" ] || die "--api CASE/API is required"
    [ -n "${servers[$from]}" ] || die "--$from ADDRS is required"
    [ -n "${CASEFLOW_API_TOKEN:-}" ] || die "CASEFLOW_API_TOKEN is required: rollback waits for $api's processes to finish"
    live=$to
    say "rollback of $api: $from -> $to"
    say "step 1/5: waiting for $to to be ready"
    await_ready "$to"
    say "step 2/5: everything to $to; new $api processes refused (410 api_withdrawn)"
    write_routing "$to" withdrawn no
    apply_routing
    say "step 3/5: waiting until the gateway's old workers have finished the requests they sent to $from"
    await "nginx's old workers to finish" no_old_gateway_workers
    say "step 4/5: waiting until the $api processes already started have finished on $from"
    await "$api to have nothing running or waiting" api_idle
    say "  $last_seen"
    say "step 5/5: draining $from"
    drain "$from"
    say "done: $to serves everything; $api refuses new processes until it is rolled out again"
    ;;
esac
