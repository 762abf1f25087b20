#!/usr/bin/env bash
# Measures filtered audit queries over 1,000,000 audit entries: the time of one
# GET /api/v1/admin/audit?...&limit=50 divided by the time of the same SQL statement, with the same
# bound values, in the database's command-line client. It runs against SQLite (sqlite3) and, when
# PostgreSQL 15 or newer is installed, against a throwaway PostgreSQL cluster (psql). Every server
# listens on 127.0.0.1 only.
#
# The server creates the schema on its first start. The script then stops it, inserts the entries
# with one SQL statement, and starts it again. The generated entries carry placeholder hashes, so
# GET /api/v1/admin/audit/verify reports a broken chain; the list queries never read the hashes.
#
# What is timed: through the API, wrk sends the requests one after another on one TLS 1.3
# keep-alive connection, so a request's time includes TLS, HTTP parsing, the access check, the
# query and the JSON response, but no handshake. In the client, one process runs all N statements
# and writes the rows to /dev/null. The time of the same client run with no statements (start,
# connect, reading the script) is subtracted, so neither side counts process start-up.
#
# Usage: bench/audit-query.sh OUTPUT_DIR
#   Raw output goes to OUTPUT_DIR; the summary lines go to standard output.
#
# Environment:
#   ILEADX_SERVER       server binary (default: build-bench/backend/ileadx-server)
#   BENCH_DURATION      seconds of API requests per filter and round (default: 5)
#   BENCH_QUERIES       statements per client run (default: 500)
#   BENCH_ROUNDS        API and client measurements per filter, alternating (default: 3)
#   BENCH_SQLITE        "no" skips the SQLite measurement
#   BENCH_POSTGRES      "auto" (default) runs PostgreSQL when initdb is found, "no" skips it
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/audit-query.sh OUTPUT_DIR}
mkdir -p "$out"
duration=${BENCH_DURATION:-5}
queries=${BENCH_QUERIES:-500}
rounds=${BENCH_ROUNDS:-3}
entries=1000000
server_options=("${bench_server_options[@]}" --set=auth.requireTwoFactorForAdmins=false)

bench_make_temp_dir run_dir

# The generated trail: one entry every 30 s from 2025-01-01T00:00:00Z (about 347 days), 15 action
# types in turn, 1,000 actors, targets alternating between 5,000 users and sessions.
start_ms=1735689600000
step_ms=30000
actions=(user.deleted user.role_changed user.plan_changed auth.sign_in_succeeded auth.sign_in_failed
    auth.two_factor_failed auth.refresh_token_reused auth.signed_out settings.changed usage.reset
    session.revoked two_factor.enabled two_factor.disabled auth.password_changed auth.step_up_succeeded)

# Prints the SELECT of the generated rows for a row-number column named i. The caller adds FROM.
generated_rows() {
    local action_case="CASE i % ${#actions[@]}" k
    for k in "${!actions[@]}"; do
        action_case+=" WHEN $k THEN '${actions[$k]}'"
    done
    action_case+=" END"
    cat << EOF
SELECT base.seq + i, $start_ms + CAST(i AS BIGINT) * $step_ms,
    'actor-' || (i % 1000), 'actor' || (i % 1000) || '@example.com', 'admin', $action_case,
    CASE WHEN i % 2 = 0 THEN 'user' ELSE 'session' END, 'target-' || (i % 5000),
    NULL, '{"role":"user"}', '127.0.0.0', 'bench-' || i, repeat_hash, repeat_hash
EOF
}

columns="seq, occurred_at, actor_id, actor_email, actor_role, action, target_type, target_id,\
 old_value, new_value, ip_masked, request_id, prev_hash, entry_hash"

