# shellcheck shell=bash disable=SC2034  # the settings here are read by the other parts
# Shared by every part of kim: output helpers, process checks, apt packages, secrets, profiles and
# the topology read from launcher/services. Sourced by ../kim, which sets ROOT and LAUNCHER.

KIM_DIR=$ROOT/.kim
SIGNING_KEY_FILE=$KIM_DIR/dev-signing-key
PSEUDONYM_KEY_FILE=$KIM_DIR/reporting-pseudonym-key   # the secret of reporting's keyed hashes of case ids
DB_PASSWORD_FILE=$KIM_DIR/db-runtime-password
DB_OWNER_PASSWORD_FILE=$KIM_DIR/db-owner-password
SOLUTION_FILTER=KimPlatform.CI.slnf
HEALTH_TIMEOUT=${KIM_HEALTH_TIMEOUT:-120}   # seconds for every process to answer GET /health/ready with 200
STOP_TIMEOUT=10         # seconds between TERM and KILL for the .NET processes
ROLES_ALLOWED=(case_manager coordinator partner_staff tenant_admin)

export DOTNET_CLI_TELEMETRY_OPTOUT=${DOTNET_CLI_TELEMETRY_OPTOUT:-1}
export DOTNET_NOLOGO=${DOTNET_NOLOGO:-1}

# ─── small helpers ────────────────────────────────────────────────────────────────────────────

say() { printf '[kim] %s\n' "$*" >&2; }
die() { printf 'kim: %s\n' "$*" >&2; exit 1; }
now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $((t / 1000)); }
elapsed() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
sq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }   # single-quote for the shell

