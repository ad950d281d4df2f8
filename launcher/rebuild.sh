# shellcheck shell=bash
# `./kim rebuild-reports`: rebuild the reporting service's read models from a replay of events. For each tenant,
# reporting deletes the tenant's figures and asks the case, partner and event services (ReportingRebuildRequested)
# to re-publish the tenant's history through their outboxes; this waits until they have and reporting is idle.

rebuild_psql() { # rebuild_psql DATABASE SQL: one value per line, as the private PostgreSQL's superuser
    PGPASSWORD=$DB_OWNER_PASSWORD "$(pg_bin_dir)/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U kim -d "$1" -c "$2"
}

rebuild_pending() { # rebuild_pending: undispatched outbox rows, requests not yet taken, messages in reporting's queues
    local database total=0 queued
    for database in reportingdb casesdb partnersdb eventsdb; do
        total=$((total + $(rebuild_psql "$database" "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL AND failed_at IS NULL")))
    done
    queued=$(curl -fsS -u guest:guest "http://127.0.0.1:$MGMT_PORT/api/queues/%2F?columns=name,messages" \
        | python3 -c 'import json,sys; print(sum(q.get("messages", 0) for q in json.load(sys.stdin) 
              if (q["name"].startswith("reporting-") or q["name"].endswith("-reporting-rebuild-requested")) and not q["name"].endswith("_error")))')
    echo $((total + queued))
}

cmd_rebuild_reports() {
    local profile=up tenants=() tenant token answer waited=0 idle=0
    while (($#)); do
        case $1 in
            --profile) profile=${2:?}; shift 2 ;;
            --tenant) tenants+=("${2:?}"); shift 2 ;;
            -h|--help)
                echo "usage: ./kim rebuild-reports [--profile up|test] [--tenant T]…" >&2
                echo "  without --tenant every tenant that has a replayable history is rebuilt" >&2
                return 0 ;;
            *) die "unknown argument '$1' (./kim rebuild-reports --help)" ;;
        esac
    done
    load_profile "$profile"
    ensure_secrets
    curl -fsS "http://127.0.0.1:${PORT[reporting-api]}/health/ready" >/dev/null 2>&1 \
        || die "the $profile stack's reporting service is not running (./kim up, or ./kim test)"
    if ((${#tenants[@]} == 0)); then
        mapfile -t tenants < <(for database in casesdb partnersdb eventsdb; do
            rebuild_psql "$database" "SELECT DISTINCT tenant_id FROM replay_history"; done | sort -u)
        ((${#tenants[@]})) || { say "no tenant has a history to replay"; return 0; }
    fi
    for tenant in "${tenants[@]}"; do
        # A tenant admin's token, sent to the service itself: the gateway does not route /admin.
        token=$(cmd_token --tenant "$tenant" --org kim-operator --role tenant_admin --name "kim rebuild-reports" --hours 1)
        answer=$(curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:${PORT[reporting-api]}/admin/rebuild") \
            || die "reporting refused the rebuild of $tenant"
        say "rebuild of $tenant started: $answer"
    done
    # Done when nothing is left to publish or to consume for three checks in a row.
    while ((idle < 3)); do
        sleep 1
        waited=$((waited + 1))
        ((waited < 600)) || die "the replay has not finished after 10 minutes; see the services' logs"
        if [[ $(rebuild_pending) == 0 ]]; then idle=$((idle + 1)); else idle=0; fi
    done
    say "reports of ${#tenants[@]} tenant(s) rebuilt from the services' history in ${waited} s"
}