# Each filter: a name, the query string of the API request, the WHERE conditions that
# AuditRepository::listNewestFirst adds for it, and their values in order. The route requests
# limit + 1 rows to learn whether a next page exists, so the SQL's LIMIT is 51.
filter_names=(action actor target time_range)
filter_query=(
    "action=auth.signed_out"
    "actor=actor-417"
    "target_type=user&target_id=target-2024"
    "from=2025-06-01T00:00:00Z&to=2025-06-01T01:00:00Z"
)
filter_where=(
    "action = ?"
    "actor_id = ?"
    "target_type = ? AND target_id = ?"
    "occurred_at >= ? AND occurred_at < ?"
)
filter_values=(
    "'auth.signed_out'"
    "'actor-417'"
    "'user' 'target-2024'"
    "1748736000000 1748739600000"
)
page_rows=51

# Prints the listing statement with the placeholders numbered as PREFIX1, PREFIX2, ...
#   listing_sql FILTER_INDEX PREFIX
listing_sql() {
    local index=$1 prefix=$2 number=0 text="SELECT $columns FROM audit_log WHERE 1 = 1 AND ${filter_where[$1]}"
    text+=" ORDER BY seq DESC LIMIT ?"
    local numbered=""
    local part
    while [[ "$text" == *"?"* ]]; do
        part=${text%%\?*}
        number=$((number + 1))
        numbered+="$part$prefix$number"
        text=${text#*\?}
    done
    printf '%s%s' "$numbered" "$text"
}

# Prints the values of a filter followed by the LIMIT value, one a line.
filter_bindings() {
    local value
    for value in ${filter_values[$1]}; do
        echo "$value"
    done
    echo "$page_rows"
}

# Writes the sqlite3 script for FILTER_INDEX with COUNT statements to FILE.
write_sqlite_script() {
    local index=$1 count=$2 file=$3 number=0 value
    {
        echo ".timer off"
        while read -r value; do
            number=$((number + 1))
            echo ".parameter set ?$number $value"
        done < <(filter_bindings "$index")
        echo ".output /dev/null"
        local statement
        statement="$(listing_sql "$index" '?');"
        for _ in $(seq 1 "$count"); do
            echo "$statement"
        done
    } > "$file"
}

# Writes the psql script for FILTER_INDEX with COUNT statements to FILE. Poco's PostgreSQL connector
# prepares a named statement for each execution and deallocates it, so the script does the same.
write_psql_script() {
    local index=$1 count=$2 file=$3
    local arguments
    arguments=$(filter_bindings "$index" | paste -sd ',')
    local statement
    statement="PREPARE listing AS $(listing_sql "$index" '$'); EXECUTE listing($arguments); DEALLOCATE listing;"
    {
        echo '\o /dev/null'
        for _ in $(seq 1 "$count"); do
            echo "$statement"
        done
    } > "$file"
}

# Prints the wall time of a command in nanoseconds.
time_ns() {
    local started ended
    started=$(date +%s%N)
    "$@" > /dev/null
    ended=$(date +%s%N)
    echo $((ended - started))
}

# Prints the mean time in ms of one statement of FILTER_INDEX in the client, from a run of
# BENCH_QUERIES statements minus a run of none.
#   client_ms FILTER_INDEX CLIENT_FUNCTION WRITER_FUNCTION WORK_DIR
client_ms() {
    local index=$1 client=$2 writer=$3 work=$4
    "$writer" "$index" 0 "$work/empty.sql"
    "$writer" "$index" "$queries" "$work/full.sql"
    local empty full
    empty=$(time_ns "$client" "$work/empty.sql")
    full=$(time_ns "$client" "$work/full.sql")
    awk -v full="$full" -v empty="$empty" -v n="$queries" 'BEGIN { printf "%.4f", (full - empty) / n / 1e6 }'
}

# Prints the mean time in ms of one API request of FILTER_INDEX and the number of non-2xx responses,
# as "MS NON_2XX".
#   api_ms FILTER_INDEX LABEL ROUND
api_ms() {
    local index=$1 label=$2 round=$3
    local url="https://127.0.0.1:$SERVER_PORT/api/v1/admin/audit?${filter_query[$index]}&limit=50"
    local raw=$out/audit-$label-${filter_names[$index]}-round$round.txt
    wrk -t1 -c1 -d"${duration}s" --timeout 10s -H "Authorization: Bearer $token" "$url" > "$raw"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        END { printf "%.4f %d\n", 1000 / rps, non2xx + 0 }
    ' "$raw"
}

# Checks that each filter's API response has 50 entries and that the client finds 51 rows.
check_filters() {
    local label=$1 client=$2 writer=$3 work=$4 index
    for index in "${!filter_names[@]}"; do
        local url="https://127.0.0.1:$SERVER_PORT/api/v1/admin/audit?${filter_query[$index]}&limit=50"
        local api_rows client_rows
        api_rows=$(curl --silent --insecure --tlsv1.3 -H "Authorization: Bearer $token" "$url" | grep -o '"seq":' | wc -l)
        "$writer" "$index" 1 "$work/check.sql"
        sed -i '/^\.output/d; /^\\o/d' "$work/check.sql"
        client_rows=$("$client" "$work/check.sql" | grep -c 'actor-' || true)
        echo "check: $label filter=${filter_names[$index]} api_entries=$api_rows client_rows=$client_rows"
        if [[ "$api_rows" != 50 || "$client_rows" != "$page_rows" ]]; then
            echo "audit-query.sh: filter ${filter_names[$index]} did not return a full page" >&2
            exit 1
        fi
    done
}

# Measures every filter BENCH_ROUNDS times, API and client alternating, and prints their medians.
measure_filters() {
    local label=$1 client_function=$2 writer=$3 work=$4 index round
    for index in "${!filter_names[@]}"; do
        local api_times=() client_times=() failures=0 api bad client
        for round in $(seq 1 "$rounds"); do
            if ((round % 2 == 1)); then
                read -r api bad <<< "$(api_ms "$index" "$label" "$round")"
                client=$(client_ms "$index" "$client_function" "$writer" "$work")
            else
                client=$(client_ms "$index" "$client_function" "$writer" "$work")
                read -r api bad <<< "$(api_ms "$index" "$label" "$round")"
            fi
            api_times+=("$api")
            client_times+=("$client")
            failures=$((failures + bad))
            echo "round=$round $label filter=${filter_names[$index]} api_ms=$api client_ms=$client" >> "$out/audit-rounds.txt"
        done
        local api_median client_median
        read -r api_median _ <<< "$(printf '%s\n' "${api_times[@]}" | bench_median_p95)"
        read -r client_median _ <<< "$(printf '%s\n' "${client_times[@]}" | bench_median_p95)"
        echo "$label filter=${filter_names[$index]} api_ms=$api_median client_ms=$client_median" \
            "ratio=$(awk -v a="$api_median" -v c="$client_median" 'BEGIN { printf "%.2f", a / c }')" \
            "api_non2xx=$failures"
    done
}

# Signs in to the server started last and stores the token, or fails.
sign_in() {
    token=$(bench_access_token "$1")
    if [[ -z "$token" ]]; then
        tail -n 20 "$1/server.err" >&2
        echo "audit-query.sh: sign-in failed; the end of the server log is above" >&2
        exit 1
    fi
}

echo "entries=$entries page=50 api_seconds=$duration client_statements=$queries rounds=$rounds"

# SQLite: the server's default database file in its data folder.
measure_sqlite() {
    sqlite_run=$run_dir/sqlite
    mkdir -p "$sqlite_run"
    bench_start_server "$sqlite_run/data" "${server_options[@]}"
    bench_stop_server
    sqlite_file=$sqlite_run/data/ileadx.db
    fill_started=$(date +%s)
    sqlite3 "$sqlite_file" << EOF
PRAGMA cache_size = -262144;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $entries),
    base(seq) AS (SELECT COALESCE(MAX(seq), 0) FROM audit_log),
    hash(repeat_hash) AS (SELECT '$(printf '0%.0s' $(seq 1 64))')
INSERT INTO audit_log ($columns)
$(generated_rows) FROM n, base, hash;
EOF
    echo "sqlite: inserted $entries entries in $(($(date +%s) - fill_started)) s," \
        "file $(du -m "$sqlite_file" | cut -f 1) MiB"

    run_sqlite() {
        sqlite3 -batch "$sqlite_file" < "$1"
    }
    bench_start_server "$sqlite_run/data" "${server_options[@]}"
    sign_in "$sqlite_run"
    check_filters sqlite run_sqlite write_sqlite_script "$sqlite_run"
    measure_filters sqlite run_sqlite write_sqlite_script "$sqlite_run"
    bench_stop_server
}

