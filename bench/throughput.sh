#!/usr/bin/env bash
# Measures authenticated GET /api/v1/me requests per second over TLS 1.3 keep-alive connections,
# and the same rate for nginx serving the same response body as a static file over
# TLS 1.3, in the same run. Both servers listen on 127.0.0.1 only.
#
# Usage: bench/throughput.sh OUTPUT_DIR
#   Raw wrk output goes to OUTPUT_DIR; the summary lines go to standard output.
#
# Environment:
#   ILEADX_SERVER        server binary (default: build-bench/backend/ileadx-server)
#   BENCH_CONNECTIONS    wrk connection counts to try (default: "16 64"). Keep them at or below
#                        server.threads (default 64), because each keep-alive connection occupies
#                        one server worker thread and connections beyond that wait unserved.
#   BENCH_DURATION       seconds per measurement (default: 10)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/throughput.sh OUTPUT_DIR}
mkdir -p "$out"
connections=${BENCH_CONNECTIONS:-16 64}
duration=${BENCH_DURATION:-10}
cores=$(nproc)

bench_make_temp_dir run_dir
bench_start_server "$run_dir/data" "${bench_server_options[@]}"
token=$(bench_access_token "$run_dir")
if [[ -z "$token" ]]; then
    echo "throughput.sh: sign-in failed; see $run_dir/server.err" >&2
    exit 1
fi
ileadx_url="https://127.0.0.1:$SERVER_PORT/api/v1/me"

# nginx gets its own folder, certificate and configuration. The folder is readable by everyone
# because nginx's worker processes drop to the 'nobody' user when it is started as root.
bench_make_temp_dir nginx_dir
chmod 755 "$nginx_dir"
mkdir -p "$nginx_dir/www" "$nginx_dir/temp"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$nginx_dir/key.pem" -out "$nginx_dir/cert.pem" 2> "$nginx_dir/openssl.log"
# The static file is the body that /api/v1/me returns, so both servers send the same payload.
curl --silent --show-error --insecure --tlsv1.3 -H "Authorization: Bearer $token" "$ileadx_url" \
    > "$nginx_dir/www/me.json"
chmod 644 "$nginx_dir/www/me.json"
body_bytes=$(wc -c < "$nginx_dir/www/me.json")

nginx_port=$(bench_pick_port)
cat > "$nginx_dir/nginx.conf" << EOF
worker_processes $cores;
daemon off;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    # ileadx-server allows unlimited requests per keep-alive connection; nginx's default is 1000.
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    client_body_temp_path $nginx_dir/temp/body;
    proxy_temp_path $nginx_dir/temp/proxy;
    fastcgi_temp_path $nginx_dir/temp/fastcgi;
    uwsgi_temp_path $nginx_dir/temp/uwsgi;
    scgi_temp_path $nginx_dir/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port ssl;
        ssl_certificate $nginx_dir/cert.pem;
        ssl_certificate_key $nginx_dir/key.pem;
        ssl_protocols TLSv1.3;
        root $nginx_dir/www;
        default_type application/json;
        location = /api/v1/me { try_files /me.json =404; }
    }
}
EOF
nginx -p "$nginx_dir" -e "$nginx_dir/error.log" -c "$nginx_dir/nginx.conf" &
bench_pids+=("$!")
nginx_url="https://127.0.0.1:$nginx_port/api/v1/me"
for _ in $(seq 1 50); do
    curl --silent --insecure --tlsv1.3 --output /dev/null "$nginx_url" && break
    sleep 0.1
done
# Prints the HTTP status and the negotiated TLS version of one request, such as "200 TLSv1.3".
probe() {
    curl --silent --show-error --insecure --verbose --output /dev/null --write-out '%{http_code}\n' "$@" 2>&1 |
        sed -n -e 's/^\* SSL connection using \(TLSv[0-9.]*\).*/\1/p' -e '/^[0-9][0-9][0-9]$/p' | tac | paste -sd ' '
}
echo "check: nginx answers '$(probe "$nginx_url")'," \
    "ileadx-server answers '$(probe -H "Authorization: Bearer $token" "$ileadx_url")' (status, TLS version)"

# Runs wrk once and prints "REQUESTS_PER_SECOND P50 P99 NON_2XX SOCKET_ERRORS".
#   measure NAME URL CONNECTIONS
measure() {
    local name=$1 url=$2 connections=$3
    local raw=$out/wrk-$name-c$connections.txt
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency \
        -H "Authorization: Bearer $token" "$url" > "$raw"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = $2 }
        $1 == "99%" { p99 = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
        END { printf "%s %s %s %s %s\n", rps, p50, p99, non2xx + 0, (errors == "" ? "none" : errors) }
    ' "$raw"
}

# A short run of each first, so TLS session setup and page faults of the first seconds stay out of
# the measured runs.
wrk -t2 -c16 -d2s -H "Authorization: Bearer $token" "$ileadx_url" > /dev/null
wrk -t2 -c16 -d2s "$nginx_url" > /dev/null

echo "body_bytes=$body_bytes duration_s=$duration wrk_threads=2 nginx_workers=$cores"
for count in $connections; do
    read -r ileadx_rps ileadx_p50 ileadx_p99 ileadx_bad ileadx_errors <<< "$(measure ileadx "$ileadx_url" "$count")"
    read -r nginx_rps nginx_p50 nginx_p99 nginx_bad nginx_errors <<< "$(measure nginx "$nginx_url" "$count")"
    ratio=$(awk -v a="$ileadx_rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')
    echo "connections=$count ileadx_rps=$ileadx_rps ileadx_p50=$ileadx_p50 ileadx_p99=$ileadx_p99" \
        "ileadx_non2xx=$ileadx_bad ileadx_socket_errors=$ileadx_errors" \
        "nginx_rps=$nginx_rps nginx_p50=$nginx_p50 nginx_p99=$nginx_p99" \
        "nginx_non2xx=$nginx_bad nginx_socket_errors=$nginx_errors ratio=$ratio"
done
