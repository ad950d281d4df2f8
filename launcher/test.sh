# shellcheck shell=bash disable=SC2034  # STACK_PID is read by stack.sh
# `./kim test`: fresh test infrastructure, the whole stack, `dotnet test` over the CI solution
# filter, and the counts read from the TRX reports (one per test assembly).

# Connection settings the tests read (also printed by `./kim infra <profile>` for IDE runs). Every
# service of launcher/services is at KIM_TEST_<NAME>_URL (cases-api → KIM_TEST_CASES_URL).
test_environment() {
    TEST_ENV=(
        "KIM_TEST_POSTGRES=$(pg_server)"
        # Test hosts create the same runtime roles as the stack (roles are cluster-wide): same password.
        "Database__RuntimePassword=$DB_RUNTIME_PASSWORD"
        "KIM_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
        "KIM_TEST_RABBITMQCTL=$(rabbit_cmd rabbitmqctl) -n $NODE"
        "KIM_TEST_RABBITMQ_MANAGEMENT=http://127.0.0.1:$MGMT_PORT"
        "KIM_DEV_SIGNING_KEY=$SIGNING_KEY"
        "KIM_DB_RUNTIME_PASSWORD=$DB_RUNTIME_PASSWORD"
        # In-process test hosts play every service on the guest user, so they cannot check senders; the stack does.
        "Messaging__VerifySender=false"
    )
    local service user
    for service in "${SERVICES[@]}"; do
        [[ -n ${DATABASE[$service]:-} && -s $(broker_password_file "$service") ]] || continue
        user=$(broker_user "$service")
        TEST_ENV+=("KIM_TEST_RABBITMQ_${user^^}=amqp://$user:$(<"$(broker_password_file "$service")")@127.0.0.1:$AMQP_PORT/")
    done
    [[ ${1:-} == stack ]] || return 0
    local name key
    for name in "${SERVICES[@]}"; do
        if [[ $name == gateway ]]; then
            TEST_ENV+=("KIM_TEST_GATEWAY=http://127.0.0.1:${PORT[$name]}")
        else
            key=${name%-api}
            key=${key^^}
            TEST_ENV+=("KIM_TEST_${key//-/_}_URL=http://127.0.0.1:${PORT[$name]}")
        fi
    done
}