if [[ "${BENCH_SQLITE:-yes}" != no ]]; then
    measure_sqlite
fi

# PostgreSQL: a throwaway cluster in the temporary folder, as scripts/test.sh starts one.
postgres_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)
if [[ "${BENCH_POSTGRES:-auto}" == no || -z "$postgres_bin" || ! -x "$postgres_bin/initdb" ]]; then
    echo "postgresql: skipped (BENCH_POSTGRES=no or no initdb under /usr/lib/postgresql)"
    exit 0
fi
as_postgres=()
pg_run=$run_dir/postgres
mkdir -p "$pg_run"
if ((EUID == 0)); then
    # initdb rejects root, so the cluster belongs to the 'postgres' system user.
    chmod 755 "$run_dir"
    chown postgres: "$pg_run"
    as_postgres=(runuser -u postgres --)
fi
as_cluster_owner() {
    (cd "$pg_run" && "${as_postgres[@]}" "$@")
}
pg_started=no
# The server goes first, so it does not log the database's shutdown as an error.
stop_postgres() {
    bench_stop_server
    if [[ "$pg_started" == yes ]]; then
        as_cluster_owner "$postgres_bin/pg_ctl" stop -D "$pg_run/cluster" -m fast -w > /dev/null || true
    fi
    bench_cleanup
}
trap stop_postgres EXIT

