# shellcheck shell=bash
# `./kim token`: a development JWT that the gateway and the services accept locally. The claims
# match tests/KimPlatform.Testing/DevTokens.cs (issuer kim-dev, audience kim-platform, HS256 with
# the base64-decoded key of .kim/dev-signing-key); change both together.

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# hmac_sha256 HEXKEY < MESSAGE: the raw HMAC-SHA256 (RFC 2104) from two SHA-256 passes fed on stdin, so
# that the key never appears on a command line (where `ps` would show it, as `openssl -macopt` would).
hmac_sha256() {
    local hexkey=$1 ipad="" opad="" i byte
    if ((${#hexkey} > 128)); then   # keys longer than the 64-byte block are hashed first
        hexkey=$(printf '%b' "$(sed 's/../\\x&/g' <<<"$hexkey")" | openssl dgst -sha256 -binary | od -An -v -tx1 | tr -d ' \n')
    fi
    while ((${#hexkey} < 128)); do hexkey+=00; done
    for ((i = 0; i < 128; i += 2)); do
        byte=$((16#${hexkey:i:2}))
        printf -v ipad '%s\\x%02x' "$ipad" $((byte ^ 0x36))
        printf -v opad '%s\\x%02x' "$opad" $((byte ^ 0x5c))
    done
    { printf '%b' "$opad"; { printf '%b' "$ipad"; cat; } | openssl dgst -sha256 -binary; } | openssl dgst -sha256 -binary
}

json_string() {   # callers reject control characters first
    local s=${1//\\/\\\\}
    printf '"%s"' "${s//\"/\\\"}"
}

cmd_token() {
    local tenant="" org="" name="Dev User" sub="" hours=8 roles=() role ok allowed
    while (($#)); do
        case $1 in
            --tenant|--org|--role|--name|--sub|--hours)
                (($# >= 2)) || die "token: $1 needs a value"
                case $1 in
                    --tenant) tenant=$2 ;; --org) org=$2 ;; --role) roles+=("$2") ;;
                    --name) name=$2 ;; --sub) sub=$2 ;; --hours) hours=$2 ;;
                esac
                shift 2 ;;
            *) die "token: unknown argument '$1' (./kim help)" ;;
        esac
    done
    [[ $tenant =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "token: --tenant must be a lowercase key like kreis-guetersloh"
    [[ $org =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "token: --org must be a lowercase key like stadt-rietberg"
    ((${#roles[@]})) || die "token: give at least one --role (${ROLES_ALLOWED[*]})"
    for role in "${roles[@]}"; do
        ok=0
        for allowed in "${ROLES_ALLOWED[@]}"; do [[ $role == "$allowed" ]] && ok=1; done
        ((ok)) || die "token: unknown role '$role' (${ROLES_ALLOWED[*]})"
    done
    [[ $hours =~ ^[1-9][0-9]?$ ]] && ((hours <= 24)) || die "token: --hours must be a whole number from 1 to 24"
    [[ -n $sub ]] || sub=$(</proc/sys/kernel/random/uuid)
    [[ $name != *[[:cntrl:]]* && $sub != *[[:cntrl:]]* ]] || die "token: --name/--sub must not contain control characters"

    ensure_packages
    ensure_secrets
    local iat exp header payload signing_input hexkey signature
    iat=$(date +%s)
    exp=$((iat + hours * 3600))
    header='{"alg":"HS256","typ":"JWT"}'
    if command -v jq >/dev/null; then
        payload=$(jq -cn --arg sub "$sub" --arg name "$name" --arg tenant "$tenant" --arg org "$org" \
            --argjson iat "$iat" --argjson exp "$exp" \
            '{iss:"kim-dev",aud:"kim-platform",sub:$sub,name:$name,tenant:$tenant,org:$org,
              roles:$ARGS.positional,iat:$iat,nbf:$iat,exp:$exp}' --args "${roles[@]}")
    else
        local role_list=""
        for role in "${roles[@]}"; do role_list+=${role_list:+,}\"$role\"; done
        payload=$(printf '{"iss":"kim-dev","aud":"kim-platform","sub":%s,"name":%s,"tenant":"%s","org":"%s","roles":[%s],"iat":%d,"nbf":%d,"exp":%d}' \
            "$(json_string "$sub")" "$(json_string "$name")" "$tenant" "$org" "$role_list" "$iat" "$iat" "$exp")
    fi
    signing_input=$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)
    # The services use Convert.FromBase64String(key): sign with the decoded bytes, not the text.
    hexkey=$(openssl base64 -d -A <<<"$SIGNING_KEY" | od -An -v -tx1 | tr -d ' \n')
    signature=$(printf '%s' "$signing_input" | hmac_sha256 "$hexkey" | b64url)
    printf '%s.%s\n' "$signing_input" "$signature"
}

