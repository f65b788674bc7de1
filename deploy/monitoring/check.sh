#!/usr/bin/env bash
# Checks the monitoring files with Prometheus's own tool (apt-get install prometheus gives promtool):
# the alert rules parse and pass their unit tests, the scrape config is valid, and every query of the
# Grafana dashboard parses as PromQL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v promtool >/dev/null || { echo "promtool not found: apt-get install prometheus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

promtool check rules "$here/caseflow-alerts.yml"
(cd "$here" && promtool test rules caseflow-alerts.test.yml)

echo "dummy-token-for-the-check" > "$work/token"
sed "s#/etc/prometheus/caseflow-read-only-token#$work/token#; s#caseflow-alerts.yml#$here/caseflow-alerts.yml#" \
  "$here/prometheus.yml" > "$work/prometheus.yml"
promtool check config "$work/prometheus.yml"

# Each dashboard query as a recording rule, with Grafana's variables filled in, so promtool parses it.
python3 - "$here/grafana-caseflow-dashboard.json" "$work/dashboard-rules.yml" <<'PY'
import json, sys
dashboard = json.load(open(sys.argv[1]))
exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
with open(sys.argv[2], "w") as out:
    out.write("groups:\n  - name: dashboard\n    rules:\n")
    for i, e in enumerate(exprs):
        e = e.replace("$case", ".*").replace("$api", ".*")
        out.write("      - record: dashboard_query_%d\n        expr: %s\n" % (i, json.dumps(e)))
print("dashboard: %d queries" % len(exprs))
PY
promtool check rules "$work/dashboard-rules.yml"
echo "monitoring files: OK"
