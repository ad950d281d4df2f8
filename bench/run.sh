#!/usr/bin/env bash
# The benchmarks behind `./kim bench` (run it through kim, which exports the KIM_BENCH_* settings of the `up` profile).
# Every figure is measured side by side with a reference in the same run on the same machine, and the ratios are the
# result; absolute numbers depend on the machine and on what else runs on it. Writes docs/benchmarks.md.
#
#   ./kim bench [--quick] [--duration S] [--connections N] [--offers N] [--profile] [--no-build]
#     --quick        about 3 minutes: 3 s per measurement, 30,000 offers (default: 10 s, 100,000 offers)
#     --duration     seconds per measurement
#     --connections  concurrent connections of wrk and pgbench (default 16)
#     --offers       offers generated for the directory search
#     --profile      also record dotnet-counters and a CPU sample (dotnet-trace) of the cases service under load, and of
#                    the gateway in an extra round of item 1
#     --only gateway run item 1 alone and print its figures and ratios (docs/benchmarks.md is left as it is)
#     --rounds N     interleaved rounds of item 1, the best counts (default 3, 2 with --quick)
#     --no-build     use the last Release build
#     --only write   only item 2 (and the footprint under its load); prints its figures and keeps them in
#                    .kim/bench/write.md instead of rewriting docs/benchmarks.md
#     --only directory  only item 3 (directory search and the portal's pages); prints its rows instead of writing docs/benchmarks.md
#     --propagation-rates R1,R2   offered loads of the event propagation part, cases/s (default 100,500)
#     --propagation-duration S    seconds of load per rate (default: 10, or 5 with --quick)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
[[ -n ${KIM_BENCH_GATEWAY_PORT:-} ]] || { echo "run the benchmarks with ./kim bench" >&2; exit 2; }

duration=10 connections=16 offers=100000 profile=0 build=1 mode=full rounds=3 only="" propagation_args=() rounds_given=
while (($#)); do
    case $1 in
        --quick) duration=3 offers=30000 mode=quick; rounds=${rounds_given:-2}; shift ;;
        --rounds) rounds=$2 rounds_given=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --offers) offers=$2; shift 2 ;;
        --profile) profile=1; shift ;;
        --no-build) build=0; shift ;;
        --only) only=$2; shift 2 ;;
        --propagation-rates) propagation_args+=(--rates "$2"); shift 2 ;;
        --propagation-duration) propagation_args+=(--duration "$2"); shift 2 ;;
        *) echo "bench: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ $duration =~ ^[0-9]+$ && $connections =~ ^[0-9]+$ && $offers =~ ^[0-9]+$ && $rounds =~ ^[1-9][0-9]*$ ]] \
    || { echo "bench: numbers only" >&2; exit 2; }
[[ -z $only || $only =~ ^(gateway|write|directory)$ ]] || { echo "bench: --only takes 'gateway', 'write' or 'directory'" >&2; exit 2; }

STATE=$KIM_BENCH_STATE_DIR
mkdir -p "$STATE"
export BENCH_LUA=$BENCH/lua
GW=http://127.0.0.1:$KIM_BENCH_GATEWAY_PORT
# shellcheck disable=SC2154  # KIM_BENCH_PORT_<service> come from launcher/bench.sh
PARTNERS=http://127.0.0.1:$KIM_BENCH_PORT_partners_api
# shellcheck disable=SC2154
CASES=http://127.0.0.1:$KIM_BENCH_PORT_cases_api
NGINX_PORT=$((KIM_BENCH_GATEWAY_PORT + 9))
PSQL=("$KIM_BENCH_PG_BIN/psql" -h 127.0.0.1 -p "$KIM_BENCH_PG_PORT" -U kim -v ON_ERROR_STOP=1 -qAt)
RESULTS=$STATE/results.tsv    # item, subject, rps, p50, p95, p99, note
: >"$RESULTS"

log() { printf '[bench] %s\n' "$*" >&2; }
record() { local IFS=$'\t'; echo "$*" >>"$RESULTS"; }
field() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$2"; }

