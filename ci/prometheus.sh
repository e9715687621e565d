#!/usr/bin/env bash
# ci/prometheus.sh ensure|rules DIR|start TARGET|stop|status
#   ensure:       makes sure Debian's prometheus (with promtool) is installed; as root, installs it.
#   rules DIR:    writes DIR/emporium.rules.yaml, the rule groups of deploy/base/monitoring/prometheusrule.yaml (its
#                 spec): the one source of the alerts, for promtool and for the Prometheus below.
#   start TARGET [FOR]: a private Prometheus on 127.0.0.1:PROMETHEUS_PORT that scrapes TARGET (host:port of a
#                 Liberty server, /metrics, job "emporium" as the ServiceMonitor names it) and evaluates those rules,
#                 both every second so that a test sees an alert within seconds of its cause. FOR (e.g. 5s) replaces
#                 every rule's "for:" so that a test need not wait out the durations; promtool's unit tests
#                 (src/test/resources/prometheus/alerts-test.yaml) check those in simulated time.
#   stop, status: as the other services.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PROMETHEUS_DIR="$SERVICES_DIR/prometheus"
PID_FILE="$PROMETHEUS_DIR/prometheus.pid"
RULE="$PROJECT_DIR/deploy/base/monitoring/prometheusrule.yaml"

ensure() {
    command -v prometheus >/dev/null && command -v promtool >/dev/null && return
    apt_install prometheus
    command -v promtool >/dev/null || die "apt-get finished but promtool is still missing"
}

# The PrometheusRule's spec is its last key: everything under "spec:", one indentation level less.
rules() {
    mkdir -p "$1"
    grep -q '^spec:$' "$RULE" || die "$RULE has no top-level spec"
    sed -n '/^spec:$/,$p' "$RULE" | sed '1d; s/^  //' > "$1/emporium.rules.yaml"
}

ready() { curl -fsS "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null; }

case "${1:-}" in
    ensure)
        ensure
        log "$(promtool --version 2>&1 | head -1)"
        ;;
    rules)
        [[ -n "${2:-}" ]] || die "usage: $0 rules DIR"
        rules "$2"
        ;;
    start)
        target="${2:?usage: $0 start HOST:PORT [FOR]}"
        pending_for="${3:-}"
        if pid_running "$PID_FILE"; then log "Prometheus already running on $PROMETHEUS_PORT"; exit 0; fi
        port_open 127.0.0.1 "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT is taken by another process; set PROMETHEUS_PORT"
        ensure
        rm -rf "$PROMETHEUS_DIR/data"
        rules "$PROMETHEUS_DIR"
        if [[ -n $pending_for ]]; then
            [[ $pending_for =~ ^[0-9]+[smh]$ ]] || die "FOR must be a duration such as 5s, not $pending_for"
            sed -i "s/^\( *\)for: .*/\1for: $pending_for/" "$PROMETHEUS_DIR/emporium.rules.yaml"
        fi
        cat > "$PROMETHEUS_DIR/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - emporium.rules.yaml
scrape_configs:
  - job_name: emporium
    metrics_path: /metrics
    static_configs:
      - targets: ['$target']
YAML
        promtool check config "$PROMETHEUS_DIR/prometheus.yml" >/dev/null
        nohup prometheus --config.file="$PROMETHEUS_DIR/prometheus.yml" --storage.tsdb.path="$PROMETHEUS_DIR/data" \
            --storage.tsdb.retention.time=1h --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
            > "$PROMETHEUS_DIR/prometheus.log" 2>&1 &
        echo $! > "$PID_FILE"
        wait_for 60 "Prometheus on 127.0.0.1:$PROMETHEUS_PORT scraping $target" ready \
            || die "Prometheus did not come up; see $PROMETHEUS_DIR/prometheus.log"
        ;;
    stop)
        pid_stop "$PID_FILE" Prometheus
        ;;
    status)
        pid_running "$PID_FILE" && echo "Prometheus up on $PROMETHEUS_PORT" || { echo "Prometheus down"; exit 1; }
        ;;
    *)
        echo "usage: $0 ensure|rules DIR|start HOST:PORT [FOR]|stop|status" >&2; exit 2
        ;;
esac
