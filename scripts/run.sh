#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs the server in the foreground with the
# embedded defaults: SQLite and a self-signed certificate in data/ of the repository, HTTPS on
# 127.0.0.1:8443. Ctrl+C stops the server.
#
# Usage: scripts/run.sh [SERVER_OPTION...]
#   Server options are passed on, for example scripts/run.sh --port=9443
#   (build/backend/ileadx-server --help lists them all).
#
# Environment: ILEADX_BUILD_DIR and ILEADX_BUILD_JOBS as for scripts/build.sh, and every ILEADX_*
# configuration variable that ileadx-server --help lists.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ILEADX_BUILD_DIR:-$repo/build}
data_dir=$repo/data
server=$build_dir/backend/ileadx-server
console=$build_dir/app/ileadx-console

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

"$repo/scripts/install-deps.sh"
"$repo/scripts/build.sh"

# Paths in the sign-in guide are shown relative to the current folder when they lie below it.
display_path() {
    local path=$1
    if [[ "$path" == "$PWD"/* ]]; then
        echo "${path#"$PWD"/}"
    else
        echo "$path"
    fi
}

print_sign_in_guide() {
    local url=$1 password_shown=$2
    local certificate email
    certificate=$(display_path "$data_dir/server-certificate.pem")
    email=${ILEADX_BOOTSTRAP_ADMIN_EMAIL:-admin@ileadx.local}

    echo
    echo "================================================================================"
    echo "iLeadX server is running at $url (Ctrl+C stops it)"
    echo
    echo "  Email:     $email"
    if [[ "$password_shown" == yes ]]; then
        echo "  Password:  the line 'Password (shown once)' above. Save it now;"
        echo "             it is not shown again."
    else
        echo "  Password:  printed once, on the first start with this database."
        echo "             If it is lost, create another super admin, which prints a new"
        echo "             password (add the same --database-url if you passed one):"
        echo "             $(display_path "$server") create-super-admin --email=you@example.com \\"
        echo "                 --data-dir=$(display_path "$data_dir")"
    fi
    echo
    echo "  Admins must set up two-factor sign-in before anything else; the desktop console"
    echo "  walks you through it (a QR code for an authenticator app, then recovery codes)."
    echo
    echo "  Try a lead search from a shell as a customer, on the bundled demo data (13 made-up"
    echo "  businesses in Alderbrook, US, whose websites this server serves itself on a loopback"
    echo "  port). The certificate file pins the self-signed certificate."
    echo "  1. Register a customer account and sign in; the answer holds an access_token:"
    echo "    curl --tlsv1.3 --cacert $certificate $url/api/v1/auth/register \\"
    echo "      -H 'Content-Type: application/json' \\"
    echo "      -d '{\"email\":\"buyer@example.com\",\"password\":\"a long demo passphrase\"}'"
    echo "    curl --tlsv1.3 --cacert $certificate $url/api/v1/auth/login \\"
    echo "      -H 'Content-Type: application/json' \\"
    echo "      -d '{\"email\":\"buyer@example.com\",\"password\":\"a long demo passphrase\"}'"
    echo "  2. Start a search (a query matches a business name or category):"
    echo "    curl --tlsv1.3 --cacert $certificate $url/api/v1/searches \\"
    echo "      -H 'Authorization: Bearer ACCESS_TOKEN' -H 'Content-Type: application/json' \\"
    echo "      -d '{\"query\":\"bakery\",\"location\":\"Alderbrook\",\"country\":\"US\"}'"
    echo "  3. Poll GET $url/api/v1/searches/SEARCH_ID until its status is completed,"
    echo "     then read GET $url/api/v1/searches/SEARCH_ID/leads (same Authorization header)."
    echo
    echo "  Desktop console (needs a graphical session): $(display_path "$console")"
    echo "    Enter $url, the email and the password. On the first connection it"
    echo "    shows the certificate fingerprint: compare it with the line above."
    echo "================================================================================"
    echo
}

mkdir -p "$data_dir"
echo "Starting $(display_path "$server") with data folder $(display_path "$data_dir")"

# The server's output and log (the one-time password, the certificate fingerprint, the address)
# pass through the loop below, which adds the sign-in guide once the server listens. Both streams
# share one pipe, so no log line lands inside the guide. Ctrl+C reaches the server directly
# because both run in the foreground. The loop ignores SIGINT and SIGPIPE and keeps reading until
# the server has drained and closed its output. So the server never writes into a closed pipe
# while it stops, even when a tee or pager after run.sh has already exited.
set +e
# demo.enabled serves the bundled demo websites and listings, so a search works without internet
# access; a later --set=demo.enabled=false in the options turns it off.
"$server" --data-dir="$data_dir" --set=demo.enabled=true "$@" 2>&1 | {
    trap '' INT PIPE
    password_shown=no
    while IFS= read -r line; do
        printf '%s\n' "$line"
        case "$line" in
            "Password (shown once):"*) password_shown=yes ;;
            "listening on "*) print_sign_in_guide "${line#listening on }" "$password_shown" ;;
        esac
    done
} 2> /dev/null
status=${PIPESTATUS[0]}
set -e

# 130 is the shell's status for a process ended by SIGINT, which is how Ctrl+C is meant to stop it.
if ((status != 0 && status != 130)); then
    echo "run.sh: ileadx-server exited with status $status; its log is above." >&2
    exit "$status"
fi