cleanup() {
    if [[ -f $STATE/nginx.pid ]]; then kill "$(<"$STATE/nginx.pid")" 2>/dev/null || true; fi
    rm -f "$STATE/nginx.pid"
    if [[ -n ${UP_PID:-} ]]; then (cd "$ROOT" && ./kim down up >/dev/null 2>&1) || true; fi
}
trap cleanup EXIT

# wrk_run URL SCRIPT [wrk args…] → the BENCH line; fails when a request failed (a rate limit or an error).
wrk_run() {
    local url=$1 script=$2 out; shift 2
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$BENCH_LUA/$script" "$@" "$url")
    local line; line=$(grep '^BENCH' <<<"$out")
    [[ $(field failed "$line") == 0 ]] || { log "$url: failed requests"; echo "$out" >&2; exit 1; }
    echo "$line"
}
warm() { wrk -t1 -c4 -d2s --timeout 10s -s "$BENCH_LUA/$2" "${@:3}" "$1" >/dev/null; }

profile_tools() {
    export PATH=$PATH:$HOME/.dotnet/tools
    command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters >/dev/null
    command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace >/dev/null
}
span() { printf '00:00:%02d:%02d' $(($1 / 60)) $(($1 % 60)); }   # seconds as the tools' dd:hh:mm:ss
token() { (cd "$ROOT" && ./kim token --tenant "$1" --org "$2" --role "$3" --hours 2); }
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
stack_pids() { grep -v '^kim ' "$KIM_BENCH_PIDS_FILE"; }
# cpu_snapshot: "name ticks" of CPU time (user + system, clock ticks) per process of the stack, PostgreSQL's and
# RabbitMQ's processes (the server and its children), and the whole host (every CPU it has, other work included).
proc_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { # the process and its children
    local total; total=$(proc_ticks "$1")
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do total=$((total + $(proc_ticks "$child"))); done
    echo "$total"
}
cpu_snapshot() {
    while read -r name pid; do echo "$name $(proc_ticks "$pid")"; done < <(stack_pids)
    [[ -f ${KIM_BENCH_PG_PIDFILE:-} ]] && echo "postgresql $(tree_ticks "$(head -1 "$KIM_BENCH_PG_PIDFILE")")"
    [[ -f ${KIM_BENCH_RMQ_PIDFILE:-} ]] && echo "rabbitmq $(tree_ticks "$(<"$KIM_BENCH_RMQ_PIDFILE")")"
    echo "host $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)"
}
# cpu_report BEFORE AFTER SECONDS REQUESTS: per process, cores used and CPU ms per request.
cpu_report() {
    local hz; hz=$(getconf CLK_TCK)
    awk -v hz="$hz" -v s="$3" -v n="$4" 'FNR == NR { before[$1] = $2; next }
        { d = ($2 - before[$1]) / hz; printf "%s %.2f cores, %.1f ms/request\n", $1, d / s, 1000 * d / n }' "$1" "$2"
}

# ─── start: time from `./kim up --no-build` to healthy ────────────────────────────────────────────

if curl -fsS -o /dev/null "$GW/health/live" 2>/dev/null; then
    echo "bench: a stack already answers on $GW; stop it first (./kim down), the bench starts its own" >&2
    exit 1
fi
if ((build)); then
    log "building (Release)"
    (cd "$ROOT" && dotnet build KimPlatform.CI.slnf -c Release --nologo -v q >/dev/null)
fi
(cd "$ROOT" && ./kim down up >/dev/null 2>&1) || true
log "starting the stack"
export KIM_BENCH_LOAD_START
KIM_BENCH_LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s%N)
(cd "$ROOT" && Gateway__RateLimit__PermitsPerMinutePerUser=1000000000 Gateway__RateLimit__PermitsPerMinutePerTenant=1000000000 \
    Gateway__RateLimit__PermitsPerMinuteAnonymous=1000000000 \
    setsid ./kim up --no-build >"$STATE/up.log" 2>&1) &
UP_PID=$!
until curl -fsS -o /dev/null "$GW/health/ready" 2>/dev/null; do
    kill -0 "$UP_PID" 2>/dev/null || { tail -20 "$STATE/up.log" >&2; exit 1; }
    sleep 0.1
