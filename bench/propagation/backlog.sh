#!/usr/bin/env bash
# Where the propagation's time goes (issue 11): writes N CaseOpened rows straight into the cases service's outbox in one
# transaction, for a fresh tenant, and follows them: how fast the dispatcher publishes them (outbox dispatched_at), how
# deep reporting's queue gets, how fast reporting's consumer applies them (its new-cases counter), and the CPU each
# process spent per message (/proc). Without the write path in front, it shows which side of the broker is slower.
# Needs a `./kim up` stack (KIM_PORT_OFFSET as for it); prints one line of figures and writes the samples to .kim/bench/.
#
#   bench/propagation/backlog.sh [N]     (default 1000)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-1000}
[[ $n =~ ^[0-9]+$ ]] || { echo "backlog: N must be a number" >&2; exit 2; }
offset=${KIM_PORT_OFFSET:-0}
pg_port=$((25432 + offset)) amqp_port=$((25672 + offset)) mgmt_port=$((25680 + offset))
export PGPASSWORD=${PGPASSWORD:-$(cat "$ROOT/.kim/db-owner-password")}
psql_at() { psql -h 127.0.0.1 -p "$pg_port" -U kim -qAt -d "$@"; }
listener() { ss -ltnp | grep ":$1 " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
service_pid() { awk -v name="$1" '$1 == name { print $2 }' "$ROOT/.kim/up/pids"; }

postgres=$(listener "$pg_port") rabbitmq=$(listener "$amqp_port")
cases=$(service_pid cases-api) reporting=$(service_pid reporting-api)
[[ -n $postgres && -n $rabbitmq && -n $cases && -n $reporting ]] || { echo "backlog: no ./kim up stack on offset $offset" >&2; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # user + system time in clock ticks (1/100 s)
postgres_ticks() { local sum=0 pid; for pid in "$postgres" $(pgrep -P "$postgres"); do sum=$((sum + $(ticks "$pid" 2>/dev/null || echo 0))); done; echo "$sum"; }
cpu() { echo "$(ticks "$cases") $(ticks "$reporting") $(postgres_ticks) $(ticks "$rabbitmq")"; }

tenant=kreis-bench-backlog-$(date +%s)
new_cases="SELECT coalesce(sum(value), 0) FROM counters WHERE tenant_id = '$tenant' AND figure = 'new'"
samples=$ROOT/.kim/bench/backlog-$tenant.tsv
mkdir -p "$(dirname "$samples")"
read -r cases0 reporting0 postgres0 rabbitmq0 <<<"$(cpu)"
started=$(date +%s.%N)
psql_at casesdb -c "
    INSERT INTO outbox_messages (id, message_type, payload, tenant_id, occurred_at)
    SELECT id, 'CaseOpened', jsonb_build_object(
        'eventId', id, 'caseId', gen_random_uuid(), 'tenantId', '$tenant', 'version', 1, 'replayId', null,
        'occurredAt', to_char(now() AT TIME ZONE 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"'),
        'municipality', (ARRAY['Rietberg', 'Verl', 'Gütersloh', 'Harsewinkel', 'Halle'])[1 + i % 5],
        'ageBand', '45-64', 'residenceStatus', 'temporary-protection', 'reachability', 'medium', 'targetGroups', jsonb_build_array('women'),
        'caseManagerId', '23e5fc98-dff6-41e1-a231-2d179302f612', 'organisationId', 'stadt-bench'), '$tenant', now()
    FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $n) AS i) AS rows"

# seconds since the insert, messages in reporting's case-opened queue (ready and unacknowledged, as the management API
# reports them: refreshed every 5 s), rows dispatched, cases counted in reporting
printf 'seconds\tqueued\tdispatched\tcounted\n' >"$samples"
counted=0 deadline=$((SECONDS + 300))
while ((counted < n && SECONDS < deadline)); do
    queued=$(curl -s -u guest:guest "http://127.0.0.1:$mgmt_port/api/queues/%2F/reporting-case-opened?columns=messages" | grep -o '[0-9]*' || echo "")
    dispatched=$(psql_at casesdb -c "SELECT count(*) FROM outbox_messages WHERE tenant_id = '$tenant' AND dispatched_at IS NOT NULL")
    counted=$(psql_at reportingdb -c "$new_cases")
    printf '%.1f\t%s\t%s\t%s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$queued" "$dispatched" "$counted" >>"$samples"
    sleep 0.5
done
finished=$(date +%s.%N)
read -r cases1 reporting1 postgres1 rabbitmq1 <<<"$(cpu)"

dispatch=$(psql_at casesdb -c "SELECT round(extract(epoch FROM max(dispatched_at) - min(occurred_at))::numeric, 1) FROM outbox_messages WHERE tenant_id = '$tenant'")
deepest=$(cut -f2 "$samples" | tail -n +2 | sort -n | tail -1)
awk -v n="$n" -v counted="$counted" -v wall="$(echo "$finished - $started" | bc)" -v dispatch="$dispatch" -v deepest="$deepest" \
    -v cases=$((cases1 - cases0)) -v reporting=$((reporting1 - reporting0)) -v postgres=$((postgres1 - postgres0)) -v rabbitmq=$((rabbitmq1 - rabbitmq0)) \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
        printf "%d CaseOpened: all dispatched after %.1f s (%.0f/s), %d counted after %.1f s (%.0f/s), queue at most %s; ", n, dispatch, n / dispatch, counted, wall, counted / wall, deepest
        printf "CPU ms per message: cases (dispatcher) %.2f, reporting %.2f, PostgreSQL %.2f, RabbitMQ %.2f; load average %s\n", cases * 10 / n, reporting * 10 / n, postgres * 10 / n, rabbitmq * 10 / n, load
    }'
echo "samples: $samples" >&2
