#!/usr/bin/env bash
# Builds a Release server in build-bench/ and runs every benchmark: /api/v1/me throughput against
# nginx, sign-in latency against bare Argon2id, memory during a sign-in burst, and the CSV export of
# 10,000 and 100,000 leads against sqlite3 -csv with the export's memory. It also measures the
# access check's cost (/api/v1/me against /healthz) and audit queries over 1,000,000 entries
# against the same SQL in sqlite3 and psql, which together add about 4 minutes. All traffic
# stays on 127.0.0.1. Takes 2 to 5 minutes after the build on a 2-core machine, depending on the
# other load.
#
# Usage: bench/run-all.sh [OUTPUT_DIR]
#   Raw output goes to OUTPUT_DIR (default: a new temporary folder, kept and printed at the end).
#   The summary, with the machine and versions, is printed and saved as OUTPUT_DIR/summary.txt.
#
# Environment: ILEADX_BUILD_JOBS (default: nproc) and the variables of the single benchmark
# scripts (BENCH_CONNECTIONS, BENCH_DURATION, BENCH_SIGNINS, BENCH_BURST, BENCH_HASH_CONCURRENCY,
# BENCH_LEAD_COUNTS, BENCH_RUNS, BENCH_ROUNDS, BENCH_QUERIES, BENCH_SQLITE, BENCH_POSTGRES).
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench_dir")
build_dir=$repo/build-bench
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/ileadx-bench-results.XXXXXX")}
mkdir -p "$out"

"$repo/scripts/install-deps.sh" --with-bench

# Only the server is built: the benchmarks need neither the console nor the tests.
cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DILEADX_BUILD_SERVER=ON -DILEADX_BUILD_CONSOLE=OFF -DILEADX_BUILD_TESTS=OFF \
    -DILEADX_WARNINGS_AS_ERRORS=OFF > "$out/cmake.log"
ninja -C "$build_dir" -j "${ILEADX_BUILD_JOBS:-$(nproc)}" ileadx-server > "$out/ninja.log"
export ILEADX_SERVER=$build_dir/backend/ileadx-server

cc -O2 -Wall -Wextra -o "$out/argon2_verify" "$bench_dir/argon2_verify.c" -lsodium

summary=$out/summary.txt
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git -C "$repo" rev-parse --short HEAD 2> /dev/null || echo unknown)" \
        "$(git -C "$repo" status --porcelain 2> /dev/null | grep -q . && echo '(with uncommitted changes)')"
    echo "cpu: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "memory: $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "load average before the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "versions: $(nginx -v 2>&1 | sed 's#nginx version: ##'), $(wrk -v 2>&1 | head -n 1 | cut -d ' ' -f 1-2)," \
        "curl $(curl --version | head -n 1 | cut -d ' ' -f 2), $(openssl version | cut -d ' ' -f 1-2)," \
        "libsodium $(dpkg-query --show --showformat='${Version}' libsodium23), libpoco $(dpkg-query --show --showformat='${Version}' libpoco-dev)"
    echo
    echo "== throughput: GET /api/v1/me against nginx static file, TLS 1.3 keep-alive"
    "$bench_dir/throughput.sh" "$out"
    echo
    echo "== sign-in latency: sequential POST /api/v1/auth/login against bare crypto_pwhash_str_verify"
    "$bench_dir/signin-latency.sh" "$out" "$out/argon2_verify"
    echo
    echo "== memory during a burst of ${BENCH_BURST:-200} sign-ins"
    "$bench_dir/signin-memory.sh" "$out"
    echo
    echo "== CSV export: GET /api/v1/searches/{id}/export?format=csv against sqlite3 -csv, with peak RSS"
    "$bench_dir/export-csv.sh" "$out"
    echo
    echo "== access check: authenticated GET /api/v1/me against unauthenticated GET /healthz"
    "$bench_dir/auth-overhead.sh" "$out"
    echo
    echo "== audit queries over 1,000,000 entries: GET /api/v1/admin/audit against the same SQL in sqlite3 and psql"
    "$bench_dir/audit-query.sh" "$out"
    echo
    echo "load average after the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"
} 2>&1 | tee "$summary"

echo
echo "Raw output and summary: $out"
