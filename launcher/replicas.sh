# shellcheck shell=bash disable=SC2034,SC2153,SC2004  # the topology and the profile come from common.sh
# Replicas: more than one process of every API service, against the same database and the same queues (competing
# consumers), with the gateway balancing over all of them.
#   ./kim up --replicas N (or KIM_REPLICAS=N ./kim up): the whole stack with N processes of every API service
#   ./kim replicas start|stop: a second process of every API service of the running test stack, and a second gateway
#                              over both, for the replica tests (tests/KimPlatform.EndToEnd.Tests/Replicas)
# Replica k (2, 3, …) of a service is named <service>-k (its log .kim/<profile>/logs/<service>-k.log) and listens on the
# service's port + 10·(k-1), so a second replica takes the port of the same service under KIM_PORT_OFFSET+10. The web
# app and the gateway are not replicated by --replicas: the gateway is the one entry of a single machine.

# replica_topology N: add replicas 2..N of every service that owns a database to SERVICES (before the web app and the
# gateway, which start last), with the project, database and broker user of the service they replicate.
replica_topology() {
    local count=$1 name k instance services=() replicas=() primaries=()
    [[ $count =~ ^[1-9]$ ]] || die "replicas: a number from 1 to 9, not '$count'"
    for name in "${SERVICES[@]}"; do
        [[ -n ${REPLICA_OF[$name]:-} ]] || primaries+=("$name")
    done
    SERVICES=("${primaries[@]}")
    for name in "${SERVICES[@]}"; do
        [[ -n ${DATABASE[$name]:-} ]] || continue
        for ((k = 2; k <= count; k++)); do
            instance=$name-$k
            REPLICA_OF[$instance]=$name
            PROJECT[$instance]=${PROJECT[$name]}
            DATABASE[$instance]=${DATABASE[$name]}
            PORT[$instance]=$((PORT[$name] + 10 * (k - 1)))
            replicas+=("$instance")
        done
    done
    for name in "${SERVICES[@]}"; do
        [[ -z ${DATABASE[$name]:-} ]] || services+=("$name")
    done
    services+=("${replicas[@]}")
    for name in "${SERVICES[@]}"; do
        [[ -n ${DATABASE[$name]:-} ]] || services+=("$name")
    done
    SERVICES=("${services[@]}")
    REPLICAS=("${replicas[@]}")
}

# service_of NAME: the service an instance runs (cases-api-2 → cases-api).
service_of() { echo "${REPLICA_OF[$1]:-$1}"; }

# gateway_destinations: services__<service>__http__<i> for every instance of every service, in Aspire's convention
# (the gateway makes one YARP destination of each).
gateway_destinations() {
    local name service
    declare -A next=()
    for name in "${SERVICES[@]}"; do
        service=$(service_of "$name")
        [[ $service == gateway ]] && continue
        SERVICE_ENV+=("services__${service}__http__${next[$service]:-0}=http://127.0.0.1:${PORT[$name]}")
        next[$service]=$((${next[$service]:-0} + 1))
    done
}

# `./kim replicas start|stop`: against the running test stack (`./kim test`, or the stack of `./kim up` with
# --profile up). start adds <service>-2 of every API service and gateway-2 (on the gateway's port + 10) over both
# replicas, waits for their health and prints "name pid port" per process; instances already running are kept.
# stop ends them. Their PIDs go into the profile's pids file, so `./kim down` and the end of `./kim test` stop them too.
cmd_replicas() {
    local action=${1:-} profile=test
    (($#)) && shift
    while (($#)); do
        case $1 in
            --profile) profile=${2:-}; shift ;;
            *) die "replicas: unknown option '$1' (./kim help)" ;;
        esac
        shift
    done
    load_profile "$profile"
    ensure_secrets
    replica_topology 2
    REPLICA_OF["gateway-2"]=gateway
    PROJECT["gateway-2"]=${PROJECT[gateway]}
    PORT["gateway-2"]=$((PORT[gateway] + 10))
    SERVICES+=(gateway-2)
    REPLICAS+=(gateway-2)
    case $action in
        start) replicas_start ;;
        stop) replicas_stop ;;
        *) die "usage: ./kim replicas start|stop [--profile test|up]" ;;
    esac
}

# recorded_replica_pid NAME → the PID the pids file records for NAME if it still runs dotnet, else nothing.
recorded_replica_pid() {
    local name pid
    [[ -f $PIDS_FILE ]] || return 0
    while read -r name pid; do
        if [[ $name == "$1" ]] && alive "$pid" && [[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *dotnet* ]]; then echo "$pid"; fi
    done <"$PIDS_FILE"
}

replicas_start() {
    if [[ ! -f $PIDS_FILE ]] || ! healthy "${PORT[gateway]}"; then die "replicas: the $PROFILE stack is not running"; fi
    local name pid started=()
    declare -gA STACK_PID=()
    mkdir -p "$LOG_DIR"
    for name in "${REPLICAS[@]}"; do
        pid=$(recorded_replica_pid "$name")
        if [[ -n $pid ]]; then STACK_PID[$name]=$pid; continue; fi
        service_bin "$name"
        service_environment "$name"
        exec_service "$name" >>"$LOG_DIR/$name.log" 2>&1 &
        STACK_PID[$name]=$!
        echo "$name ${STACK_PID[$name]}" >>"$PIDS_FILE"
        started+=("$name")
    done
    # Only these are waited for; the stack's own processes are up already.
    SERVICES=("${REPLICAS[@]}")
    stack_wait_healthy
    for name in "${REPLICAS[@]}"; do echo "$name ${STACK_PID[$name]} ${PORT[$name]}"; done
    ((${#started[@]} == 0)) || say "started ${started[*]}"
}

replicas_stop() {
    local name pid entries=()
    for name in "${REPLICAS[@]}"; do
        pid=$(recorded_replica_pid "$name")
        [[ -z $pid ]] || entries+=("$name=$pid")
    done
    stop_processes "${entries[@]}"
    if [[ -f $PIDS_FILE ]]; then
        local kept
        kept=$(grep -vE "^($(IFS='|'; echo "${REPLICAS[*]}")) " "$PIDS_FILE" || true)
        printf '%s\n' "$kept" >"$PIDS_FILE"
    fi
}