as_cluster_owner "$postgres_bin/initdb" -D "$pg_run/cluster" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C --no-sync > "$pg_run/initdb.log" 2>&1
pg_port=$(bench_pick_port)
# Trust authentication is safe here: the cluster listens on 127.0.0.1 only, its socket folder
# belongs to the cluster's owner, and it is removed after the run.
as_cluster_owner "$postgres_bin/pg_ctl" start -D "$pg_run/cluster" -w -t 60 -l "$pg_run/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_run -c fsync=off -c synchronous_commit=off" > /dev/null
pg_started=yes

run_psql() {
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -f "$1"
}
pg_server_options=("${server_options[@]}"
    "--set=database.url=postgresql:host=127.0.0.1 port=$pg_port user=postgres dbname=postgres")
pg_data=$pg_run/server/data
mkdir -p "$pg_run/server"
bench_start_server "$pg_data" "${pg_server_options[@]}"
bench_stop_server
fill_started=$(date +%s)
cat > "$pg_run/server/fill.sql" << EOF
INSERT INTO audit_log ($columns)
$(generated_rows) FROM generate_series(1, $entries) AS n(i),
    (SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log) AS base,
    (SELECT repeat('0', 64) AS repeat_hash) AS hash;
ANALYZE audit_log;
EOF
run_psql "$pg_run/server/fill.sql" > /dev/null
echo "postgresql $("$postgres_bin/postgres" --version | awk '{ print $3 }'): inserted $entries entries" \
    "in $(($(date +%s) - fill_started)) s, then ANALYZE"

bench_start_server "$pg_data" "${pg_server_options[@]}"
sign_in "$pg_run/server"
check_filters postgresql run_psql write_psql_script "$pg_run/server"
measure_filters postgresql run_psql write_psql_script "$pg_run/server"
bench_stop_server
