# Shared steps of the console screenshot scripts; source it after `set -euo pipefail`. It creates
# the temporary folder $work, stops what the script started when it exits, and provides
# start_server, which starts ileadx-server on a loopback port with a throwaway data folder.

work=$(mktemp -d)
server_pid=""
xvfb_pid=""
console_pid=""

stop_pid() {
    local pid=$1
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        wait "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    # Stop only the processes this script started, by their ids.
    stop_pid "$console_pid"
    stop_pid "$server_pid"
    stop_pid "$xvfb_pid"
    rm -rf "$work"
}
trap cleanup EXIT

wait_for_line() {
    local pattern=$1 file=$2
    for _ in $(seq 1 100); do
        if grep -q "$pattern" "$file"; then
            return 0
        fi
        sleep 0.2
    done
    echo "timed out waiting for '$pattern' in $file" >&2
    cat "$file" >&2
    return 1
}

# start_server SERVER_BINARY [OPTION...] starts the server and sets url, admin_email,
# admin_password and certificate. curl may trust the certificate file because its fingerprint is
# checked against the one the server printed.
start_server() {
    local binary=$1
    shift
    mkdir -p "$work/server"
    "$binary" --data-dir="$work/server" --port=0 "$@" >"$work/server.log" 2>&1 &
    server_pid=$!
    wait_for_line "listening on https://" "$work/server.log"
    wait_for_line "Password (shown once)" "$work/server.log"
    url=$(grep -o "https://127.0.0.1:[0-9]*" "$work/server.log" | head -n1)
    admin_email=$(grep -B1 "Password (shown once)" "$work/server.log" | grep -o "[A-Za-z0-9._%+-]*@[A-Za-z0-9.-]*" | head -n1)
    admin_password=$(grep -o "Password (shown once): .*" "$work/server.log" | sed 's/.*: //')
    local printed_fingerprint file_fingerprint
    printed_fingerprint=$(grep "certificate SHA-256 fingerprint" "$work/server.log" | grep -o "\([0-9A-F]\{2\}:\)\{31\}[0-9A-F]\{2\}")

    certificate="$work/server/server-certificate.pem"
    file_fingerprint=$(openssl x509 -in "$certificate" -noout -fingerprint -sha256 | sed 's/.*=//')
    if [[ "$file_fingerprint" != "$printed_fingerprint" ]]; then
        echo "certificate file fingerprint $file_fingerprint differs from the printed $printed_fingerprint" >&2
        exit 1
    fi
}