print_environment() {
    local entry
    test_environment
    for entry in "${TEST_ENV[@]}"; do echo "export ${entry%%=*}=$(sq "${entry#*=}")"; done
}

# The in-process hosts of the tests write their logs into the test output. Keep it to warnings:
# the service projects' appsettings.json already do that for the framework, the messaging tests'
# bare host has no appsettings.json, and one line per request would bury the test names.
# A level given in the environment wins (env 'Logging__LogLevel__…=Information' ./kim test).
quiet_test_logging() {
    local entry
    TEST_LOG_ENV=()
    for entry in Default=Warning Microsoft.Hosting.Lifetime=Warning KimPlatform.Requests=Warning; do
        printenv "Logging__LogLevel__${entry%%=*}" >/dev/null || TEST_LOG_ENV+=("Logging__LogLevel__$entry")
    done
}

cmd_test() {
    # --faults-only: the same fresh stack, but only the fault phase (tests/KimPlatform.Faults.Tests).
    local faults_only=false
    if [[ ${1:-} == --faults-only ]]; then faults_only=true; shift; fi
    load_profile test
    ensure_packages infra
    resolve_infra_dir   # again: after installing, the service users exist
    ensure_secrets
    # Leftovers of an interrupted run (or of `./kim infra test`) go first: test starts from nothing.
    recorded_stack_pids
    stop_processes "${RECORDED[@]}"
    if infra_running; then say "stopping test infrastructure left running"; infra_stop; fi
    wipe_profile
    check_ports_free stack
    mkdir -p "$LOG_DIR"
    declare -gA STACK_PID=()
    echo "kim $$" >"$PIDS_FILE"
    trap 'on_exit $?' EXIT
    trap 'say "interrupted"; teardown; exit 130' INT TERM

    infra_start
    build
    stack_start quiet
    stack_wait_healthy

    test_environment stack
    export "${TEST_ENV[@]}"
    quiet_test_logging
    # The TRX reports go to .kim/test/test-results/ unless the arguments name a folder of their own;
    # only those written by this run count.
    local log=$LOG_DIR/dotnet-test.log results rc trx=(--logger trx)
    results=$(results_directory "$@")
    if [[ -z $results ]]; then
        results=$STATE_DIR/test-results
        trx+=(--results-directory "$results")
    fi
    touch "$STATE_DIR/test-started"
    rc=0
    if ! $faults_only; then
        say "dotnet test $SOLUTION_FILTER $*"
        set +e
        (cd "$ROOT" && env "${TEST_LOG_ENV[@]}" dotnet test "$SOLUTION_FILTER" -c Release --no-build --nologo -m:1 \
            --logger "console;verbosity=normal" "${trx[@]}" "$@") 2>&1 | tee "$log"
        rc=${PIPESTATUS[0]}
        set -e
    fi
    local fault_rc=0
    fault_phase "$results" "$@" || fault_rc=$?
    ((rc != 0)) || rc=$fault_rc

    teardown
    local passed failed skipped total
    read -r passed failed skipped total < <(trx_counts "$results" "$STATE_DIR/test-started")
    if ((total == 0)); then
        say "no tests ran"
        ((rc != 0)) || rc=1
    elif ((failed > 0 && rc == 0)); then
        rc=1
    fi
    ((failed == 0)) || failure_summary "$log"
    echo "tests: $passed passed, $failed failed, $skipped skipped"
    trap - EXIT
    exit "$rc"
}

# failure_summary LOG: each failed test with the first lines of its message, printed again at the end,
# because CI logs are often read from their tail and the failure scrolled past hundreds of lines before.
failure_summary() {
    echo "== failed tests (details in $1)"
    awk '
        /^[ \t]+Failed [^ ]/ { shown++; lines = 0; printing = (shown <= 10) }
        /^[ \t]+(Passed|Skipped) [^ ]/ || /Stack Trace:/ { printing = 0 }
        printing && lines < 25 { print; lines++ }' "$1"
}

# results_directory ARGS… → the --results-directory that the dotnet test arguments name (relative
# to the repository root), or nothing.
results_directory() {
    local dir="" previous="" arg
    for arg in "$@"; do
        case $previous,$arg in
            --results-directory,*) dir=$arg ;;
            *,--results-directory=*) dir=${arg#*=} ;;
        esac
        previous=$arg
    done
    [[ -z $dir || $dir == /* ]] || dir=$ROOT/$dir
    echo "$dir"
}

# trx_counts DIR SINCE → "passed failed skipped total", summed over the <Counters …/> element of
# every TRX file in DIR newer than the file SINCE. VSTest counts a skipped test in total but not in
# executed (= passed + failed); error, timeout and aborted are failures too, should another writer
# use them.
trx_counts() {
    local file files=()
    [[ -d $1 ]] && mapfile -t files < <(find "$1" -maxdepth 1 -name '*.trx' -newer "$2")
    ((${#files[@]})) || say "no TRX files from this run in $1"
    for file in "${files[@]}"; do
        # The element is one line as VSTest writes it; join the lines anyway in case it wraps.
        tr '\r\n' '  ' <"$file" | grep -o '<Counters [^>]*>' || say "no <Counters> in $file"
    done | awk '
        function count(name,   m) {
            if (!match($0, "[ \t]" name "=\"[0-9]+\"")) return 0
            m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
        }
        {
            p += count("passed"); t += count("total"); s += count("total") - count("executed")
            f += count("failed") + count("error") + count("timeout") + count("aborted")
        }
        END { printf "%d %d %d %d\n", p, f, s, t }'
}
