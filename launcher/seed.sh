# shellcheck shell=bash disable=SC2153  # GATEWAY_PORT and the paths come from common.sh
# `./kim seed [ARGS…]`: fill the running `./kim up` stack with a fictional county through the gateway's public
# API (src/Tools/KimPlatform.Seed). ARGS go to the seeder (--cases N, --seed N, --tenant-suffix S; --help).

cmd_seed() {
    load_profile up
    ensure_secrets
    curl -fsS -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/health/ready" 2>/dev/null \
        || die "no healthy platform on http://127.0.0.1:$GATEWAY_PORT: start it with ./kim up (same KIM_PORT_OFFSET)"
    local project=$ROOT/src/Tools/KimPlatform.Seed
    if [[ ! -f $project/bin/Release/net10.0/KimPlatform.Seed.dll ]]; then
        say "building the seeder"
        dotnet build "$project" -c Release --nologo -v q >&2 || die "seeder build failed"
    fi
    dotnet "$project/bin/Release/net10.0/KimPlatform.Seed.dll" \
        --gateway "http://127.0.0.1:$GATEWAY_PORT" --signing-key-file "$SIGNING_KEY_FILE" "$@"
}
