#!/usr/bin/env bash
# What the gateway costs: the same authenticated report request, straight to the reporting service and
# through the gateway (token check, rate limiter, YARP), measured with wrk in one run. The ratio is the result;
# absolute numbers depend on the machine. Needs a running stack whose per-user rate limit does not bite:
#   Gateway__RateLimit__PermitsPerMinutePerUser=100000000 ./kim up
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
if ! command -v wrk >/dev/null; then
    if [[ $EUID -eq 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; fi
fi
curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || { echo "start the platform first: ./kim up" >&2; exit 1; }

token=$(./kim token --tenant kreis-bench --org ki-bench --role coordinator)
run() { # run URL → requests per second; every answer must be a 200
    local out
    out=$(wrk -t2 -c"$connections" -d"$duration" -H "Authorization: Bearer $token" "$1")
    if grep -q "Non-2xx" <<<"$out"; then
        echo "$1 answered with errors (rate limit still on?):" >&2; echo "$out" >&2; exit 1
    fi
    awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

wrk -t2 -c"$connections" -d2s -H "Authorization: Bearer $token" http://127.0.0.1:8084/api/reports/cases >/dev/null # warm-up
direct=$(run http://127.0.0.1:8084/api/reports/cases)
gateway=$(run http://127.0.0.1:8080/api/reports/cases)
awk -v d="$direct" -v g="$gateway" 'BEGIN {
    printf "direct to reporting-api : %10.0f req/s\n", d
    printf "through the gateway     : %10.0f req/s\n", g
    printf "gateway / direct        : %10.2f\n", g / d }'
