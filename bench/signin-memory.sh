#!/usr/bin/env bash
# Measures the server's resident memory while a burst of sign-ins (200 by default) arrives at once,
# for several values of auth.hashConcurrency. Each Argon2id hash allocates 64 MiB, so the peak
# should grow with the number of hashes allowed at once and not with the number of requests.
#
# Usage: bench/signin-memory.sh OUTPUT_DIR
#
# Environment:
#   ILEADX_SERVER              server binary (default: build-bench/backend/ileadx-server)
#   BENCH_BURST                sign-ins sent at once (default: 200)
#   BENCH_HASH_CONCURRENCY     auth.hashConcurrency values to run (default: "0 1 2 4"; 0 is the
#                              server's default, one hash per core)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/signin-memory.sh OUTPUT_DIR}
burst=${BENCH_BURST:-200}
settings=${BENCH_HASH_CONCURRENCY:-0 1 2 4}
mkdir -p "$out"

bench_make_temp_dir run_dir
# The first start creates the super admin, which hashes a password. It is stopped at once, so the
# measured starts below begin without a hash in their memory high-water mark.
bench_start_server "$run_dir/data" "${bench_server_options[@]}"
bench_stop_server
bench_sign_in_body "$run_dir" > "$run_dir/body.json"

# All requests go out at once on separate connections. Requests beyond server.threads (64) wait in
# the server's accept queue, and sign-ins that wait longer than auth.hashWaitSeconds (30) for a
# hashing slot get 503. Each request sends "Connection: close", because curl keeps finished
# connections open and an idle keep-alive connection keeps its server worker thread until
# server.keepAliveSeconds (15) pass. Without it the burst would measure that timeout: 64 sign-ins
# every 15 s.
config=$run_dir/curl-burst.conf
{
    echo 'silent'
    echo 'insecure'
    echo 'tlsv1.3'
    echo 'parallel'
    echo 'parallel-immediate'
    echo "parallel-max = $burst"
    echo 'max-time = 120'
    echo 'header = "Content-Type: application/json"'
    echo 'header = "Connection: close"'
    echo "data = \"@$run_dir/body.json\""
    echo 'write-out = "%{http_code} %{time_total}\n"'
    for number in $(seq 1 "$burst"); do
        echo "url = \"https://127.0.0.1:PORT/api/v1/auth/login\""
        echo "output = \"$run_dir/responses/$number.json\""
    done
} > "$config"

for setting in $settings; do
    bench_start_server "$run_dir/data" "${bench_server_options[@]}" --set=auth.hashConcurrency="$setting"
    sleep 1
    idle_kib=$(bench_memory_kib "$SERVER_PID" VmRSS)

    samples=$out/rss-concurrency-$setting.txt
    stop_file=$run_dir/stop-sampling
    rm -f "$samples" "$stop_file"
    bench_sample_rss "$SERVER_PID" "$samples" "$stop_file" 0.05 &
    sampler_pid=$!
    bench_pids+=("$sampler_pid")

    rm -rf "$run_dir/responses"
    mkdir "$run_dir/responses"
    started=$(date +%s.%N)
    sed "s/PORT/$SERVER_PORT/" "$config" | curl --no-progress-meter --config - > "$out/burst-concurrency-$setting.txt" || true
    finished=$(date +%s.%N)

    touch "$stop_file"
    wait "$sampler_pid" || true
    peak_kib=$(sort -n "$samples" | tail -n 1)
    hwm_kib=$(bench_memory_kib "$SERVER_PID" VmHWM)
    bench_stop_server

    awk -v setting="$setting" -v cores="$(nproc)" -v idle="$idle_kib" -v peak="$peak_kib" -v hwm="$hwm_kib" \
        -v seconds="$(awk -v a="$started" -v b="$finished" 'BEGIN { print b - a }')" \
        -v samples="$(wc -l < "$samples")" '
        { codes[$1]++; if ($2 > slowest) slowest = $2 }
        END {
            resolved = (setting == 0) ? cores : setting
            printf "hash_concurrency=%s resolved=%d idle_mib=%.0f peak_sampled_mib=%.0f peak_hwm_mib=%.0f", setting, resolved, idle / 1024, peak / 1024, hwm / 1024
            printf " growth_mib=%.0f growth_per_hash_mib=%.0f samples=%d burst_seconds=%.1f", (hwm - idle) / 1024, (hwm - idle) / 1024 / resolved, samples, seconds
            printf " slowest_signin_seconds=%.1f status_200=%d status_503=%d", slowest, codes["200"], codes["503"]
            other = 0
            for (code in codes) if (code != "200" && code != "503") other += codes[code]
            printf " status_other=%d\n", other
        }' "$out/burst-concurrency-$setting.txt"

    # Failed sign-ins are problem responses whose detail names the limit that rejected them.
    grep -h -o '"detail":"[^"]*"' "$run_dir"/responses/*.json 2> /dev/null | sort | uniq -c |
        sed 's/^ *\([0-9]*\) "detail":"\(.*\)"$/  \1 failed: \2/' || true
done
