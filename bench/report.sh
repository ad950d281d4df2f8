#!/usr/bin/env bash
# report.sh RESULTS MODE DURATION CONNECTIONS OFFERS IDLE_MIB LOAD_MIB HOOKS: docs/benchmarks.md from the results of
# bench/run.sh (tab-separated: item, subject, requests/s, p50, p95, p99 in ms, note).
set -euo pipefail
results=$1 mode=$2 duration=$3 connections=$4 offers=$5 idle=$6 load=$7 hooks=$8

value() { awk -F'\t' -v item="$1" -v subject="$2" -v column="$3" '$1 == item && $2 == subject { print $column; exit }' "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f ms", a - b }'; }

direct_rps=$(value gateway direct 3) nginx_rps=$(value gateway nginx 3) gateway_rps=$(value gateway gateway 3)
direct_p99=$(value gateway direct 6) nginx_p99=$(value gateway nginx 6) gateway_p99=$(value gateway gateway 6)
cases_rps=$(value write "POST /api/cases (gateway)" 3) pgbench_tps=$(value write "pgbench, same rows and connections" 3)
cases_direct_rps=$(value write "POST /api/cases (direct)" 3)
notify_tps=$(value write "pgbench, same rows and the outbox's NOTIFY trigger" 3)
healthy_ms=$(awk -F'\t' '$1 == "footprint" && $2 == "up to healthy" { print $7 + 0; exit }' "$results")
directory_p95=$(awk -F'\t' '$1 == "directory" && $5 > worst { worst = $5 } END { print worst + 0 }' "$results")

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
pg_version=$("$KIM_BENCH_PG_BIN/postgres" --version | awk '{ print $3 }')
nginx_version=$( (nginx -v 2>&1 || /usr/sbin/nginx -v 2>&1) | sed 's/.*nginx\///')
wrk_version=$( (wrk -v 2>&1 || true) | awk 'NR == 1 { print $2 }')

cat <<EOF
# Benchmarks

Written by \`./kim bench\` (bench/run.sh; README in bench/README.md). Each ratio compares two figures measured side by side
in the same run on the same machine; the absolute figures depend on the machine and on whatever else it runs.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), mode \`$mode\` (${duration} s per measurement, ${connections} connections, ${offers} offers)
- Machine: $(nproc) cores ($cpu), $memory memory, $(uname -sr)
- Versions: .NET $(dotnet --version), PostgreSQL $pg_version, RabbitMQ $KIM_BENCH_RABBITMQ_VERSION, nginx $nginx_version, wrk $wrk_version, commit $(git -C "$(dirname "$0")/.." rev-parse --short HEAD)
- wrk, PostgreSQL, RabbitMQ, nginx and the five .NET processes share the same cores. Load average (1, 5, 15 min) when
  the stack started: ${KIM_BENCH_LOAD_START:-?}; before it stopped: ${KIM_BENCH_LOAD_END:-?}. A load above the core count means other
  work competed for the cores, and the absolute figures are then lower than the machine can do.

## Ratios

| measure | ratio | target |
| --- | --- | --- |
| gateway throughput / nginx throughput | $(ratio "$gateway_rps" "$nginx_rps") | ≥ 1.00 |
| gateway throughput / direct throughput | $(ratio "$gateway_rps" "$direct_rps") | |
| nginx throughput / direct throughput | $(ratio "$nginx_rps" "$direct_rps") | |
| p99 added by the gateway (vs direct) | $(minus "$gateway_p99" "$direct_p99") | ≤ +1 ms |
| p99 added by nginx (vs direct) | $(minus "$nginx_p99" "$direct_p99") | |
| \`POST /api/cases\` requests/s / pgbench transactions/s | $(ratio "$cases_rps" "$pgbench_tps") | ≥ 0.20 |
| \`POST /api/cases\` straight at the cases service / pgbench | $(ratio "$cases_direct_rps" "$pgbench_tps") | |
| \`POST /api/cases\` requests/s / pgbench with the outbox's NOTIFY trigger | $(ratio "$cases_rps" "$notify_tps") | |
| pgbench with the NOTIFY trigger / without | $(ratio "$notify_tps" "$pgbench_tps") | |
| directory search: slowest query's p95 / 20 ms | $(ratio "$directory_p95" 20) | ≤ 1.00 |
| five processes idle: RSS / 1 GiB | $(ratio "$idle" 1024) | ≤ 1.00 |
| \`./kim up\` (built) to healthy / 20 s | $(ratio "$healthy_ms" 20000) | ≤ 1.00 |

## Figures

| item | subject | requests/s | p50 ms | p95 ms | p99 ms | note |
| --- | --- | ---: | ---: | ---: | ---: | --- |
$(awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$results")
| footprint | all five | | | | | $idle MiB idle, $load MiB under the write load |

1. **Gateway overhead**: \`GET /api/partners/organisations\` with a coordinator's token (a token check and one small
   tenant-scoped query), straight to the partner service, through nginx (keep-alive upstream) and through the gateway.
2. **Write path**: \`POST /api/cases\` through the gateway and straight at the cases service (the note gives the CPU each
   process used per request) with varied valid bodies (bench/lua/open-case.lua), against
   pgbench inserting the rows one opened case writes (case, audit entry, outbox message, with the tenant setting) into
   scratch tables, over the same number of connections.
3. **Directory search**: anonymous queries straight to the partner service over offers generated in partnersdb (a scratch
   tenant, removed afterwards), two connections.
4. **Footprint**: VmRSS from /proc, 5 s after healthy and the largest sample during the write load; time from starting
   \`./kim up --no-build\` (infrastructure stopped) to the gateway's \`/health/ready\`.

## Measurements from other parts
$hooks
EOF
