# shellcheck shell=bash disable=SC2153  # PROFILE and the topology come from common.sh
# The .NET stack of a profile: build once, start the processes of launcher/services with the
# environment Aspire would inject, wait for their health, stop them. `./kim up`, `down`, `status`.

build() {
    [[ -f $ROOT/$SOLUTION_FILTER ]] || die "$SOLUTION_FILTER not found in $ROOT"
    local t0; t0=$(now_ms)
    say "building $SOLUTION_FILTER (Release)"
    (cd "$ROOT" && dotnet build "$SOLUTION_FILTER" -c Release --nologo -v q) || die "build failed"
    say "built in $(elapsed "$t0")"
}

# service_bin NAME: BIN_DIR and DLL of the built project (src/<Project>/bin/Release/net10.0).
service_bin() {
    local project=${PROJECT[$1]} dir config
    dir=$ROOT/src/$project
    [[ -d $dir ]] || dir=$(find "$ROOT/src" -maxdepth 3 -type d -name "$project" -print -quit 2>/dev/null)
    BIN_DIR=${dir:-$ROOT/src/$project}/bin/Release/net10.0
    DLL=$project.dll
    if [[ ! -f $BIN_DIR/$DLL ]]; then   # an AssemblyName other than the folder's name
        for config in "$BIN_DIR"/*.runtimeconfig.json; do
            [[ -f $config ]] && DLL=$(basename "$config" .runtimeconfig.json).dll && break
        done
    fi
    [[ -f $BIN_DIR/$DLL ]] || die "$1: no build output in $BIN_DIR (did the build run?)"
}

# service_environment NAME → one NAME=VALUE per array element in SERVICE_ENV.
service_environment() {
    local name=$1 service
    service=$(service_of "$name")   # launcher/replicas.sh: cases-api-2 runs cases-api
    SERVICE_ENV=(
        ASPNETCORE_ENVIRONMENT=Development
        "ASPNETCORE_URLS=http://127.0.0.1:${PORT[$name]}"
        "OTEL_SERVICE_NAME=$service"
        "OTEL_RESOURCE_ATTRIBUTES=service.instance.id=$name"
        "Identity__DevelopmentSigningKey=$SIGNING_KEY"
    )
    if [[ $service == gateway ]]; then
        gateway_destinations
        # Every test calls from 127.0.0.1, and the security matrix alone sends hundreds of calls without a valid
        # token: one address's limit would starve the other tests. The limits are tested on a gateway of their own.
        if [[ $PROFILE == test ]]; then SERVICE_ENV+=("Gateway__RateLimit__PermitsPerMinuteAnonymous=100000"); fi
        web_forwarding_key
        SERVICE_ENV+=("Gateway__WebApp__ForwardingKey=$WEB_FORWARDING_KEY")
    elif [[ -z ${DATABASE[$name]:-} ]]; then
        # A client of the gateway (the web app): no database, no broker.
        SERVICE_ENV+=("services__gateway__http__0=http://127.0.0.1:${PORT[gateway]}")
        web_forwarding_key
        SERVICE_ENV+=("Web__ForwardingKey=$WEB_FORWARDING_KEY")
    else
        SERVICE_ENV+=(
            "ConnectionStrings__${DATABASE[$name]}=$(pg_server);Database=${DATABASE[$name]}"
            "ConnectionStrings__messaging=amqp://$(broker_user "$name"):$(<"$(broker_password_file "$name")")@127.0.0.1:$AMQP_PORT/"
            "Database__RuntimePassword=$DB_RUNTIME_PASSWORD"
        )
        if [[ $service == reporting-api ]]; then
            SERVICE_ENV+=("Reporting__PseudonymKey=$PSEUDONYM_KEY")
        fi
        # The event service limits anonymous registrations per address too, and every test registers from the
        # gateway's address (as the gateway's own anonymous limit above); that limit is tested in Events.Api.Tests.
        if [[ $PROFILE == test && $service == events-api ]]; then
            SERVICE_ENV+=("Events__RateLimit__AnonymousPermitsPerMinute=100000")
        fi
        # The end-to-end tests move records past their retention period and wait for the jobs' next pass.
        if [[ $PROFILE == test ]]; then
            SERVICE_ENV+=("Retention__Interval=00:00:05" "PartnerRetention__Interval=00:00:05" "Events__Retention__Interval=00:00:05")
        fi
    fi
}

# The key with which the web app names a portal visitor's address to the gateway (Policies/WebAppClientAddress.cs):
# made afresh for each start of a stack, since only its two processes need it.
web_forwarding_key() {
    [[ -n ${WEB_FORWARDING_KEY:-} ]] || WEB_FORWARDING_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
}

# Copy a process's output to its log and, prefixed with its name, to the terminal.
stream_log() { trap '' INT; tee -a "$2" | sed -u "s/^/[$1] /"; }

# exec_service NAME: become `cd <bin dir> && exec dotnet <dll>` in its own session (a terminal's
# Ctrl+C reaches only this script, which stops the processes in order). Run it with `&`: $! is then
# the PID of dotnet itself.
exec_service() {
    # shellcheck disable=SC2016  # $1 and $2 are the inner shell's arguments
    exec env "${SERVICE_ENV[@]}" setsid bash -c 'cd "$1" && exec dotnet "$2"' "$1" "$BIN_DIR" "$DLL" </dev/null
}

# stack_start stream|quiet: start the five processes (PIDs into STACK_PID and $PIDS_FILE).
stack_start() {
    local mode=$1 name log
    declare -gA STACK_PID=()
    mkdir -p "$LOG_DIR"
    for name in "${SERVICES[@]}"; do
        service_bin "$name"
        service_environment "$name"
        log=$LOG_DIR/$name.log
        : >"$log"
        if [[ $mode == stream ]]; then
            exec_service "$name" > >(stream_log "$name" "$log") 2>&1 &
        else
            exec_service "$name" >"$log" 2>&1 &
        fi
        STACK_PID[$name]=$!
        echo "$name ${STACK_PID[$name]}" >>"$PIDS_FILE"
    done
}

log_tail() {
    say "last 30 lines of $LOG_DIR/$1.log:"
    tail -n 30 "$LOG_DIR/$1.log" | sed "s/^/  [$1] /" >&2 || true
}

healthy() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null) == 200 ]]; }

# stack_wait_healthy: every process answers /health/ready with 200, or exit 1 with the log tails.
stack_wait_healthy() {
    local t0 deadline name pending=("${SERVICES[@]}") still
    t0=$(now_ms)
    deadline=$((SECONDS + HEALTH_TIMEOUT))
    while ((${#pending[@]})); do
        still=()
        for name in "${pending[@]}"; do
            if ! alive "${STACK_PID[$name]}"; then
                say "$name exited during start-up"
                log_tail "$name"
                exit 1
            fi
            # The gateway's readiness includes the services': asking it before they are ready only
            # makes it log their failures.
            if [[ $name == gateway && ${#pending[@]} -gt 1 ]]; then still+=("$name"); continue; fi
            healthy "${PORT[$name]}" || still+=("$name")
        done
        pending=("${still[@]}")
        ((${#pending[@]})) || break
        if ((SECONDS >= deadline)); then
            for name in "${pending[@]}"; do say "$name not healthy after $HEALTH_TIMEOUT s"; log_tail "$name"; done
            exit 1
        fi
        sleep 0.5
    done
    STACK_READY_IN=$(elapsed "$t0")
    say "all ${#SERVICES[@]} processes healthy in $STACK_READY_IN"
}

# stop_processes NAME=PID...: TERM, wait up to STOP_TIMEOUT s, then KILL.
stop_processes() {
    local entry pid deadline left stopped=()
    for entry in "$@"; do
        pid=${entry#*=}
        alive "$pid" && kill -TERM "$pid" 2>/dev/null && stopped+=("${entry%%=*}")
    done
    deadline=$((SECONDS + STOP_TIMEOUT))
    while :; do
        left=()
        for entry in "$@"; do alive "${entry#*=}" && left+=("$entry"); done
        ((${#left[@]})) || break
        if ((SECONDS >= deadline)); then
            for entry in "${left[@]}"; do say "killing ${entry%%=*}"; kill -KILL "${entry#*=}" 2>/dev/null || true; done
            break
        fi
        sleep 0.2
    done
    ((${#stopped[@]} == 0)) || say "stopped ${stopped[*]}"
}

# Recorded PIDs of a profile (left by an earlier run), checked to still be dotnet processes.
recorded_stack_pids() {
    local name pid
    RECORDED=()
    [[ -f $PIDS_FILE ]] || return 0
    while read -r name pid; do
        [[ $name != kim && -n $pid ]] && alive "$pid" && [[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *dotnet* ]] \
            && RECORDED+=("$name=$pid")
    done <"$PIDS_FILE"
}

# teardown: stop the stack (this run's and recorded PIDs), then RabbitMQ and PostgreSQL. Idempotent.
teardown() {
    [[ ${TORN_DOWN:-0} == 1 ]] && return 0
    TORN_DOWN=1
    trap '' INT TERM
    set +e
    local entries=() name
    for name in "${!STACK_PID[@]}"; do entries+=("$name=${STACK_PID[$name]}"); done
    stop_processes "${entries[@]}"
    recorded_stack_pids
    stop_processes "${RECORDED[@]}"
    infra_stop
    rm -f "$PIDS_FILE"
    set -e
}

on_exit() { local rc=$1; teardown; exit "$rc"; }

cmd_up() {
    local do_build=1
    while (($#)); do
        case $1 in
            --no-build) do_build=0 ;;
            --replicas) KIM_REPLICAS=${2:-}; shift ;;
            --replicas=*) KIM_REPLICAS=${1#*=} ;;
            *) die "up: unknown option '$1' (./kim help)" ;;
        esac
        shift
    done
    load_profile up
    ensure_packages infra
    resolve_infra_dir   # again: after installing, the service users exist
    ensure_secrets
    if infra_running; then die "the up stack is already running (./kim status, ./kim down)"; fi
    check_ports_free stack
    mkdir -p "$LOG_DIR"
    declare -gA STACK_PID=()
    echo "kim $$" >"$PIDS_FILE"
    trap 'on_exit $?' EXIT
    trap 'say "stopping…"; teardown; exit 0' INT TERM

    infra_start
    ((do_build)) && build
    stack_start stream
    stack_wait_healthy
    cat <<EOF

  KIM Platform is up (healthy after $STACK_READY_IN)
    gateway              http://127.0.0.1:${PORT[gateway]}
    portal (web app)     http://127.0.0.1:${PORT[gateway]}/portal/kreis-guetersloh
    workspace            http://127.0.0.1:${PORT[gateway]}/workspace
    API reference        http://127.0.0.1:${PORT[gateway]}/docs
    RabbitMQ management  http://127.0.0.1:$MGMT_PORT  (guest/guest)
    PostgreSQL           Host=127.0.0.1;Port=$PG_PORT;Username=kim (password in .kim/db-owner-password)
    a development token  ./kim token --tenant kreis-guetersloh --org stadt-rietberg --role case_manager
  Logs in .kim/up/logs/. Ctrl+C stops everything.

EOF
    local name rc
    while :; do
        for name in "${SERVICES[@]}"; do
            if ! alive "${STACK_PID[$name]}"; then
                rc=0; wait "${STACK_PID[$name]}" 2>/dev/null || rc=$?
                say "$name exited (code $rc)"
                log_tail "$name"
                exit 1
            fi
        done
        sleep 1 &
        wait $! || true
    done
}


cmd_down() {
    load_profile "${1:-up}"
    local name pid
    if [[ -f $PIDS_FILE ]]; then
        while read -r name pid; do
            if [[ $name != kim || $pid == "$$" ]] || ! alive "$pid"; then continue; fi
            say "asking the running ./kim (pid $pid) to stop"
            kill -TERM "$pid" 2>/dev/null || true
            local deadline=$((SECONDS + 60))
            while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
        done <"$PIDS_FILE"
    fi
    declare -gA STACK_PID=()
    TORN_DOWN=0
    teardown
    say "$PROFILE stack is down"
}

cmd_status() {
    load_profile "${1:-up}"
    local name pid state all=0 bin
    declare -A pids=()
    if [[ -f $PIDS_FILE ]]; then
        while read -r name pid; do pids[$name]=$pid; done <"$PIDS_FILE"
    fi
    bin=$(pg_bin_dir || true)
    if [[ -n $bin ]] && "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then state=ready
    elif pg_running; then state="running, not ready"; all=3
    else state=stopped; all=3; fi
    printf '  %-14s %-34s %s\n' PostgreSQL "127.0.0.1:$PG_PORT" "$state"
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -u guest:guest --max-time 2 "http://127.0.0.1:$MGMT_PORT/api/overview" 2>/dev/null) == 200 ]]; then
        state=ready
    elif rabbit_running; then state="running, not ready"; all=3
    else state=stopped; all=3; fi
    printf '  %-14s %-34s %s\n' RabbitMQ "127.0.0.1:$AMQP_PORT ($NODE)" "$state"
    for name in "${SERVICES[@]}"; do
        if healthy "${PORT[$name]}"; then state=healthy
        elif alive "${pids[$name]:-}"; then state="running (pid ${pids[$name]}), not healthy"; all=3
        else state=stopped; all=3; fi
        printf '  %-14s %-34s %s\n' "$name" "http://127.0.0.1:${PORT[$name]}" "$state"
    done
    return "$all"
}