done
to_healthy=$(( ($(date +%s%N) - started) / 1000000 ))
log "healthy after ${to_healthy} ms"
record footprint "up to healthy" "" "" "" "" "${to_healthy} ms"
sleep 5
declare -A IDLE=()
while read -r name pid; do IDLE[$name]=$(rss_mib "$pid"); done < <(stack_pids)

if [[ $only != directory ]]; then
# ─── 1. gateway overhead ──────────────────────────────────────────────────────────────────────────

if [[ -z $only || $only == gateway ]]; then
    log "1. gateway overhead"
    COORD=$(token kreis-bench ki-bench coordinator)
    AUTH=(-H "Authorization: Bearer $COORD")
    cat >"$STATE/nginx.conf" <<EOF
worker_processes auto;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    upstream partners { server 127.0.0.1:$KIM_BENCH_PORT_partners_api; keepalive 64; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { proxy_pass http://partners; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
    }
}
EOF
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    "$NGINX" -p "$STATE" -c "$STATE/nginx.conf" -e "$STATE/nginx-error.log"
    PATH_CHEAP=/api/partners/organisations
    for target in "direct:$PARTNERS" "nginx:http://127.0.0.1:$NGINX_PORT" "gateway:$GW"; do
        warm "${target#*:}$PATH_CHEAP" get.lua "${AUTH[@]}"
    done
    # Interleaved rounds; the best round of each counts, since other work on the machine only ever slows a round down.
    # Throughput on a shared machine swings with its load, so each round also takes the CPU time the proxy (nginx's workers,
    # the gateway) and the partner service used per request, from /proc: a figure that other work disturbs far less.
    PARTNERS_PID=$(awk '$1 == "partners-api" { print $2 }' "$KIM_BENCH_PIDS_FILE")
    GATEWAY_PID=$(awk '$1 == "gateway" { print $2 }' "$KIM_BENCH_PIDS_FILE")
    # pgrep, not ps -o pid=: ps pads the pids with spaces, /proc/" 123"/stat does not exist, and nginx came out at 0 µs.
    mapfile -t NGINX_WORKERS < <(pgrep -P "$(<"$STATE/nginx.pid")")
    cpu_ticks() { local pid ticks=0; for pid in "$@"; do ticks=$((ticks + $(proc_ticks "$pid"))); done; echo "$ticks"; }
    per_request() { awk -v ticks="$1" -v hz="$(getconf CLK_TCK)" -v requests="$2" 'BEGIN { printf "%.0f", ticks * 1e6 / hz / requests }'; }
    declare -A BEST=() PROXY_US=() SERVICE_US=()
    for ((round = 1; round <= rounds; round++)); do
        for target in "direct:$PARTNERS" "nginx:http://127.0.0.1:$NGINX_PORT" "gateway:$GW"; do
            subject=${target%%:*}
            case $subject in direct) proxy=() ;; nginx) proxy=("${NGINX_WORKERS[@]}") ;; gateway) proxy=("$GATEWAY_PID") ;; esac
            proxy_before=$(cpu_ticks "${proxy[@]}") service_before=$(cpu_ticks "$PARTNERS_PID")
            line=$(wrk_run "${target#*:}$PATH_CHEAP" get.lua "${AUTH[@]}")
            requests=$(field requests "$line")
            line+=" proxy_us=$(per_request $(($(cpu_ticks "${proxy[@]}") - proxy_before)) "$requests")"
            line+=" service_us=$(per_request $(($(cpu_ticks "$PARTNERS_PID") - service_before)) "$requests")"
            log "   round $round, $subject: $line"
            if [[ -z ${BEST[$subject]:-} ]] || awk -v a="$(field rps "$line")" -v b="$(field rps "${BEST[$subject]}")" 'BEGIN { exit !(a > b) }'; then
                BEST[$subject]=$line
            fi
            PROXY_US[$subject]+=" $(field proxy_us "$line")" SERVICE_US[$subject]+=" $(field service_us "$line")"
        done
    done
    median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
    for subject in direct nginx gateway; do
        line=${BEST[$subject]}
        note="best of $rounds rounds; CPU per request (median of the rounds): partner service $(median "${SERVICE_US[$subject]}") µs"
        [[ $subject == direct ]] || note+=", $subject $(median "${PROXY_US[$subject]}") µs"
        record gateway "$subject" "$(field rps "$line")" "$(field p50 "$line")" "$(field p95 "$line")" "$(field p99 "$line")" "$note"
    done
    kill "$(<"$STATE/nginx.pid")" && rm -f "$STATE/nginx.pid"
    if ((profile)); then
        # Where the gateway's CPU goes: one more gateway round, with counters and a CPU sample of the gateway process.
        profile_tools
        dotnet-counters collect -p "$GATEWAY_PID" --format csv -o "$STATE/gateway-counters.csv" \
            --counters System.Runtime,Microsoft.AspNetCore.Hosting,System.Net.Http --duration "$(span "$duration")" >/dev/null &
        COUNTERS_PID=$!
        dotnet-trace collect -p "$GATEWAY_PID" --profile dotnet-sampled-thread-time --duration "$(span "$duration")" \
            -o "$STATE/gateway.nettrace" >/dev/null &
        TRACE_PID=$!
        sleep 1
        log "   profiled gateway round: $(wrk_run "$GW$PATH_CHEAP" get.lua "${AUTH[@]}")"
        wait "$COUNTERS_PID" "$TRACE_PID" 2>/dev/null || true
        dotnet-trace report "$STATE/gateway.nettrace" topN -n 40 --inclusive >"$STATE/gateway-top-inclusive.txt" 2>&1 || true
        dotnet-trace report "$STATE/gateway.nettrace" topN -n 40 >"$STATE/gateway-top-exclusive.txt" 2>&1 || true
        log "   gateway profile: $STATE/gateway-top-{inclusive,exclusive}.txt, counters $STATE/gateway-counters.csv"
    fi
    if [[ $only == gateway ]]; then
        value() { awk -F'\t' -v subject="$1" -v column="$2" '$1 == "gateway" && $2 == subject { print $column; exit }' "$RESULTS"; }
        printf '| subject | requests/s | p50 ms | p95 ms | p99 ms | note |\n| --- | ---: | ---: | ---: | ---: | --- |\n'
        for subject in direct nginx gateway; do
            printf '| %s | %s | %s | %s | %s | %s |\n' "$subject" "$(value "$subject" 3)" "$(value "$subject" 4)" "$(value "$subject" 5)" \
                "$(value "$subject" 6)" "$(value "$subject" 7)"
        done
        awk -v g="$(value gateway 3)" -v n="$(value nginx 3)" -v d="$(value direct 3)" -v gp="$(value gateway 6)" -v dp="$(value direct 6)" \
            -v np="$(value nginx 6)" 'BEGIN { printf "\ngateway/nginx %.2f, gateway/direct %.2f, nginx/direct %.2f; p99 added: gateway %+.2f ms, nginx %+.2f ms\n", g / n, g / d, n / d, gp - dp, np - dp }'
        echo "best of $rounds rounds of ${duration} s, ${connections} connections; load average at start ${KIM_BENCH_LOAD_START}, now $(cut -d' ' -f1-3 /proc/loadavg)"
        exit 0
    fi
