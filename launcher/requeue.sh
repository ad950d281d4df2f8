# shellcheck shell=bash
# `./kim requeue-errors`: after a fix, move the messages MassTransit parked in `<queue>_error` back to
# `<queue>`, through the RabbitMQ management API.

cmd_requeue_errors() {
    local profile=up management="" vhost=/ queues=()
    while (($#)); do
        case $1 in
            --profile) profile=${2:?}; shift 2 ;;
            --management) management=${2:?}; shift 2 ;;
            --vhost) vhost=${2:?}; shift 2 ;;
            -h|--help)
                echo "usage: ./kim requeue-errors [--profile up|test] [--management URL] [--vhost V] [QUEUE…]" >&2
                echo "  without QUEUE every non-empty <queue>_error of the virtual host is moved back" >&2
                return 0 ;;
            -*) die "unknown option '$1' (./kim requeue-errors --help)" ;;
            *) queues+=("${1%_error}"); shift ;;
        esac
    done
    if [[ -z $management ]]; then
        load_profile "$profile"
        management=http://127.0.0.1:$MGMT_PORT
    fi
    command -v python3 >/dev/null || die "requeue-errors needs python3"
    KIM_RABBITMQ_USER=${KIM_RABBITMQ_USER:-guest} KIM_RABBITMQ_PASSWORD=${KIM_RABBITMQ_PASSWORD:-guest} \
        python3 - "$management" "$vhost" "${queues[@]}" <<'PY'
import base64, json, os, sys, urllib.error, urllib.parse, urllib.request

api, vhost, queues = sys.argv[1].rstrip("/") + "/api", urllib.parse.quote(sys.argv[2], safe=""), sys.argv[3:]
token = base64.b64encode(f"{os.environ['KIM_RABBITMQ_USER']}:{os.environ['KIM_RABBITMQ_PASSWORD']}".encode()).decode()

def call(method, path, body=None):
    request = urllib.request.Request(api + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Basic " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)

def publish(queue, message, restore=True):
    properties = dict(message["properties"])
    if restore:
        # The fault headers MassTransit added describe the old failure, not the message. The consumer parked another
        # service's message without its user-id, which the broker would have refused on its connection, and kept the
        # sender in KIM-Sender: it becomes the user-id again, so the consumer's sender check accepts the message. The
        # broker lets the management user claim it only with the tag `impersonator`.
        headers = {k: v for k, v in properties.get("headers", {}).items() if not k.startswith(("MT-Fault-", "MT-Reason"))}
        sender = headers.pop("KIM-Sender", None)
        if sender:
            properties["user_id"] = sender
        properties["headers"] = headers
    routed = call("POST", f"/exchanges/{vhost}/amq.default/publish", {
        "properties": properties, "routing_key": queue, "payload": message["payload"], "payload_encoding": "base64"})
    return routed.get("routed", False)

def put_back(queue, messages):
    for message in messages:
        publish(queue + "_error", message, restore=False)

if not queues:
    queues = [q["name"][:-len("_error")] for q in call("GET", f"/queues/{vhost}")
              if q["name"].endswith("_error") and q.get("messages", 0) > 0]
moved_total = 0
for queue in queues:
    source = urllib.parse.quote(queue + "_error", safe="")
    # One batch of what the queue holds now (the management API's counts lag by seconds); a message that faults
    # again lands behind it and is not taken twice.
    try:
        taken = call("POST", f"/queues/{vhost}/{source}/get", {"count": 10000, "ackmode": "ack_requeue_false", "encoding": "base64"})
    except urllib.error.HTTPError as error:
        sys.exit(f"[kim] cannot read {queue}_error: {error.code} {error.reason}")
    moved = 0
    for message in taken:
        try:
            routed = publish(queue, message)
        except urllib.error.HTTPError as error:
            # Taken off the queue already: what was not moved goes back, as it was, rather than being lost.
            put_back(queue, taken[moved:])
            sys.exit(f"[kim] cannot move a message of {queue}_error back ({error.code} {error.reason}: {error.read().decode(errors='replace')}); "
                     f"{len(taken) - moved} message(s) stay in {queue}_error")
        if not routed:
            put_back(queue, taken[moved:])
            sys.exit(f"[kim] queue '{queue}' does not exist; its messages stay in {queue}_error")
        moved += 1
    print(f"[kim] moved {moved} message(s) from {queue}_error back to {queue}", file=sys.stderr)
    moved_total += moved
print(moved_total)
PY
}
