#!/usr/bin/env bash
# Reporting at scale (issue 11, benchmark 4): fills the running platform's reportingdb with the counters and
# histograms of TENANTS KIM bodies, CASES cases over MONTHS months, then measures p95 of every figure
# (GET /api/reports/… and the dashboard, straight at the reporting service) and prints a table. Each figure is also
# given as a ratio to a reference measured in the same run: GET /health/ready of the same service (an HTTP round trip
# with a `SELECT 1`), so that runs on a busy machine can be compared; the load average is printed with the table.
# Every figure is asked once per tenant before it is measured, so the plain rows are answers from the service's cube
# cache; the rows "after a write" move the tenant's counter version of this year before each request (as a consumer's
# commit does), the rows "cold" every year's.
#   ./kim up                                                         # terminal 1
#   bench/reporting/run.sh                                           # small: 5 tenants, 50,000 cases
#   TENANTS=53 CASES=1000000 bench/reporting/run.sh                  # North Rhine-Westphalia
# The data's tenants are bench-001 …; run it again to replace them (GENERATE=0 measures the data already there).
# Honours KIM_PORT_OFFSET.
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
export PGPASSWORD=${PGPASSWORD:-$(cat .kim/db-owner-password)}

if [[ ${GENERATE:-1} == 1 ]]; then
    echo "generating ${tenants} tenants, ${cases} cases, ${months} months …" >&2
    start=$(date +%s)
    psql -q -h 127.0.0.1 -p "$pg_port" -U kim -d reportingdb -v tenants="$tenants" -v cases="$cases" -v months="$months" \
        -f bench/reporting/generate.sql
    echo "generated in $(( $(date +%s) - start )) s" >&2
fi

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
    "cases year, after a write|/api/reports/cases?period=$year"
    "referrals, after a write|/api/reports/referrals?period=$year"
    "dashboard, after a write|/reports/dashboard?period=$year"
    "cases year, cold|/api/reports/cases?period=$year"
    "dashboard, cold|/reports/dashboard?period=$year"
)
tokens=()
for t in $(seq 1 "$tenants"); do
    tokens+=("$(./kim token --tenant "$(printf 'bench-%03d' "$t")" --org ki-bench --role coordinator)")
done

measure() { # name path token… → one sorted column of milliseconds
    local name=$1 path=$2 i
    shift 2
    local tokens_=("$@")
    # Warm-up: one answer per tenant, so that the rows without a write measure answers from cached cubes.
    for i in "${!tokens_[@]}"; do curl -fsS -o /dev/null -H "Authorization: Bearer ${tokens_[$i]}" "$reporting$path"; done
    for i in $(seq 1 "$requests"); do
        # "after a write": a counter of this year changed just before (as the consumers' triggers would mark it), so
        # the service builds this year's cubes again while the years before stay cached; "cold": every year changed.
        local years="year = $year"
        [[ $name == *", cold" ]] && years="true"
        if [[ $name == *", after a write" || $name == *", cold" ]]; then
            psql -q -h 127.0.0.1 -p "$pg_port" -U kim -d reportingdb -c "UPDATE counter_versions SET version = nextval('counter_version_numbers')
                WHERE tenant_id = '$(printf 'bench-%03d' $(( i % ${#tokens_[@]} + 1 )))' AND $years" >/dev/null
        fi
        curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer ${tokens_[$(( i % ${#tokens_[@]} ))]}" "$reporting$path"
    done | sort -n | awk '{ printf "%.1f\n", $1 * 1000 }'
}
p95() { awk '{ t[NR] = $1 } END { i = int(NR * 0.95); print t[i < 1 ? 1 : i] }'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
reference=$(measure reference /health/ready "${tokens[@]}")
reference_p95=$(p95 <<<"$reference")
printf '| figure | requests | p50 ms | p95 ms | max ms | p95 / reference p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
row() {
    awk -v name="$1" -v ref="$2" '{ t[NR] = $1 } END {
        i = int(NR * 0.95); p95 = t[i < 1 ? 1 : i]; j = int(NR * 0.5)
        printf "| %s | %d | %.1f | %.1f | %.1f | %.2f |\n", name, NR, t[j < 1 ? 1 : j], p95, t[NR], p95 / ref }'
}
row "reference: /health/ready (SELECT 1)" "$reference_p95" <<<"$reference"
for entry in "${figures[@]}"; do
    row "${entry%%|*}" "$reference_p95" < <(measure "${entry%%|*}" "${entry#*|}" "${tokens[@]}")
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
