#!/usr/bin/env bash
# Lints every service's OpenAPI document, as the gateway serves it, with the Redocly CLI's recommended rules
# (pinned in package-lock.json, installed with `npm ci` on first use). Exit 1 when any document has an error.
# Usage: tests/openapi/lint.sh [GATEWAY_URL]   (default: $KIM_TEST_GATEWAY, which ./kim test exports)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gateway=${1:-${KIM_TEST_GATEWAY:?give the gateway URL or run under ./kim test}}
gateway=${gateway%/}

[[ -x $here/node_modules/.bin/redocly ]] || (cd "$here" && npm ci --no-audit --no-fund >&2)

# The documents are named after the API services of launcher/services (those with a database; not the gateway or
# the web app): cases-api → /openapi/cases.json.
documents=()
while read -r name _ _ database _; do
    [[ -z $name || $name == \#* || ${database:--} == - ]] && continue
    documents+=("${name%-api}")
done <"$here/../../launcher/services"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for document in "${documents[@]}"; do
    curl -fsS -o "$work/$document.json" "$gateway/openapi/$document.json"
    if (cd "$here" && NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
        node_modules/.bin/redocly lint "$work/$document.json" --config redocly.yaml --format=summary) >"$work/$document.log" 2>&1; then
        result=ok
    else
        result=FAILED
        failed=1
    fi
    echo "openapi $document: $result ($(grep -Eo '[0-9]+ errors?' "$work/$document.log" | head -1 || echo "0 errors"), $(grep -Eo '[0-9]+ warnings?' "$work/$document.log" | head -1 || echo "0 warnings"))"
    [[ $result == ok ]] || grep -E '^(error|warning) ' "$work/$document.log" || cat "$work/$document.log"
done
exit "$failed"
