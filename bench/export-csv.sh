#!/usr/bin/env bash
# Measures the CSV export of a search's leads through the API
# (GET /api/v1/searches/{id}/export?format=csv, streamed over HTTPS) against `sqlite3 -csv` writing
# the same rows from the same database file, and the server's peak resident memory during the
# export of 10,000 and of 100,000 leads. The export reads 1,000 leads per batch, so the peak should
# not grow with the number of leads. Everything runs on 127.0.0.1.
#
# Usage: bench/export-csv.sh OUTPUT_DIR
#   Raw timings and RSS samples go to OUTPUT_DIR; the summary lines go to standard output.
#
# Environment:
#   ILEADX_SERVER     server binary (default: build-bench/backend/ileadx-server)
#   BENCH_LEAD_COUNTS lead counts to export, one search each (default: "10000 100000")
#   BENCH_RUNS        timed runs per side and count; the median is reported (default: 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init

out=${1:?usage: bench/export-csv.sh OUTPUT_DIR}
mkdir -p "$out"
counts=${BENCH_LEAD_COUNTS:-10000 100000}
runs=${BENCH_RUNS:-5}

# The bootstrap account is a super admin on the free plan. A password sign-in must give it a full
# session, and neither the free plan's monthly exports nor the export rate limit may stop the runs.
server_options=(
    "${bench_server_options[@]}"
    --set=auth.requireTwoFactorForAdmins=false
    --set=plans.free.exportsPerMonth=1000000
    --set=ratelimit.exportPerMinute=1000000 --set=ratelimit.exportBurst=1000000
)

bench_make_temp_dir run_dir
database=$run_dir/data/ileadx.db
# The first start creates the schema and the super admin. The searches and their leads are then
# written with sqlite3 while the server is stopped, which takes seconds where running real
# searches would take hours and would need the providers' network.
bench_start_server "$run_dir/data" "${server_options[@]}"
bench_stop_server
user_id=$(sqlite3 "$database" "SELECT id FROM users WHERE email = 'admin@ileadx.local'")

# Inserts one completed search with COUNT leads and prints its id. The rows fill every column the
# export writes. Some names, addresses and score reasons contain commas, quotes or line breaks, and
# every phone and some names start with '+' or '=', so the export has to quote and neutralise them.
create_search() {
    local count=$1
    local id
    id=$(printf 'bench%03d-0000-4000-8000-%012d' "$((count % 1000))" "$count")
    sqlite3 -bail "$database" << EOF
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO searches (id, user_id, query, location, country_code, max_results, providers, status,
                      attempts, created_at, started_at, finished_at, listings_found, sites_total,
                      sites_crawled, leads_stored)
VALUES ('$id', '$user_id', 'bakeries', 'Berlin', 'DE', $count, 'demo', 'completed',
        1, 1764800000000, 1764800001000, 1764803600000, $count, $count, $count, $count);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO leads (id, search_id, dedupe_key, name, address, country_code, phone, website, category,
                   rating, review_count, emails, phones, social_profiles, technologies, has_email,
                   has_phone, website_reachable, score, score_reasons, provider, provider_id,
                   created_at)
SELECT printf('%08x-%04x-4%03x-8%03x-%012x', i * 2654435761 % 4294967296, i % 65536, i % 4096,
              (i * 7) % 4096, $count * 10000000 + i),
       '$id',
       printf('bakery-%d.example', i),
       CASE i % 10 WHEN 0 THEN printf('Bäckerei "Zum Korn" %d, GmbH', i)
                   WHEN 1 THEN printf('=Brot & Co %d', i)
                   ELSE printf('Bakery Müller %d', i) END,
       printf('Hauptstraße %d, %05d Berlin', i % 300 + 1, 10000 + i % 9000),
       'DE',
       printf('+49 30 %07d', i),
       printf('https://www.bakery-%d.example/', i),
       'Bakery',
       CASE WHEN i % 7 = 0 THEN NULL ELSE printf('%.1f', 3.0 + (i % 21) / 10.0) END,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i % 500 END,
       printf('info@bakery-%d.example; orders@bakery-%d.example', i, i),
       printf('+49 30 %07d; +49 170 %07d', i, i * 3 % 10000000),
       printf('https://www.facebook.com/bakery%d; https://www.instagram.com/bakery%d', i, i),
       'WordPress; WooCommerce; Google Analytics',
       1, 1, i % 13 <> 0,
       i % 101,
       CASE WHEN i % 5 = 0 THEN 'email found; phone found; website "reachable"'
            ELSE 'email found; phone found' || char(10) || 'rating above 4' END,
       'demo',
       printf('demo:%d', i),
       1764800000000 + i * 1000
FROM n;
COMMIT;
EOF
    echo "$id"
}

declare -A search_ids
for count in $counts; do
    search_ids[$count]=$(create_search "$count")
    stored=$(sqlite3 "$database" "SELECT COUNT(*) FROM leads WHERE search_id = '${search_ids[$count]}'")
    if [[ "$stored" != "$count" ]]; then
        echo "export-csv.sh: inserting leads failed: stored $stored of $count; the sqlite3 error is above" >&2
        exit 1
    fi
