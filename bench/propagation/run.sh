#!/usr/bin/env bash
# Event propagation (issue 11, benchmark 3): p50 and p99 from a case's commit to its appearance in the reporting figures
# at fixed offered loads, against a raw RabbitMQ.Client publish→consume round trip at the same load. Prints a markdown
# table (bench/run.sh puts it into docs/benchmarks.md). Needs the stack that `./kim bench` starts, or one of
# `./kim up` with the gateway's per-user rate limit raised (KIM_BENCH_* are then derived from KIM_PORT_OFFSET).
#
#   bench/propagation/run.sh [--quick] [--rates 100,500] [--duration S]
#     --rates     offered loads in cases (and messages) per second, comma-separated (default 100,500)
#     --duration  seconds of load per rate (default 10; 5 with --quick)
#
# How it observes (Program.cs says the same in more detail): cases are opened through the gateway open loop at the
# rate; a case is committed when its 201 arrives, and it has appeared when the tenant's "new cases" counter in
# reportingdb (what the reports add up) has reached it, polled every millisecond by a separate reader.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/propagation

rates=100,500 duration=10
while (($#)); do
    case $1 in
        --quick) duration=5; shift ;;
        --rates) rates=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        *) echo "propagation: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ $rates =~ ^[0-9]+(,[0-9]+)*$ && $duration =~ ^[0-9]+$ ]] || { echo "propagation: numbers only" >&2; exit 2; }

offset=${KIM_PORT_OFFSET:-0}
gateway_port=${KIM_BENCH_GATEWAY_PORT:-$((8080 + offset))}
pg_port=${KIM_BENCH_PG_PORT:-$((25432 + offset))}
# The `up` profile's AMQP port is PostgreSQL's plus 240 (launcher/common.sh: 25432 and 25672, both moved by the offset).
amqp_port=${KIM_BENCH_AMQP_PORT:-$((pg_port + 240))}
export PGPASSWORD=${PGPASSWORD:-$(cat "$ROOT/.kim/db-owner-password" 2>/dev/null || true)}
curl -fsS -o /dev/null "http://127.0.0.1:$gateway_port/health/ready" || { echo "propagation: no stack on :$gateway_port" >&2; exit 1; }

echo "propagation: building the load generator" >&2
dotnet build "$HERE/Propagation.csproj" -c Release --nologo -v q -o "$ROOT/.kim/bench/propagation" >&2
tool=("dotnet" "$ROOT/.kim/bench/propagation/Propagation.dll")
reporting="Host=127.0.0.1;Port=$pg_port;Username=kim;Password=$PGPASSWORD;Database=reportingdb;Pooling=false"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

rows=()
IFS=, read -ra loads <<<"$rates"
for rate in "${loads[@]}"; do
    # A fresh tenant per rate: its counter starts at zero.
    tenant=kreis-bench-propagation-$rate-$(date +%s)
    token=$(cd "$ROOT" && KIM_PORT_OFFSET=$offset ./kim token --tenant "$tenant" --org stadt-bench --role case_manager --hours 1)
    echo "propagation: $rate cases/s for $duration s" >&2
    rows+=("$("${tool[@]}" cases "$rate" "$duration" "http://127.0.0.1:$gateway_port" "$token" "$tenant" "$reporting" || true)")
    echo "propagation: $rate messages/s for $duration s, raw RabbitMQ.Client" >&2
    rows+=("$("${tool[@]}" rabbitmq "$rate" "$duration" "amqp://guest:guest@127.0.0.1:$amqp_port/" || true)")
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

echo "| path | offered /s | achieved /s | delivered | p50 ms | p99 ms | max ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for row in "${rows[@]}"; do
    IFS=$'\t' read -r subject offered achieved count p50 p99 max <<<"$row"
    case $subject in
        cases) subject="case commit (201) → reporting's new-cases counter" ;;
        rabbitmq) subject="raw RabbitMQ.Client publish (confirmed, persistent) → consume" ;;
        *) subject="(failed: see .kim/bench/hooks.log)" ;;
    esac
    echo "| $subject | $offered | $achieved | $count | $p50 | $p99 | $max |"
done
echo
for rate in "${loads[@]}"; do
    awk -F'\t' -v rate="$rate" '$2 == rate && $1 == "cases" { cases = $6 } $2 == rate && $1 == "rabbitmq" { raw = $6 }
        END { if (cases != "" && raw + 0 > 0) printf "- p99 at %d/s: case to reporting %s ms, raw broker round trip %s ms (%.1f×)\n", rate, cases, raw, cases / raw }' \
        <(printf '%s\n' "${rows[@]}")
done
echo
echo "${duration} s of load per rate; load average (1, 5, 15 min) $load_start before, $load_end after. Target: p99 at most"
echo "100 ms at 500 cases/s. \"achieved\" is the acknowledged cases (or consumed messages) over the offered time: below the"
echo "offered rate, the write path could not keep up and the cases queued before their commit, which this latency does not"
echo "include. The case latency is paired by rank (n-th answered case, n-th increment of the counter) and polled every 1 ms."
