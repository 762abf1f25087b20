#!/usr/bin/env bash
# Measures the latency of POST /api/v1/auth/login, sent one at a time over a keep-alive TLS 1.3
# connection, against bare libsodium crypto_pwhash_str_verify at the server's default cost
# (2 passes, 64 MiB), which is the floor under every successful sign-in.
#
# Usage: bench/signin-latency.sh OUTPUT_DIR ARGON2_VERIFY_BINARY
#   ARGON2_VERIFY_BINARY is bench/argon2_verify.c compiled (run-all.sh does that).
#
# Environment:
#   ILEADX_SERVER   server binary (default: build-bench/backend/ileadx-server)
#   BENCH_SIGNINS   number of sign-ins and of bare verifies (default: 30)
#   BENCH_ROUNDS    rounds that the measurements are split into (default: 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/signin-latency.sh OUTPUT_DIR ARGON2_VERIFY_BINARY}
argon2_verify=${2:?usage: bench/signin-latency.sh OUTPUT_DIR ARGON2_VERIFY_BINARY}
count=${BENCH_SIGNINS:-30}
rounds=${BENCH_ROUNDS:-5}
per_round=$(((count + rounds - 1) / rounds))
mkdir -p "$out"

bench_make_temp_dir run_dir
bench_start_server "$run_dir/data" "${bench_server_options[@]}"
url="https://127.0.0.1:$SERVER_PORT/api/v1/auth/login"
bench_sign_in_body "$run_dir" > "$run_dir/body.json"

# One curl process per round sends the round's requests in order over one connection, so each
# time_total is the request alone, without a TLS handshake (num_connects is 0 for a reused
# connection). The first request of a round opens the connection and is left out of the figures.
config=$run_dir/curl-signin.conf
{
    echo 'silent'
    echo 'show-error'
    echo 'insecure'
    echo 'tlsv1.3'
    echo 'max-time = 60'
    echo 'header = "Content-Type: application/json"'
    echo "data = \"@$run_dir/body.json\""
    echo 'write-out = "%{http_code} %{time_total} %{num_connects}\n"'
    for _ in $(seq 0 "$per_round"); do
        echo "url = \"$url\""
        echo 'output = "/dev/null"'
    done
} > "$config"

# Sign-ins and bare verifies alternate in rounds, so a change in the load from other processes
# during the run affects both sides alike. The server is idle while the bare verifies run.
: > "$out/signin-times.txt"
: > "$out/argon2-verify-times.txt"
for _ in $(seq 1 "$rounds"); do
    curl --config "$config" | tail -n +2 >> "$out/signin-times.txt"
    "$argon2_verify" "$per_round" 2 64 each | grep -v '=' >> "$out/argon2-verify-times.txt"
done
bench_stop_server

measured=$(wc -l < "$out/signin-times.txt")
failed=$(awk '$1 != 200' "$out/signin-times.txt" | wc -l)
connections=$(awk '{ sum += $3 } END { print sum + 0 }' "$out/signin-times.txt")
read -r signin_median signin_p95 <<< "$(awk '$1 == 200 { print $2 * 1000 }' "$out/signin-times.txt" | bench_median_p95)"
read -r verify_median verify_p95 <<< "$(bench_median_p95 < "$out/argon2-verify-times.txt")"

awk -v n="$measured" -v rounds="$rounds" -v failed="$failed" -v conns="$connections" \
    -v sm="$signin_median" -v sp="$signin_p95" -v vm="$verify_median" -v vp="$verify_p95" 'BEGIN {
    printf "signins=%d rounds=%d non200=%d new_connections=%d signin_median_ms=%.1f signin_p95_ms=%.1f", n, rounds, failed, conns, sm, sp
    printf " verify_median_ms=%.1f verify_p95_ms=%.1f median_ratio=%.2f p95_ratio=%.2f\n", vm, vp, sm / vm, sp / vp
}'
