#!/usr/bin/env bash
# Reporting at scale (issue 11, benchmark 4): fills the running platform's reportingdb with the counters and
# histograms of TENANTS KIM bodies, CASES cases over MONTHS months, then measures p95 of every figure
# (GET /api/reports/… and the dashboard, straight at the reporting service) and prints a table.
#   ./kim up                                                         # terminal 1
#   bench/reporting/run.sh                                           # small: 5 tenants, 50,000 cases
#   TENANTS=53 CASES=1000000 bench/reporting/run.sh                  # North Rhine-Westphalia
# The data's tenants are bench-001 …; run it again to replace them. Honours KIM_PORT_OFFSET.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

tenants=${TENANTS:-5}
cases=${CASES:-50000}
months=${MONTHS:-60}
requests=${REQUESTS:-100}
offset=${KIM_PORT_OFFSET:-0}
reporting=http://127.0.0.1:$((8084 + offset))
pg_port=$((25432 + offset))
curl -fsS -o /dev/null "$reporting/health/ready" || { echo "start the platform first: ./kim up" >&2; exit 1; }
command -v psql >/dev/null || PATH=$PATH:$(ls -d /usr/lib/postgresql/*/bin | tail -1)

echo "generating ${tenants} tenants, ${cases} cases, ${months} months …" >&2
start=$(date +%s)
psql -q -h 127.0.0.1 -p "$pg_port" -U kim -d reportingdb -v tenants="$tenants" -v cases="$cases" -v months="$months" \
    -f bench/reporting/generate.sql
echo "generated in $(( $(date +%s) - start )) s" >&2

year=$(date +%Y)
month=$(date +%Y-%m)
figures=(
    "cases year|/api/reports/cases?period=$year"
    "cases month|/api/reports/cases?period=$month"
    "cases municipality|/api/reports/cases?period=$year&municipality=Kommune%203"
    "referrals|/api/reports/referrals?period=$year"
    "events|/api/reports/events?period=$year"
    "findings|/api/reports/findings?period=$year"
    "funder CSV|/api/reports/funding-year/$year.csv"
    "dashboard|/reports/dashboard?period=$year"
)
tokens=()
for t in $(seq 1 "$tenants"); do
    tokens+=("$(./kim token --tenant "$(printf 'bench-%03d' "$t")" --org ki-bench --role coordinator)")
done

printf '| figure | requests | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n'
for entry in "${figures[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    curl -fsS -o /dev/null -H "Authorization: Bearer ${tokens[0]}" "$reporting$path" # warm-up
    for i in $(seq 1 "$requests"); do
        token=${tokens[$(( i % tenants ))]}
        curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$reporting$path"
    done | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
        printf "| %s | %d | %.1f | %.1f | %.1f |\n", name, NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
done
