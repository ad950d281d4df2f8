# shellcheck shell=bash disable=SC2153  # the profile's ports come from common.sh
# `./kim bench [--quick] [ARGS…]`: the benchmarks of bench/run.sh against a stack of the `up` profile that the bench
# starts itself (with the per-user rate limit out of the way) and stops again. Writes docs/benchmarks.md.

# ensure_bench_packages: wrk and nginx (Debian packages), installed the way ensure_packages installs PostgreSQL.
ensure_bench_packages() {
    local missing=() sudo=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
    ((${#missing[@]})) || return 0
    if ((EUID != 0)); then
        if ! { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; then
            die "missing packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
        fi
        sudo=(sudo -n)
    fi
    say "installing ${missing[*]} with apt-get"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
        || { "${sudo[@]}" apt-get update >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
    # Debian starts the packaged nginx on port 80; the bench runs its own instance and needs no other.
    if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then "${sudo[@]}" systemctl stop nginx || true; fi
}

cmd_bench() {
    load_profile up
    ensure_packages infra
    ensure_bench_packages
    ensure_secrets
    local name
    export KIM_BENCH_GATEWAY_PORT=$GATEWAY_PORT KIM_BENCH_PG_PORT=$PG_PORT KIM_BENCH_PG_BIN
    export KIM_BENCH_PIDS_FILE=$PIDS_FILE KIM_BENCH_STATE_DIR=$KIM_DIR/bench KIM_BENCH_RABBITMQ_VERSION
    export KIM_BENCH_PG_PIDFILE=$PG_DATA/postmaster.pid KIM_BENCH_RMQ_PIDFILE=$RMQ_PIDFILE   # CPU per process (--only write)
    # psql and pgbench sign in as the private instance's superuser, which needs its password (SCRAM) since kim's PostgreSQL trusts nobody.
    export PGPASSWORD=$DB_OWNER_PASSWORD
    KIM_BENCH_PG_BIN=$(pg_bin_dir)
    KIM_BENCH_RABBITMQ_VERSION=$(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null || echo unknown)
    for name in "${SERVICES[@]}"; do export "KIM_BENCH_PORT_${name//-/_}=${PORT[$name]}"; done
    "$ROOT/bench/run.sh" "$@"
}
