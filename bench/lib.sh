# shellcheck shell=bash
# Shared helpers for the benchmark scripts, which source this file.
#
# Every process a script starts through these helpers is recorded in bench_pids and every temporary
# folder in bench_dirs, and bench_cleanup (installed as the EXIT trap by bench_init) stops and
# removes them. All traffic goes to 127.0.0.1.

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ILEADX_SERVER=${ILEADX_SERVER:-$bench_repo/build-bench/backend/ileadx-server}
bench_pids=()
bench_dirs=()

# Server options for every benchmark run. The rate limits (per client address and per account)
# are raised to their maximum, because every benchmark request comes from one address and one
# account, but the limiter still runs on each request. The sign-in throttle counts an attempt as
# failed until it succeeds, so a burst of concurrent sign-ins for one account would get 429 after
# auth.signInFreeFailures (default 5) attempts. Logging at warning level drops the one information
# line per request that the default level writes.
bench_server_options=(
    --set=log.level=warning
    --set=ratelimit.defaultPerMinute=1000000 --set=ratelimit.defaultBurst=1000000
    --set=ratelimit.authPerMinute=1000000 --set=ratelimit.authBurst=1000000
    --set=auth.signInFreeFailures=1000
)

bench_cleanup() {
    local pid
    for pid in "${bench_pids[@]}"; do
        if kill -0 "$pid" 2> /dev/null; then
            kill -TERM "$pid" 2> /dev/null || true
            wait "$pid" 2> /dev/null || true
        fi
    done
    if ((${#bench_dirs[@]} > 0)); then
        rm -rf "${bench_dirs[@]}"
    fi
}

# Installs the cleanup trap. Call once at the top of each script, after sourcing this file.
bench_init() {
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    if [[ ! -x "$ILEADX_SERVER" ]]; then
        echo "server binary not found: $ILEADX_SERVER; run bench/run-all.sh or set ILEADX_SERVER" >&2
        exit 1
    fi
}

# Creates a temporary folder that bench_cleanup removes, and stores its path in the variable named
# by the first argument. It does not print the path because a $(...) subshell would lose the record.
bench_make_temp_dir() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/ileadx-bench.XXXXXX")
    bench_dirs+=("$dir")
    printf -v "$1" '%s' "$dir"
}

# Prints a TCP port on 127.0.0.1 that refused a connection at the moment of the check.
bench_pick_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return
        fi
    done
}

# Starts ileadx-server on a free port of 127.0.0.1 and waits until it listens.
#   bench_start_server DATA_DIR [SERVER_OPTION...]
# Sets SERVER_PID and SERVER_PORT. Standard output and the log go to DATA_DIR/../server.out and
# server.err, appended. The super admin password printed on the first start is kept in
# DATA_DIR/../admin-password, so later starts on the same data folder can sign in too.
bench_start_server() {
    local data_dir=$1
    shift
    local run_dir
    run_dir=$(dirname "$data_dir")
    local out=$run_dir/server.out
    local lines_before=0
    [[ -f "$out" ]] && lines_before=$(wc -l < "$out")

    "$ILEADX_SERVER" --data-dir="$data_dir" --port=0 "$@" >> "$out" 2>> "$run_dir/server.err" &
    SERVER_PID=$!
    bench_pids+=("$SERVER_PID")

    local listening="" waited=0
    while [[ -z "$listening" ]]; do
        if ! kill -0 "$SERVER_PID" 2> /dev/null; then
            tail -n 20 "$run_dir/server.err" >&2
            echo "ileadx-server exited during start; its log is above" >&2
            return 1
        fi
        if ((waited >= 300)); then
            echo "ileadx-server did not listen within 30 s" >&2
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
        listening=$(tail -n "+$((lines_before + 1))" "$out" | sed -n 's#^listening on https://127.0.0.1:##p')
    done
    SERVER_PORT=$listening

    local password
    password=$(sed -n 's/^Password (shown once): //p' "$out" | head -n 1)
    if [[ -n "$password" && ! -f "$run_dir/admin-password" ]]; then
        printf '%s' "$password" > "$run_dir/admin-password"
    fi
}

# Sends SIGTERM to the server started last and waits for it to drain and exit.
bench_stop_server() {
    kill -TERM "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
}

# Prints the JSON body of a sign-in request for the bootstrap super admin of RUN_DIR.
bench_sign_in_body() {
    local run_dir=$1
    printf '{"email":"admin@ileadx.local","password":"%s"}' "$(cat "$run_dir/admin-password")"
}

# Signs in to the server started last and prints the access token.
bench_access_token() {
    local run_dir=$1
    curl --silent --show-error --insecure --tlsv1.3 --max-time 30 \
        -H 'Content-Type: application/json' --data "$(bench_sign_in_body "$run_dir")" \
        "https://127.0.0.1:$SERVER_PORT/api/v1/auth/login" |
        sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# Prints the median and the 95th percentile (nearest rank) of the numbers on standard input, one
# a line, as "MEDIAN P95". argon2_verify.c uses the same definitions.
bench_median_p95() {
    sort -g | awk '
        { value[NR] = $1 }
        END {
            if (NR == 0) { print "nan nan"; exit }
            median = (NR % 2 == 1) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2
            rank = int(0.95 * NR); if (rank < 0.95 * NR) rank++
            print median, value[rank]
        }'
}

# Prints one field of /proc/PID/status in KiB, such as VmRSS or VmHWM.
bench_memory_kib() {
    local pid=$1 field=$2 key value unit
    while read -r key value unit; do
        if [[ "$key" == "$field:" ]]; then
            echo "$value"
            return
        fi
    done < "/proc/$pid/status"
}

# Appends VmRSS of PID to FILE every INTERVAL seconds until STOP_FILE exists or the process exits.
bench_sample_rss() {
    local pid=$1 file=$2 stop_file=$3 interval=$4
    while [[ ! -e "$stop_file" ]] && kill -0 "$pid" 2> /dev/null; do
        bench_memory_kib "$pid" VmRSS >> "$file" 2> /dev/null || true
        sleep "$interval"
    done
}