# alive PID: the process exists and is not a zombie.
alive() {
    local stat
    [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
    stat=$(<"/proc/$1/stat") 2>/dev/null || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() { timeout 2 bash -c ">/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# run_as USER CMD...: as root run CMD as USER (PostgreSQL refuses root); otherwise as ourselves.
run_as() {
    local user=$1; shift
    if ((EUID == 0)); then (cd / && runuser -u "$user" -- "$@"); else "$@"; fi
}

# own USER PATH...: hand folders to the service user when we are root.
own() {
    local user=$1; shift
    if ((EUID == 0)); then chown -R "$user:" "$@"; fi
}

# ─── topology ─────────────────────────────────────────────────────────────────────────────────

# load_topology: SERVICES (start order), PROJECT, PORT_OFFSET and DATABASE from launcher/services.
load_topology() {
    SERVICES=()
    declare -gA PROJECT=() PORT_OFFSET=() DATABASE=() REPLICA_OF=()
    local name project port database
    while read -r name project port database _; do
        [[ -z $name || $name == \#* ]] && continue
        [[ -n $project && $port =~ ^[0-9]+$ && -n $database ]] \
            || die "launcher/services: '$name' needs a project, a port offset and a database (or -)"
        SERVICES+=("$name")
        PROJECT[$name]=$project
        PORT_OFFSET[$name]=$port
        [[ $database == - ]] || DATABASE[$name]=$database
    done <"$LAUNCHER/services"
    [[ -n ${PROJECT[gateway]:-} ]] || die "launcher/services has no gateway"
}

# ─── secrets shared by up, test and token ─────────────────────────────────────────────────────

ensure_secrets() {
    mkdir -p "$KIM_DIR"
    if [[ ! -s $SIGNING_KEY_FILE ]]; then
        (umask 077 && openssl rand -base64 32 >"$SIGNING_KEY_FILE.tmp" && mv "$SIGNING_KEY_FILE.tmp" "$SIGNING_KEY_FILE")
    fi
    if [[ ! -s $PSEUDONYM_KEY_FILE ]]; then
        (umask 077 && openssl rand -base64 32 >"$PSEUDONYM_KEY_FILE.tmp" && mv "$PSEUDONYM_KEY_FILE.tmp" "$PSEUDONYM_KEY_FILE")
    fi
    local file
    for file in "$DB_PASSWORD_FILE" "$DB_OWNER_PASSWORD_FILE"; do
        [[ -s $file ]] || (umask 077 && openssl rand -hex 24 >"$file.tmp" && mv "$file.tmp" "$file")
    done
    chmod 600 "$SIGNING_KEY_FILE" "$DB_PASSWORD_FILE" "$DB_OWNER_PASSWORD_FILE" "$PSEUDONYM_KEY_FILE"
    SIGNING_KEY=$(<"$SIGNING_KEY_FILE")
    DB_RUNTIME_PASSWORD=$(<"$DB_PASSWORD_FILE")
    PSEUDONYM_KEY=$(<"$PSEUDONYM_KEY_FILE")
    # The private PostgreSQL's superuser `kim` signs in with this password (SCRAM); see pg_start.
    DB_OWNER_PASSWORD=$(<"$DB_OWNER_PASSWORD_FILE")
}

# pg_server: the profile's PostgreSQL as its superuser, as an Npgsql connection string (after ensure_secrets).
pg_server() {
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=kim;Password=$DB_OWNER_PASSWORD"
}

# ─── profiles ─────────────────────────────────────────────────────────────────────────────────

# load_profile up|test: ports, node name, folders of one profile.
load_profile() {
    PROFILE=$1
    case $PROFILE in
        up)
            PG_PORT=25432 AMQP_PORT=25672 MGMT_PORT=25680 DIST_PORT=25673 NODE=kimup@localhost
            PG_OPTIONS=() GATEWAY_PORT=8080 ;;
        test)
            PG_PORT=26432 AMQP_PORT=26672 MGMT_PORT=26680 DIST_PORT=26673 NODE=kimtest@localhost
            PG_OPTIONS=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300)
            GATEWAY_PORT=18080 ;;
        *) die "unknown profile '$PROFILE' (up or test)" ;;
    esac
    # KIM_PORT_OFFSET moves every port of the profile (and the RabbitMQ node name), so that two
    # checkouts can run their stacks side by side.
    local offset=${KIM_PORT_OFFSET:-0}
    [[ $offset =~ ^[0-9]{1,4}$ ]] || die "KIM_PORT_OFFSET must be a small whole number"
    if ((offset)); then
        PG_PORT=$((PG_PORT + offset)) AMQP_PORT=$((AMQP_PORT + offset)) MGMT_PORT=$((MGMT_PORT + offset))
        DIST_PORT=$((DIST_PORT + offset)) GATEWAY_PORT=$((GATEWAY_PORT + offset)) NODE=${NODE%@*}$offset@localhost
    fi
    STATE_DIR=$KIM_DIR/$PROFILE
    LOG_DIR=$STATE_DIR/logs
    PIDS_FILE=$STATE_DIR/pids
    load_topology
    declare -gA PORT=()
    local name
    for name in "${SERVICES[@]}"; do PORT[$name]=$((GATEWAY_PORT + PORT_OFFSET[$name])); done
    replica_topology "${KIM_REPLICAS:-1}"   # launcher/replicas.sh
    resolve_infra_dir
}

# check_ports_free [stack]: exit 1 naming every port of the profile that is already taken.
check_ports_free() {
    local entries=("PostgreSQL:$PG_PORT" "AMQP:$AMQP_PORT" "RabbitMQ management:$MGMT_PORT" "Erlang distribution:$DIST_PORT")
    local name entry busy=0
    if [[ ${1:-} == stack ]]; then
        for name in "${SERVICES[@]}"; do entries+=("$name:${PORT[$name]}"); done
    fi
    for entry in "${entries[@]}"; do
        if port_in_use "${entry##*:}"; then
            say "port ${entry##*:} (${entry%:*}) is already in use on 127.0.0.1"
            busy=1
        fi
    done
    if ((busy)); then
        say "stop whatever holds it (a kim stack left running? try ./kim down $PROFILE)"
        exit 1
    fi
}