fi

# ─── 2. write path: POST /api/cases against pgbench ───────────────────────────────────────────────

log "2. write path"
CM=$(token kreis-bench stadt-bench case_manager)
declare -A LOAD=()
sample_rss() { # the largest RSS per process until $STATE/write.done exists
    while [[ ! -f $STATE/write.done ]]; do
        while read -r name pid; do
            local now; now=$(rss_mib "$pid"); ((now > ${LOAD[$name]:-0})) && LOAD[$name]=$now
        done < <(stack_pids)
        sleep 0.5
    done
    declare -p LOAD >"$STATE/load-rss"
}
# The first requests of a fresh process JIT the whole write path and fill the connection pool: warm up with the full
# number of connections, longer than a quick measurement, so that the steady state is what gets measured.
wrk -t2 -c"$connections" -d"$((duration > 5 ? duration : 5))s" --timeout 10s -s "$BENCH_LUA/open-case.lua" \
    -H "Authorization: Bearer $CM" "$GW/api/cases" >/dev/null
CASES_PID=$(awk '$1 == "cases-api" { print $2 }' "$KIM_BENCH_PIDS_FILE")
# write_run SUBJECT URL: one measured run, recorded with the CPU each process used during it (in .kim/bench/cpu-*.txt).
write_run() {
    local file=$STATE/cpu-${1// /-}.txt
    cpu_snapshot >"$STATE/cpu-before"
    wrk_run "$2/api/cases" open-case.lua -H "Authorization: Bearer $CM" >"$STATE/write.line"
    cpu_snapshot >"$STATE/cpu-after"
    line=$(<"$STATE/write.line")
    [[ -n $line ]] || exit 1
    cpu_report "$STATE/cpu-before" "$STATE/cpu-after" "$duration" "$(awk -v r="$(field rps "$line")" -v s="$duration" 'BEGIN { print r * s }')" >"$file"
    record write "POST /api/cases ($1)" "$(field rps "$line")" "$(field p50 "$line")" "$(field p95 "$line")" "$(field p99 "$line")" \
        "CPU: $(awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $4 }' "$file") ms/request"
    log "   POST /api/cases ($1): $line"
}
rm -f "$STATE/write.done"
sample_rss &
SAMPLER_PID=$!
write_run gateway "$GW"
# The same load straight at the cases service: what the service costs without the gateway's hop.
write_run direct "$CASES"
touch "$STATE/write.done"
wait "$SAMPLER_PID"
if ((profile)); then
    # A third run through the gateway under dotnet-counters and a thread-time sample; its figures are not recorded,
    # because the sampling slows the process down.
    export PATH=$PATH:$HOME/.dotnet/tools
    command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters >/dev/null
    command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace >/dev/null
    dotnet-counters collect -p "$CASES_PID" --format csv -o "$STATE/cases-counters.csv" \
        --counters System.Runtime,Microsoft.AspNetCore.Hosting,Npgsql --duration "00:00:00:$(printf '%02d' "$duration")" >/dev/null &
    COUNTERS_PID=$!
    dotnet-trace collect -p "$CASES_PID" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' "$duration")" \
        -o "$STATE/cases.nettrace" >/dev/null &
    TRACE_PID=$!
    sleep 1
    line=$(wrk_run "$GW/api/cases" open-case.lua -H "Authorization: Bearer $CM")
    log "   POST /api/cases (gateway, profiled): $line"
    wait "$COUNTERS_PID" "$TRACE_PID" 2>/dev/null || true
    dotnet-trace report "$STATE/cases.nettrace" topN -n 40 --inclusive >"$STATE/cases-top-inclusive.txt" 2>&1 || true
    dotnet-trace report "$STATE/cases.nettrace" topN -n 40 >"$STATE/cases-top-exclusive.txt" 2>&1 || true
fi

# pgbench: the rows one opened case writes (case, audit entry, outbox message) in one transaction with the tenant
# setting, into scratch tables of a scratch database, over the same number of connections.
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS kim_bench" -c "CREATE DATABASE kim_bench"
"${PSQL[@]}" -d kim_bench <<'SQL'
CREATE TABLE bench_cases (id uuid PRIMARY KEY, tenant_id varchar(100) NOT NULL, organisation_id varchar(100) NOT NULL,
    phase varchar(20) NOT NULL, person jsonb NOT NULL, target_groups text[] NOT NULL, reachability varchar(20) NOT NULL,
    version bigint NOT NULL, opened_at timestamptz NOT NULL);
CREATE INDEX ON bench_cases (tenant_id, organisation_id);
CREATE TABLE bench_audit (id uuid PRIMARY KEY, case_id uuid NOT NULL, tenant_id varchar(100) NOT NULL, actor text NOT NULL,
    action text NOT NULL, at timestamptz NOT NULL);
CREATE TABLE bench_outbox (id uuid PRIMARY KEY, tenant_id varchar(100) NOT NULL, type text NOT NULL, payload jsonb NOT NULL,
    created_at timestamptz NOT NULL, published_at timestamptz);
SQL
cat >"$STATE/open-case.sql" <<'SQL'
\set y random(1950, 2005)
BEGIN;
SELECT set_config('kim.tenant_id', 'kreis-bench', true);
WITH c AS (INSERT INTO bench_cases VALUES (gen_random_uuid(), 'kreis-bench', 'stadt-bench', 'intake',
    jsonb_build_object('givenName', 'Olena', 'familyName', 'Koval', 'birthDate', :y || '-04-12', 'languages', jsonb_build_array('uk', 'de'),
        'residenceStatus', 'temporary-protection', 'municipality', 'Rietberg'),
    ARRAY['women'], 'medium', 1, now()) RETURNING id)
INSERT INTO bench_audit SELECT gen_random_uuid(), id, 'kreis-bench', 'user-1', 'open', now() FROM c;
INSERT INTO bench_outbox VALUES (gen_random_uuid(), 'kreis-bench', 'CaseOpened',
    jsonb_build_object('ageBand', '25-34', 'municipality', 'Rietberg', 'residenceStatus', 'temporary-protection'), now(), NULL);
COMMIT;
SQL
pgbench_run() { # pgbench_run SUBJECT: one timed pgbench of open-case.sql, recorded under SUBJECT
    local out tps latency
    out=$("$KIM_BENCH_PG_BIN/pgbench" -h 127.0.0.1 -p "$KIM_BENCH_PG_PORT" -U kim -n -c "$connections" -j 2 -T "$duration" \
        -f "$STATE/open-case.sql" kim_bench 2>&1)
    tps=$(awk '/^tps/ { print $3; exit }' <<<"$out")
    latency=$(awk '/latency average/ { print $4; exit }' <<<"$out")
    record write "$1" "$tps" "" "" "" "average latency ${latency} ms"
    log "   $1: $tps tps"
}
pgbench_run "pgbench, same rows and connections"
# The same again with the outbox's statement trigger (KimPlatform.Messaging OutboxSchema): a NOTIFY takes a
# database-wide lock from before the commit until after it, so notifying transactions commit one at a time.
"${PSQL[@]}" -d kim_bench -c "CREATE FUNCTION bench_notify() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN PERFORM pg_notify('kim_outbox', ''); RETURN NULL; END \$\$" \
    -c "CREATE TRIGGER bench_outbox_notify AFTER INSERT ON bench_outbox FOR EACH STATEMENT EXECUTE FUNCTION bench_notify()"
pgbench_run "pgbench, same rows and the outbox's NOTIFY trigger"
"${PSQL[@]}" -d postgres -c "DROP DATABASE kim_bench"
fi

if [[ $only == write ]]; then
    # shellcheck disable=SC1091
    source "$STATE/load-rss"
    value() { awk -F'\t' -v subject="$1" '$1 == "write" && $2 == subject { print $3; exit }' "$RESULTS"; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
    pgbench_tps=$(value "pgbench, same rows and connections")
    {
        echo "Write path, $(date -u '+%Y-%m-%d %H:%M UTC'), mode $mode (${duration} s, ${connections} connections), commit $(git -C "$ROOT" rev-parse --short HEAD)"
        echo "Load average at start: $KIM_BENCH_LOAD_START; now: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo
        echo "| subject | requests/s | p50 ms | p95 ms | p99 ms | / pgbench | note |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
        awk -F'\t' '$1 == "write" { print $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 }' "$RESULTS" |
            while IFS=$'\t' read -r subject rps p50 p95 p99 note; do
                echo "| $subject | $rps | $p50 | $p95 | $p99 | $(ratio "$rps" "$pgbench_tps") | $note |"
            done
        echo
        echo "cases-api RSS: ${IDLE[cases-api]} MiB idle, ${LOAD[cases-api]:-0} MiB under the write load"
    } | tee "$STATE/write.md"
    exit 0
fi

# ─── 3. directory search over generated offers ───────────────────────────────────────────────────

log "3. directory search over $offers offers"
DIR_TENANT=kreis-bench-directory
DIR_COORD=$(token $DIR_TENANT ki-bench coordinator)
DIR_STAFF=$(token $DIR_TENANT vhs-bench partner_staff)
"${PSQL[@]}" -d partnersdb -c "DELETE FROM offers WHERE tenant_id = '$DIR_TENANT'" -c "DELETE FROM organisations WHERE tenant_id = '$DIR_TENANT'"
curl -fsS -o /dev/null "$GW/api/partners/organisations" -H "Authorization: Bearer $DIR_COORD" -H 'Content-Type: application/json' \
    -d '{ "id": "vhs-bench", "name": "VHS Musterstadt", "kind": "other", "legalDomains": [], "languages": ["de", "ar"] }'
curl -fsS -o /dev/null "$GW/api/partners/offers" -H "Authorization: Bearer $DIR_STAFF" -H 'Content-Type: application/json' -d '{
  "title": { "de": "Integrationskurs am Vormittag", "ar": "دورة اندماج صباحية" },
  "description": { "de": "Deutsch lernen mit Kinderbetreuung in der Volkshochschule.", "ar": "تعلم الألمانية مع رعاية الأطفال." },
  "topics": ["language"], "targetGroups": ["women"], "languages": ["de", "ar"], "municipalities": ["Musterstadt"],
  "schedule": { "byAppointment": true }, "published": true }'
# Copies of the template with varied words, topics, languages and places; organisations the same way.
"${PSQL[@]}" -d partnersdb <<SQL
INSERT INTO organisations (tenant_id, id, name, kind, legal_domains, languages, version, registered_at, changed_at, address, contacts)
SELECT tenant_id, 'org-' || n, 'Träger ' || n, kind, legal_domains, languages, 1, now(), now(), address, contacts
FROM organisations, generate_series(1, 500) AS n WHERE tenant_id = '$DIR_TENANT' AND id = 'vhs-bench';
WITH words(w) AS (SELECT unnest(ARRAY['Sprachkurs', 'Beratung', 'Bewerbung', 'Wohnung', 'Gesundheit', 'Kita', 'Schule', 'Ausbildung',
    'Elterncafé', 'Nähwerkstatt', 'Fahrradkurs', 'Schwimmkurs', 'Hausaufgabenhilfe', 'Computerkurs', 'Müttercafé', 'Anerkennung',
    'Sprechstunde', 'Frauentreff', 'Jugendtreff', 'Sportgruppe', 'Musik', 'Theater', 'Kochen', 'Gartenprojekt', 'Patenschaft'])),
     w AS (SELECT array_agg(w) AS a FROM words),
     topics(t) AS (SELECT ARRAY['language','work','counselling','health','housing','education','family','mentoring','leisure']),
     places(p) AS (SELECT ARRAY['Gütersloh','Rietberg','Verl','Rheda-Wiedenbrück','Harsewinkel','Halle','Werther','Steinhagen']),
     langs(l) AS (SELECT ARRAY['ar','uk','fa','tr','ru','en'])
INSERT INTO offers (id, tenant_id, organisation_id, topics, target_groups, languages, municipalities, by_appointment, schedule_note,
    capacity, published, search_text, version, created_at, changed_at, accessibility, location, schedule, texts)
SELECT gen_random_uuid(), o.tenant_id, 'org-' || (1 + n % 500),
    ARRAY[t[1 + n % 9], t[1 + (n / 9) % 9]], o.target_groups, ARRAY['de', l[1 + n % 6]], ARRAY[p[1 + n % 8]],
    o.by_appointment, o.schedule_note, o.capacity, n % 10 <> 0,
    w.a[1 + n % 25] || ' ' || w.a[1 + (n / 25) % 25] || ' ' || w.a[1 + (n / 625) % 25] || ' ' || p[1 + n % 8] || ' ' || o.search_text,
    1, now(), now(), o.accessibility, o.location, o.schedule, o.texts
FROM offers o, w, topics, places, langs, generate_series(2, $offers) AS n
WHERE o.tenant_id = '$DIR_TENANT';
ANALYZE offers;
ANALYZE organisations;
SQL
log "   $("${PSQL[@]}" -d partnersdb -c "SELECT count(*) FROM offers WHERE tenant_id = '$DIR_TENANT'") offers stored"
declare -A QUERIES=(
    [text]="q=deutschkurs"
    [text-rare]="q=n%C3%A4hwerkstatt+fahrradkurs"
    [filters]="topic=language&municipality=Rietberg"
    [text+filter+lang]="q=beratung&language=ar&lang=ar"
    [browse]="page=3&pageSize=20"
)
all_queries=""
for kind in text text-rare filters text+filter+lang browse; do
    export BENCH_QUERIES="tenant=$DIR_TENANT&${QUERIES[$kind]}"
    all_queries+="${all_queries:+|}$BENCH_QUERIES"
    warm "$PARTNERS/api/partners/offers" directory.lua
    line=$(connections=2 wrk_run "$PARTNERS/api/partners/offers" directory.lua)
    record directory "$kind: ${QUERIES[$kind]}" "$(field rps "$line")" "$(field p50 "$line")" "$(field p95 "$line")" "$(field p99 "$line")" ""
    log "   $kind: $line"
done
# The portal's pages over the same offers: render time of the directory page, weight of each public page (bench/web).
WEB_PART=$("$BENCH/web/run.sh" "$DIR_TENANT" "$duration" 2>>"$STATE/hooks.log" || echo "(bench/web/run.sh failed; see .kim/bench/hooks.log)")
"${PSQL[@]}" -d partnersdb -c "DELETE FROM offers WHERE tenant_id = '$DIR_TENANT'" -c "DELETE FROM organisations WHERE tenant_id = '$DIR_TENANT'"

if [[ $only == directory ]]; then
    column -t -s $'\t' "$RESULTS"
    echo "$WEB_PART"
    exit 0
fi

# ─── 4. footprint ─────────────────────────────────────────────────────────────────────────────────

# shellcheck disable=SC1091
source "$STATE/load-rss"
idle_total=0 load_total=0
while read -r name _; do
    record footprint "$name" "" "" "" "" "${IDLE[$name]} MiB idle, ${LOAD[$name]:-0} MiB under the write load"
    idle_total=$((idle_total + IDLE[$name])); load_total=$((load_total + ${LOAD[$name]:-0}))
done < <(stack_pids)

# ─── hooks: measurements other parts of the repository provide ───────────────────────────────────

HOOKS=""
hook_args=()
[[ $mode == quick ]] && hook_args=(--quick)
for hook in "event propagation:$BENCH/propagation/run.sh" "reporting at scale:$BENCH/reporting/run.sh"; do
    name=${hook%%:*} script=${hook#*:}
    if [[ -x $script ]]; then
        log "$name: $script"
        args=("${hook_args[@]}")
        [[ $name == "event propagation" ]] && args+=("${propagation_args[@]}")
        HOOKS+=$'\n'"### ${name^}"$'\n\n'"$("$script" "${args[@]}" 2>>"$STATE/hooks.log" || echo "($script failed; see .kim/bench/hooks.log)")"$'\n'
    else
        HOOKS+=$'\n'"### ${name^}"$'\n\n'"Not measured: ${script#"$ROOT"/} is not in this checkout yet."$'\n'
    fi
done

HOOKS+=$'\n'"### The portal's pages"$'\n\n'"$WEB_PART"$'\n'

# ─── docs/benchmarks.md ──────────────────────────────────────────────────────────────────────────

export KIM_BENCH_LOAD_END
KIM_BENCH_LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
(cd "$ROOT" && ./kim down up >/dev/null 2>&1) || true
UP_PID=
"$BENCH/report.sh" "$RESULTS" "$mode" "$duration" "$connections" "$offers" "$idle_total" "$load_total" "$HOOKS" >"$ROOT/docs/benchmarks.md"
cat "$ROOT/docs/benchmarks.md"
