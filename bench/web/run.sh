#!/usr/bin/env bash
# The portal's speed (issue 13): how long the gateway and the web app take to render the offer directory page over the
# directory bench's offers (wrk, 2 connections, p50/p95/p99 on the machine itself), and what each public page weighs:
# its HTML plus the stylesheets and scripts it loads, without images. Prints a Markdown section for docs/benchmarks.md.
#   bench/web/run.sh TENANT [SECONDS]
# bench/run.sh calls it while TENANT holds the generated offers. By hand: `./kim up`, then any tenant with offers
# (`./kim seed` makes kreis-guetersloh). Honours KIM_PORT_OFFSET.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
tenant=${1:?usage: bench/web/run.sh TENANT [SECONDS]}
duration=${2:-10}
GW=http://127.0.0.1:${KIM_BENCH_GATEWAY_PORT:-$((8080 + ${KIM_PORT_OFFSET:-0}))}
export BENCH_LUA=$BENCH/lua
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsS -o /dev/null "$GW/health/ready" || { echo "no stack answers at $GW (./kim up)" >&2; exit 1; }

first_id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
token() { (cd "$ROOT" && ./kim token --tenant "$tenant" --org "$1" --role "$2" --hours 1); }

# Something on every kind of public page: an offer of the directory, a public event and a working group open for sign-up.
offer=$(curl -fsS "$GW/api/partners/offers?tenant=$tenant&pageSize=1" | first_id)
[[ -n $offer ]] || { echo "$tenant has no published offers" >&2; exit 1; }
coordinator=$(token ki-bench coordinator)
event=$(curl -fsS "$GW/api/events" -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' -d '{
  "title": "World Café: Ankommen im Kreis", "format": "world-cafe", "startsAt": "2031-03-28T17:00:00+01:00",
  "endsAt": "2031-03-28T20:00:00+01:00", "venue": "Stadthalle", "capacity": 40,
  "sessions": [{ "title": "Tisch 1: Arbeit", "capacity": 20 }, { "title": "Tisch 2: Wohnen", "capacity": 20 }],
  "languages": ["de", "ar", "uk"], "public": true }' | first_id)
curl -fsS -o /dev/null "$GW/api/partners/bodies" -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' -d '{
  "kind": "working-group", "name": "AK Sprache", "description": "Einmal im Monat.", "topics": ["language"],
  "meetingRhythm": "monatlich", "openForSignup": true, "members": [] }'

# ─── render time: the directory page, as the portal's visitors open it ───────────────────────────

portal=/portal/$tenant
declare -A RENDER=(
    [directory]="lang=de"
    [directory-search]="q=beratung&lang=de"
    [directory-filters-ar]="topic=language&language=ar&lang=ar"
)
render_rows=""
for kind in directory directory-search directory-filters-ar; do
    export BENCH_QUERIES=${RENDER[$kind]}
    wrk -t1 -c2 -d2s --timeout 10s -s "$BENCH_LUA/directory.lua" "$GW$portal" >/dev/null
    out=$(wrk -t1 -c2 -d"${duration}s" --timeout 10s -s "$BENCH_LUA/directory.lua" "$GW$portal")
    line=$(grep '^BENCH' <<<"$out")
    f() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$line"; }
    [[ $(f failed) == 0 ]] || { echo "$portal?$BENCH_QUERIES: failed requests" >&2; echo "$out" >&2; exit 1; }
    verdict=$(awk -v p95="$(f p95)" 'BEGIN { print (p95 < 100 ? "yes" : "**no**") }')
    render_rows+="| \`$portal?${RENDER[$kind]}\` | $(f rps) | $(f p50) | $(f p95) | $(f p99) | $verdict |"$'\n'
    echo "[bench] web render $kind: $line" >&2
done

# ─── weight: HTML + CSS + JS of each public page, no images ──────────────────────────────────────

bytes() { curl -fsS -o "$2" -w '%{size_download}' "$GW$1"; }
weight_rows=""
for page in "$portal?lang=de" "$portal?q=beratung&lang=de" "$portal/offers/$offer?lang=de" "$portal/offers/$offer?lang=ar" \
    "$portal/events?lang=de" "$portal/events/$event?lang=de" "$portal/groups?lang=de"; do
    html=$(bytes "$page" "$work/page.html")
    assets=0
    while read -r asset; do
        [[ -n $asset ]] || continue
        assets=$((assets + $(bytes "$asset" "$work/asset")))
    done < <(grep -oE '<(link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="[^"]+"' "$work/page.html" | sed -E 's/.*="([^"]+)"$/\1/' | sort -u)
    total=$((html + assets))
    verdict=$(awk -v t="$total" 'BEGIN { print (t < 200 * 1024 ? "yes" : "**no**") }')
    weight_rows+="| \`${page/$offer/{offer\}}\` | $(awk -v b="$html" 'BEGIN { printf "%.1f", b / 1024 }') | $(awk -v b="$assets" 'BEGIN { printf "%.1f", b / 1024 }') | $(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }') | $verdict |"$'\n'
    weight_rows=${weight_rows//$event/\{event\}}
done

first=$(curl -fsS "$GW/api/partners/offers?tenant=$tenant&pageSize=1")
offers=$(grep -o '"total":[0-9]*' <<<"$first" | cut -d: -f2)
# Totals above 1,000 are not counted (the directory says totalCapped).
grep -q '"totalCapped":true' <<<"$first" && offers="more than $offers"
cat <<MD
The portal's directory page through the gateway and the web app (server rendering, no script), over $offers published
offers of one tenant; wrk with 2 connections for ${duration} s, times in ms as wrk sees them on the same machine. Goal: p95
under 100 ms with 100,000 offers.

| page | req/s | p50 | p95 | p99 | p95 < 100 ms |
| --- | ---: | ---: | ---: | ---: | --- |
${render_rows}
Weight of each public page as served, uncompressed, in KB: the HTML and the stylesheets and scripts it loads (the portal
loads no images, fonts or scripts of others). Goal: under 200 KB.

| page | HTML | CSS + JS | total | < 200 KB |
| --- | ---: | ---: | ---: | --- |
${weight_rows}
MD
