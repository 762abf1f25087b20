#!/usr/bin/env bash
# Measures what the access check (JWT verification, session check, permission check) costs a
# request. The result is the requests per second of authenticated GET /api/v1/me divided by those
# of unauthenticated GET /healthz, both on the same server, over TLS 1.3 keep-alive connections to
# 127.0.0.1.
#
# The two routes differ by more than the check. /healthz is served outside the router, so it also
# skips the route match, the per-address and per-account rate-limit buckets and building a JSON
# object, while /api/v1/me reads the user from the in-memory user cache and serializes it (174
# bytes against 15). No public GET route goes through the router without reading the database (/readyz
# pings it), so this pair is the closest one, and the ratio is a lower bound for the check alone.
# Both routes get the same Authorization header, which /healthz ignores, so both requests have the
# same size and header parsing work.
#
# Usage: bench/auth-overhead.sh OUTPUT_DIR
#   Raw wrk output goes to OUTPUT_DIR; the summary lines go to standard output.
#
# Environment:
#   ILEADX_SERVER        server binary (default: build-bench/backend/ileadx-server)
#   BENCH_CONNECTIONS    wrk connections (default: 16; keep it at or below server.threads, 64)
#   BENCH_DURATION       seconds per measurement (default: 5)
#   BENCH_ROUNDS         measurements of each route, alternating which goes first (default: 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/auth-overhead.sh OUTPUT_DIR}
mkdir -p "$out"
connections=${BENCH_CONNECTIONS:-16}
duration=${BENCH_DURATION:-5}
rounds=${BENCH_ROUNDS:-5}

bench_make_temp_dir run_dir
bench_start_server "$run_dir/data" "${bench_server_options[@]}" --set=auth.requireTwoFactorForAdmins=false
token=$(bench_access_token "$run_dir")
if [[ -z "$token" ]]; then
    tail -n 20 "$run_dir/server.err" >&2
    echo "auth-overhead.sh: sign-in failed; the end of the server log is above" >&2
    exit 1
fi
base_url="https://127.0.0.1:$SERVER_PORT"

for path in /healthz /api/v1/me; do
    status=$(curl --silent --insecure --tlsv1.3 --output /dev/null --write-out '%{http_code}' \
        -H "Authorization: Bearer $token" "$base_url$path")
    if [[ "$status" != 200 ]]; then
        echo "auth-overhead.sh: GET $path returned $status instead of 200" >&2
        exit 1
    fi
done

# Runs wrk once against PATH and prints "REQUESTS_PER_SECOND NON_2XX SOCKET_ERRORS".
#   measure NAME PATH ROUND
measure() {
    local name=$1 path=$2 round=$3
    local raw=$out/auth-$name-round$round.txt
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s \
        -H "Authorization: Bearer $token" "$base_url$path" > "$raw"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
        END { printf "%s %s %s\n", rps, non2xx + 0, (errors == "" ? "none" : errors) }
    ' "$raw"
}

# A short run of each first, so TLS setup and the page faults of the first seconds stay out.
wrk -t2 -c"$connections" -d2s -H "Authorization: Bearer $token" "$base_url/healthz" > /dev/null
wrk -t2 -c"$connections" -d2s -H "Authorization: Bearer $token" "$base_url/api/v1/me" > /dev/null

echo "connections=$connections duration_s=$duration rounds=$rounds wrk_threads=2"
healthz_rates=()
me_rates=()
failures=0
for round in $(seq 1 "$rounds"); do
    # Alternating the order keeps a change in the machine's load from favouring one route.
    if ((round % 2 == 1)); then
        read -r healthz_rps healthz_bad healthz_errors <<< "$(measure healthz /healthz "$round")"
        read -r me_rps me_bad me_errors <<< "$(measure me /api/v1/me "$round")"
    else
        read -r me_rps me_bad me_errors <<< "$(measure me /api/v1/me "$round")"
        read -r healthz_rps healthz_bad healthz_errors <<< "$(measure healthz /healthz "$round")"
    fi
    healthz_rates+=("$healthz_rps")
    me_rates+=("$me_rps")
    failures=$((failures + healthz_bad + me_bad))
    ratio=$(awk -v a="$me_rps" -v b="$healthz_rps" 'BEGIN { printf "%.3f", a / b }')
    echo "round=$round healthz_rps=$healthz_rps healthz_non2xx=$healthz_bad healthz_socket_errors=$healthz_errors" \
        "me_rps=$me_rps me_non2xx=$me_bad me_socket_errors=$me_errors ratio=$ratio"
done

read -r healthz_median _ <<< "$(printf '%s\n' "${healthz_rates[@]}" | bench_median_p95)"
read -r me_median _ <<< "$(printf '%s\n' "${me_rates[@]}" | bench_median_p95)"
ratio=$(awk -v a="$me_median" -v b="$healthz_median" 'BEGIN { printf "%.3f", a / b }')
echo "median healthz_rps=$healthz_median me_rps=$me_median ratio=$ratio target=0.8" \
    "met=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) ? "yes" : "no" }') non2xx_total=$failures"
