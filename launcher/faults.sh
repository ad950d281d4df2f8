# shellcheck shell=bash disable=SC2153  # PROFILE and the topology come from common.sh
# The fault tests (tests/KimPlatform.Faults.Tests) stop shared infrastructure: RabbitMQ, PostgreSQL, a service. They
# run in a phase of their own after every other test of `./kim test`, against the same stack, and inject their
# faults through `./kim fault`, which knows the profile's ports, data folders and process ids.

FAULT_TESTS=tests/KimPlatform.Faults.Tests/KimPlatform.Faults.Tests.csproj

fault_usage() {
    die "usage: ./kim fault [--profile test|up] broker-stop|broker-start|database-stop|database-start|kill SERVICE|start SERVICE"
}

# `./kim fault ACTION [SERVICE]`: one fault, or the end of one, on a running stack (the test profile by default).
cmd_fault() {
    local profile=test
    if [[ ${1:-} == --profile ]]; then profile=${2:?}; shift 2; fi
    local action=${1:-} name=${2:-}
    load_profile "$profile"
    ensure_secrets
    case $action in
        broker-stop) rabbit_stop ;;
        broker-start) rabbit_running || { rabbit_launch; rabbit_wait; } ;;
        database-stop) pg_stop ;;
        database-start) pg_running || pg_start ;;
        kill) fault_kill "$name" ;;
        start) fault_start "$name" ;;
        *) fault_usage ;;
    esac
}

# fault_pid NAME: the live process the stack recorded last for a service.
fault_pid() {
    local entry pid=""
    [[ -n ${PROJECT[$1]:-} ]] || die "no service '$1' in launcher/services"
    recorded_stack_pids
    for entry in "${RECORDED[@]}"; do [[ ${entry%%=*} == "$1" ]] && pid=${entry#*=}; done
    echo "$pid"
}

# fault_kill NAME: SIGKILL, as a crash would: no shutdown, no acknowledgement of what it was doing.
fault_kill() {
    local pid; pid=$(fault_pid "$1")
    [[ -n $pid ]] || die "$1 is not running"
    kill -KILL "$pid"
    while alive "$pid"; do sleep 0.1; done
    say "killed $1 (pid $pid)"
}

# fault_start NAME: start a service again as stack_start does, record it for teardown, wait for its health.
fault_start() {
    local name=$1 pid deadline
    [[ -z $(fault_pid "$name") ]] || die "$name is already running"
    service_bin "$name"
    service_environment "$name"
    exec_service "$name" >>"$LOG_DIR/$name.log" 2>&1 &
    pid=$!
    echo "$name $pid" >>"$PIDS_FILE"
    deadline=$((SECONDS + HEALTH_TIMEOUT))
    until healthy "${PORT[$name]}"; do
        alive "$pid" || { log_tail "$name"; die "$name exited during start-up"; }
        ((SECONDS < deadline)) || { log_tail "$name"; die "$name not healthy after $HEALTH_TIMEOUT s"; }
        sleep 0.2
    done
    say "started $name (pid $pid)"
}

# fault_phase RESULTS ARGS…: run the fault tests after the others, with the same arguments and TRX folder, and
# return dotnet test's exit code. The project is no test project for the solution's run (IsTestProject is false
# unless KimFaultPhase is set), so nothing else runs while they stop the broker or the database.
fault_phase() {
    local results=$1; shift
    local trx=(--logger trx) rc
    [[ -n $(results_directory "$@") ]] || trx+=(--results-directory "$results")
    say "fault phase: dotnet test $FAULT_TESTS $*"
    set +e
    (cd "$ROOT" && env "${TEST_LOG_ENV[@]}" KIM_TEST_LOG_DIR="$LOG_DIR" dotnet test "$FAULT_TESTS" -c Release --no-build --nologo \
        -p:KimFaultPhase=true --logger "console;verbosity=normal" "${trx[@]}" "$@") 2>&1 | tee -a "$LOG_DIR/dotnet-test.log"
    rc=${PIPESTATUS[0]}
    set -e
    return "$rc"
}
