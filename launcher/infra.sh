# shellcheck shell=bash disable=SC2153  # PROFILE and the topology come from common.sh
# Infrastructure of a profile from the operating system's packages, no containers: PostgreSQL and
# RabbitMQ in private data folders on loopback ports, plus `./kim infra` for IDE test runs.

# ─── packages ─────────────────────────────────────────────────────────────────────────────────

pg_bin_dir() {
    local pg_ctl
    pg_ctl=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
    [[ -x $pg_ctl ]] && dirname "$pg_ctl"
}

# Debian's /usr/sbin wrappers switch to the rabbitmq user when called as root; other users run the
# real scripts directly (the node then runs as that user, with that user's Erlang cookie).
rabbit_cmd() {
    local name=$1
    if ((EUID == 0)) && [[ -x /usr/sbin/$name ]]; then echo "/usr/sbin/$name"
    elif [[ -x /usr/lib/rabbitmq/bin/$name ]]; then echo "/usr/lib/rabbitmq/bin/$name"
    else command -v "$name" 2>/dev/null
    fi
}

# ensure_packages [infra]: make sure openssl (and, with "infra", PostgreSQL, RabbitMQ and curl) exist.
ensure_packages() {
    local missing=() sudo=()
    command -v openssl >/dev/null || missing+=(openssl)
    if [[ ${1:-} == infra ]]; then
        [[ -n $(pg_bin_dir) ]] || missing+=(postgresql)
        [[ -n $(rabbit_cmd rabbitmq-server) ]] || missing+=(rabbitmq-server)
        command -v curl >/dev/null || missing+=(curl)
        # The calendar tests parse iCalendar with ical.js, a real client, run by Node.
        command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
        # The web app's browser tests drive Debian's Chromium (Playwright cannot download a browser here).
        [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    fi
    ((${#missing[@]})) || return 0

    if ((EUID != 0)); then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            say "missing packages: ${missing[*]}. Install them with:"
            echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi
    command -v apt-get >/dev/null || die "missing packages: ${missing[*]} (and no apt-get here; install them by hand)"

    say "installing ${missing[*]} with apt-get"
    local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}")
    # (apt's output goes to stderr: stdout of `./kim infra` and `./kim token` is meant for eval/capture)
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        "${sudo[@]}" apt-get update >&2
    fi
    if ! "${install[@]}" >&2; then
        say "apt-get install failed; running apt-get update and trying again"
        "${sudo[@]}" apt-get update >&2
        "${install[@]}" >&2
    fi
}

# The postgres and rabbitmq users need to reach their folders. Under a private home (/root is 0700)
# they cannot, so the data then lives in /var/tmp instead (same layout, one folder per checkout).
resolve_infra_dir() {
    INFRA_DIR=$STATE_DIR
    if ((EUID == 0)) && ! infra_dir_reachable "$ROOT"; then
        INFRA_DIR=/var/tmp/kim-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)/$PROFILE
    fi
    PG_DIR=$INFRA_DIR/postgres
    PG_DATA=$PG_DIR/data
    RMQ_DIR=$INFRA_DIR/rabbitmq
    RMQ_PIDFILE=$RMQ_DIR/rabbitmq.pid
}

infra_dir_reachable() {
    local user
    for user in postgres rabbitmq; do
        id "$user" >/dev/null 2>&1 || continue
        runuser -u "$user" -- test -x "$1" 2>/dev/null || return 1
    done
}

# ─── PostgreSQL ───────────────────────────────────────────────────────────────────────────────

pg_running() {
    local bin; bin=$(pg_bin_dir) || return 1
    [[ -f $PG_DATA/postmaster.pid ]] && run_as postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_start() {
    local bin t0 locale=(--no-locale)
    t0=$(now_ms)
    bin=$(pg_bin_dir) || die "PostgreSQL is not installed"
    locale -a 2>/dev/null | grep -qixE 'c\.utf-?8' && locale=(--locale=C.UTF-8)
    mkdir -p "$PG_DIR"
    own postgres "$PG_DIR"
    if [[ ! -s $PG_DATA/PG_VERSION ]]; then
        # The superuser's password goes in through a file only postgres can read, never on a command line.
        local pwfile=$PG_DIR/initdb.pw
        (umask 077 && echo "$DB_OWNER_PASSWORD" >"$pwfile")
        own postgres "$pwfile"
        if ! run_as postgres "$bin/initdb" -D "$PG_DATA" -U kim --pwfile="$pwfile" --auth-host=scram-sha-256 \
            --auth-local=peer -E UTF8 "${locale[@]}" >"$PG_DIR/initdb.log" 2>&1; then
            rm -f "$pwfile"
            tail -n 30 "$PG_DIR/initdb.log" >&2
            die "initdb failed (log: $PG_DIR/initdb.log)"
        fi
        rm -f "$pwfile"
    fi
    # No Unix socket (-k ''): clients use TCP, and long checkout paths cannot break the socket path.
    if ! run_as postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k '' -c listen_addresses=127.0.0.1 ${PG_OPTIONS[*]}" start >/dev/null; then
        tail -n 30 "$PG_DIR/postgres.log" >&2
        die "PostgreSQL did not start (log: $PG_DIR/postgres.log)"
    fi
    pg_require_password "$bin"
    say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$PG_PORT in $(elapsed "$t0")"
}

# pg_require_password BIN: every TCP connection needs the password (SCRAM). A data folder made before kim
# set one (it trusted every local user) gets the password set and its trust lines replaced, once.
pg_require_password() {
    local bin=$1 hba=$PG_DATA/pg_hba.conf
    grep -qE '^[[:space:]]*host.*[[:space:]]trust([[:space:]]|$)' "$hba" || return 0
    say "PostgreSQL in $PG_DATA trusted every local user: setting the password from .kim/ and requiring it"
    printf "ALTER ROLE kim PASSWORD '%s';\n" "$DB_OWNER_PASSWORD" \
        | run_as postgres "$bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U kim -d postgres >/dev/null \
        || die "could not set the PostgreSQL password (log: $PG_DIR/postgres.log)"
    cat >"$hba" <<'EOF'
# Written by kim: no Unix socket is opened, and every TCP connection signs in with a password.
local all all peer
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128      scram-sha-256
EOF
    own postgres "$hba"
    run_as postgres "$bin/pg_ctl" -D "$PG_DATA" reload >/dev/null
}

pg_stop() {
    pg_running || return 0
    run_as postgres "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null \
        && say "PostgreSQL stopped"
}

# ─── RabbitMQ ─────────────────────────────────────────────────────────────────────────────────

rabbitmqctl() { "$(rabbit_cmd rabbitmqctl)" -n "$NODE" "$@"; }

rabbit_running() { [[ -s $RMQ_PIDFILE ]] && alive "$(<"$RMQ_PIDFILE")"; }

# The node and every CLI call must share one Erlang cookie; create it before either starts so that
# they cannot race to create two different ones.
ensure_erlang_cookie() {
    local user=rabbitmq home
    ((EUID == 0)) || user=$(id -un)
    home=$(getent passwd "$user" | cut -d: -f6)
    [[ -n $home && -d $home && ! -s $home/.erlang.cookie ]] || return 0
    (umask 077 && openssl rand -hex 20 | tr a-f A-F >"$home/.erlang.cookie")
    chmod 400 "$home/.erlang.cookie"
    own "$user" "$home/.erlang.cookie"
}

rabbit_launch() {
    RMQ_T0=$(now_ms)
    local server; server=$(rabbit_cmd rabbitmq-server) || die "RabbitMQ is not installed"
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
    cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.port = $MGMT_PORT
management.tcp.ip = 127.0.0.1
EOF
    echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
    : >"$RMQ_DIR/rabbitmq-env.conf"   # keep /etc/rabbitmq/rabbitmq-env.conf out of our node
    own rabbitmq "$RMQ_DIR"
    ensure_erlang_cookie
    # epmd is shared by all Erlang nodes; remember whether we started it so that we can end it.
    if ! epmd -names >/dev/null 2>&1; then touch "$STATE_DIR/epmd-started"; fi
    (
        export RABBITMQ_NODENAME=$NODE \
            RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia \
            RABBITMQ_LOG_BASE=$RMQ_DIR/log \
            RABBITMQ_PID_FILE=$RMQ_PIDFILE \
            RABBITMQ_FEATURE_FLAGS_FILE=$RMQ_DIR/feature_flags \
            RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins \
            RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf \
            RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_DIR/advanced.config \
            RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf \
            RABBITMQ_DIST_PORT=$DIST_PORT \
            ERL_EPMD_ADDRESS=127.0.0.1 \
            RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        exec setsid "$server"   # own session: a Ctrl+C in the terminal reaches only this script
    ) </dev/null >"$RMQ_DIR/log/console.log" 2>&1 &
    RMQ_LAUNCH_PID=$!
}

rabbit_wait() {
    local waiter
    rabbitmqctl wait "$RMQ_PIDFILE" --timeout 90 >"$RMQ_DIR/log/wait.log" 2>&1 &
    waiter=$!
    while alive "$waiter"; do
        if ! alive "$RMQ_LAUNCH_PID"; then kill "$waiter" 2>/dev/null || true; break; fi
        sleep 0.2
    done
    if ! wait "$waiter" 2>/dev/null; then
        tail -n 30 "$RMQ_DIR/log/console.log" "$RMQ_DIR/log/wait.log" "$RMQ_DIR/log/$NODE.log" >&2 2>/dev/null || true
        die "RabbitMQ node $NODE did not start (logs: $RMQ_DIR/log/)"
    fi
    say "RabbitMQ $(rabbit_version) ready on 127.0.0.1:$AMQP_PORT (management $MGMT_PORT, node $NODE) in $(elapsed "$RMQ_T0")"
}

rabbit_version() { dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null || echo "?"; }

rabbit_stop() {
    if rabbit_running; then
        local pid; pid=$(<"$RMQ_PIDFILE")
        rabbitmqctl stop "$RMQ_PIDFILE" >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + 20))
        while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
        alive "$pid" && kill -KILL "$pid" 2>/dev/null
        say "RabbitMQ stopped"
    fi
    rm -f "$RMQ_PIDFILE"
    # End epmd if one of our profiles started it and no node is registered with it any more.
    if compgen -G "$KIM_DIR/*/epmd-started" >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
        epmd -kill >/dev/null 2>&1 || true
        rm -f "$KIM_DIR"/*/epmd-started
    fi
}

# ─── broker users, one per service ────────────────────────────────────────────────────────────

# Each service connects as its own user (name = the service without -api), whose permissions on the stack's vhost
# follow from conventions, so a new event or consumer needs no edit here:
#   - its queues (and MassTransit's exchange of the same name, _error and _skipped) start with "<service>-";
#   - it publishes (write) the types declared in src/BuildingBlocks/KimPlatform.Contracts/<Service>Events.cs
#     (cases → CaseEvents.cs), the same table as IntegrationEventOwners;
#   - it also sends the `…Requested` requests declared in <Service>Requests.cs (cases → CaseRequests.cs);
#   - it reads the types its consumers in src/<Project>/IntegrationEvents/ consume;
#   - it may declare (configure) both, and declare and write MassTransit's own exchanges (faults: nobody reads them);
#   - request replies go to the asking process's temporary bus endpoint (MassTransit names it `<host>_<process>_bus_<id>`):
#     every service may declare and read its own and write an answer to another's.
# guest keeps full rights on loopback: the tests use it to make virtual hosts of their own.
broker_user() { local service; service=$(service_of "$1"); echo "${service%-api}"; }
broker_password_file() { echo "$KIM_DIR/broker/$(broker_user "$1")"; }

broker_event_types() { # broker_event_types FILE...: the integration events those files declare, as a|b|c
    grep -ohE '(sealed record [A-Za-z]+ : (Aggregate|Integration)Event|(InboxConsumer|IConsumer)<[A-Za-z]+)' "$@" 2>/dev/null \
        | sed -E 's/sealed record ([A-Za-z]+) .*/\1/; s/.*<//' | sort -u | paste -sd'|' -
}

broker_permissions() { # broker_permissions SERVICE: configure, write and read regexes as a JSON object
    local name=$1 user owned consumed singular
    user=$(broker_user "$name")
    singular=${user%s}
    owned=$(broker_event_types "$ROOT/src/BuildingBlocks/KimPlatform.Contracts/${singular^}Events.cs")
    local requests
    requests=$(grep -ohE 'sealed record [A-Za-z]+Requested\b' "$ROOT/src/BuildingBlocks/KimPlatform.Contracts/${singular^}Requests.cs" 2>/dev/null \
        | sed -E 's/sealed record //' | sort -u | paste -sd'|' - || true)
    owned=${owned}${requests:+${owned:+|}$requests}
    consumed=$(broker_event_types "$ROOT/src/${PROJECT[$name]}"/IntegrationEvents/*.cs)
    local own="$user-.*|.*_bus_.*" types="KimPlatform\\\\.Contracts:" fault="MassTransit:.*"
    local configure="^($own|$fault${owned:+|$types($owned)}${consumed:+|$types($consumed)})\$"
    local write="^($own|$fault${owned:+|$types($owned)})\$"
    local read="^($own${consumed:+|$types($consumed)})\$"
    printf '{"configure":"%s","write":"%s","read":"%s"}' "$configure" "$write" "$read"
}

rabbit_api() { # rabbit_api METHOD PATH: the management API as guest, the JSON body on stdin
    curl -fsS --retry 20 --retry-connrefused --retry-delay 1 -u guest:guest -X "$1" -H 'content-type: application/json' \
        --data-binary @- "http://127.0.0.1:$MGMT_PORT/api/$2" >/dev/null
}

rabbit_users() {
    local name user file
    mkdir -p "$KIM_DIR/broker"
    chmod 700 "$KIM_DIR/broker"
    for name in "${SERVICES[@]}"; do
        [[ -n ${DATABASE[$name]:-} ]] || continue
        user=$(broker_user "$name")
        file=$(broker_password_file "$name")
        [[ -s $file ]] || (umask 077 && openssl rand -hex 24 >"$file")
        # Passwords go to the API on stdin, never on a command line.
        printf '{"password":"%s","tags":""}' "$(<"$file")" | rabbit_api PUT "users/$user" \
            || die "could not create the broker user $user"
        broker_permissions "$name" | rabbit_api PUT "permissions/%2F/$user" \
            || die "could not set the broker permissions of $user"
    done
    # `./kim requeue-errors` (as guest) puts a parked message back with the user-id of the service that sent it.
    rabbitmqctl set_user_tags guest administrator impersonator >/dev/null || die "could not tag guest as impersonator"
    say "RabbitMQ users $(for name in "${SERVICES[@]}"; do [[ -n ${DATABASE[$name]:-} ]] && printf '%s ' "$(broker_user "$name")"; done)with their own permissions"
}

# ─── infrastructure of a profile ──────────────────────────────────────────────────────────────

infra_start() {
    mkdir -p "$LOG_DIR" "$INFRA_DIR"
    # The postgres and rabbitmq users must be able to pass through (whatever root's umask is).
    ((EUID == 0)) && chmod 755 "$KIM_DIR" "$STATE_DIR" "$(dirname "$INFRA_DIR")" "$INFRA_DIR"
    [[ $INFRA_DIR == "$STATE_DIR" ]] || say "data of postgres/rabbitmq in $INFRA_DIR ($ROOT is private to root)"
    rabbit_launch        # RabbitMQ boots for seconds: start it first, PostgreSQL meanwhile
    pg_start
    rabbit_wait
    rabbit_users
}

infra_stop() {
    rabbit_stop || true
    pg_stop || true
}

infra_running() { pg_running || rabbit_running; }

# wipe_profile: remove a profile's folder (test starts from nothing every run).
wipe_profile() {
    rm -rf "$STATE_DIR"
    [[ $INFRA_DIR == "$STATE_DIR" ]] || rm -rf "$INFRA_DIR"
}

cmd_infra() {
    local profile=${1:-} action=${2:-start}
    [[ -n $profile ]] || die "usage: ./kim infra up|test [start|stop|env]"
    load_profile "$profile"
    case $action in
        start)
            ensure_packages infra
            resolve_infra_dir   # again: after installing, the service users exist
            ensure_secrets
            if infra_running; then
                say "$profile infrastructure is already running"
            else
                [[ $profile == test ]] && wipe_profile
                check_ports_free
                infra_start
            fi
            print_environment
            say "stop it with: ./kim infra $profile stop"
            ;;
        stop) infra_stop ;;
        env) ensure_secrets; print_environment ;;
        *) die "usage: ./kim infra up|test [start|stop|env]" ;;
    esac
}