done
sqlite3 "$database" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null

# The same columns, order and timestamp format as the export (backend/searches/LeadExport.cpp).
# sqlite3 quotes only the cells that need it, while the export quotes every text cell.
reference_sql() {
    local id=$1
    cat << EOF
SELECT id, name, score, website, emails, phones, phone AS listing_phone, address,
       country_code AS country, category, rating, review_count, social_profiles, technologies,
       score_reasons, CASE website_reachable WHEN 1 THEN 'true' ELSE 'false' END AS website_reachable,
       provider, provider_id,
       strftime('%Y-%m-%dT%H:%M:%fZ', created_at / 1000.0, 'unixepoch') AS created_at
FROM leads WHERE search_id = '$id' ORDER BY score DESC, id DESC;
EOF
}

# Prints the median of the numbers on standard input.
median() {
    bench_median_p95 | cut -d ' ' -f 1
}

echo "runs=$runs lead_counts=\"$counts\" export_batch=1000 curl_tls=1.3 new_connection_per_run=yes"
for count in $counts; do
    id=${search_ids[$count]}

    # A fresh server per count, so its memory contains nothing from the previous count's exports.
    bench_start_server "$run_dir/data" "${server_options[@]}"
    token=$(bench_access_token "$run_dir")
    if [[ -z "$token" ]]; then
        echo "export-csv.sh: sign-in failed; see $run_dir/server.err" >&2
        exit 1
    fi
    url="https://127.0.0.1:$SERVER_PORT/api/v1/searches/$id/export?format=csv"
    sleep 0.5
    # The sign-in's Argon2id hash takes 64 MiB, so the high-water mark is reset after it (writing 5
    # to clear_refs, Linux 4.0 and later) and then covers the exports only.
    echo 5 > "/proc/$SERVER_PID/clear_refs"
    idle_kib=$(bench_memory_kib "$SERVER_PID" VmRSS)

    samples=$out/rss-export-$count.txt
    stop_file=$run_dir/stop-sampling-$count
    rm -f "$samples"
    bench_sample_rss "$SERVER_PID" "$samples" "$stop_file" 0.02 &
    sampler_pid=$!
    bench_pids+=("$sampler_pid")

    # One untimed export first, so the database pages are in the page cache for both sides.
    curl --silent --show-error --insecure --tlsv1.3 -H "Authorization: Bearer $token" \
        --output "$out/export-$count.csv" "$url"
    sqlite3 -csv -header "$database" "$(reference_sql "$id")" > "$out/sqlite3-$count.csv"

    api_times=$out/times-api-$count.txt
    reference_times=$out/times-sqlite3-$count.txt
    : > "$api_times"
    : > "$reference_times"
    for _ in $(seq 1 "$runs"); do
        # time_total covers the TLS handshake and the whole streamed body.
        curl --silent --show-error --insecure --tlsv1.3 -H "Authorization: Bearer $token" \
            --output /dev/null --write-out '%{http_code} %{time_total} %{size_download}\n' "$url" >> "$out/curl-$count.txt"
        tail -n 1 "$out/curl-$count.txt" | cut -d ' ' -f 2 >> "$api_times"

        started=$(date +%s.%N)
        sqlite3 -csv -header "$database" "$(reference_sql "$id")" > /dev/null
        finished=$(date +%s.%N)
        awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.6f\n", b - a }' >> "$reference_times"
    done

    touch "$stop_file"
    wait "$sampler_pid" || true
    peak_sampled_kib=$(sort -n "$samples" | tail -n 1)
    hwm_kib=$(bench_memory_kib "$SERVER_PID" VmHWM)
    bench_stop_server

    api_median=$(median < "$api_times")
    reference_median=$(median < "$reference_times")
    statuses=$(cut -d ' ' -f 1 "$out/curl-$count.txt" | sort | uniq -c | awk '{ printf "%s%s:%s", sep, $2, $1; sep = "," }')
    rows=$(($(grep -c $'\r$' "$out/export-$count.csv") - 1))
    awk -v count="$count" -v rows="$rows" -v api="$api_median" -v ref="$reference_median" \
        -v api_bytes="$(wc -c < "$out/export-$count.csv")" -v ref_bytes="$(wc -c < "$out/sqlite3-$count.csv")" \
        -v statuses="$statuses" -v idle="$idle_kib" -v sampled="$peak_sampled_kib" -v hwm="$hwm_kib" '
        BEGIN {
            printf "leads=%d rows_exported=%d statuses=%s api_median_s=%.3f sqlite3_median_s=%.3f ratio=%.2f", count, rows, statuses, api, ref, api / ref
            printf " api_bytes=%d sqlite3_bytes=%d api_mib_per_s=%.1f", api_bytes, ref_bytes, api_bytes / api / 1048576
            printf " idle_rss_mib=%.1f peak_sampled_rss_mib=%.1f vmhwm_mib=%.1f growth_mib=%.1f\n", idle / 1024, sampled / 1024, hwm / 1024, (hwm - idle) / 1024
        }'
done
