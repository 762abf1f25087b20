#!/usr/bin/env bash
# Measures the pages per second our crawler fetches from local websites (home page plus contact
# page each, after robots.txt) with politeness delays off, and the same for curl fetching the same
# URLs with the same concurrency, in the same run. nginx serves every site from one server block on
# 127.0.0.1 and picks the site by the Host header. Both clients map the names to 127.0.0.1
# themselves, so no DNS lookup happens.
#
# Usage: bench/crawl-throughput.sh OUTPUT_DIR
#   Raw output of every round goes to OUTPUT_DIR; the summary lines go to standard output.
#
# Environment:
#   CRAWL_BENCH        crawl_bench binary (default: build-bench/bench/crawl_bench). Build it with
#                      cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DILEADX_BUILD_BENCH=ON
#                      -DILEADX_BUILD_TESTS=OFF -DILEADX_BUILD_CONSOLE=OFF && ninja -C build-bench crawl_bench
#   BENCH_SITES        number of sites (default: 200)
#   BENCH_CONCURRENCY  sites fetched at once by each client (default: 8)
#   BENCH_ROUNDS       measured rounds per client, taken in turns (default: 5)
#   BENCH_PASSES       times each round goes through all sites (default: 5), so a round lasts
#                      long enough to measure
#
# The ratio is ours divided by curl's median pages per second, against each of two curl runs (see
# below). Above 1 means our crawler is faster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Not bench_init: this benchmark needs no ileadx-server binary.
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

out=${1:?usage: bench/crawl-throughput.sh OUTPUT_DIR}
mkdir -p "$out"
crawl_bench=${CRAWL_BENCH:-$bench_repo/build-bench/bench/crawl_bench}
site_count=${BENCH_SITES:-200}
concurrency=${BENCH_CONCURRENCY:-8}
rounds=${BENCH_ROUNDS:-5}
passes=${BENCH_PASSES:-5}
user_agent='iLeadXBot/1.0 (+https://ileadx.example/bot)'
if [[ ! -x "$crawl_bench" ]]; then
    echo "crawl_bench not found: $crawl_bench; build it as the header of $0 shows, or set CRAWL_BENCH" >&2
    exit 1
fi

# The folder is readable by everyone because nginx's workers drop to 'nobody' when started as root.
bench_make_temp_dir site_dir
chmod 755 "$site_dir"
mkdir -p "$site_dir/www" "$site_dir/temp"
port=$(bench_pick_port)

# About 16 KiB of text per home page, so the bodies are of a realistic size and gzip has work.
paragraph="<p>Our bakery has baked bread, rolls and cakes by hand since 1952. Every loaf rises for"
paragraph+=" at least twelve hours and bakes in a stone oven. Order cakes for weddings and birthdays"
paragraph+=" a week ahead; we deliver within the city on weekdays.</p>"
filler=$(for _ in $(seq 1 64); do printf '%s\n' "$paragraph"; done)

: > "$out/sites.txt"
: > "$out/curl-urls.txt"
for i in $(seq -w 1 "$site_count"); do
    site=site-$i
    mkdir -p "$site_dir/www/$site"
    {
        echo "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bakery $i</title></head>"
        echo '<body><nav><a href="/">Home</a> <a href="/blog.html">Blog</a> <a href="/kontakt.html">Kontakt</a></nav>'
        echo "$filler"
        echo '</body></html>'
    } > "$site_dir/www/$site/index.html"
    {
        echo "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kontakt $i</title></head>"
        echo "<body><p>Bakery $i, Hauptstraße $i, 10115 Berlin</p><p>Phone +49 30 1234 5$i, info@$site.test</p></body></html>"
    } > "$site_dir/www/$site/kontakt.html"
    printf 'User-agent: *\nDisallow: /private/\n' > "$site_dir/www/$site/robots.txt"
    base="http://$site.test:$port"
    echo "$base/" >> "$out/sites.txt"
    echo "-o /dev/null $base/robots.txt -o /dev/null $base/ -o /dev/null $base/kontakt.html" >> "$out/curl-urls.txt"
done
chmod -R a+rX "$site_dir/www"
for _ in $(seq 1 "$passes"); do cat "$out/curl-urls.txt"; done > "$out/curl-urls-all-passes.txt"

# One server block for all sites: the host name's first label picks the folder.
cat > "$site_dir/nginx.conf" << NGINX_END
worker_processes $(nproc);
daemon off;
pid $site_dir/nginx.pid;
error_log $site_dir/error.log warn;
events { worker_connections 1024; }
http {
    # Counts curl's requests: the status lines that parallel curl processes print can interleave.
    log_format status '\$status \$uri';
    access_log $site_dir/access.log status;
    types { text/html html; text/plain txt; }
    gzip on;
    gzip_types text/plain;
    client_body_temp_path $site_dir/temp/body;
    proxy_temp_path $site_dir/temp/proxy;
    fastcgi_temp_path $site_dir/temp/fastcgi;
    uwsgi_temp_path $site_dir/temp/uwsgi;
    scgi_temp_path $site_dir/temp/scgi;
    server {
        listen 127.0.0.1:$port;
        server_name ~^(?<site>[a-z0-9-]+)\.test\$;
        root $site_dir/www/\$site;
    }
}
NGINX_END
nginx -p "$site_dir" -e "$site_dir/error.log" -c "$site_dir/nginx.conf" &
bench_pids+=("$!")
for _ in $(seq 1 50); do
    curl --silent --output /dev/null --connect-to "::127.0.0.1:$port" "http://site-001.test:$port/" && break
    sleep 0.1
done

# Runs our crawler once over every site and prints its result line, failures included.
run_ours() {
    "$crawl_bench" "$out/sites.txt" "$concurrency" "$passes" || true
}

# Fetches every site's three URLs with curl, CONCURRENCY processes at a time, each process taking
# SITES_PER_PROCESS sites in turn. Like the crawler: gzip accepted, a new connection per request, the
# same User-Agent. Copies nginx's log lines of these requests to RAW and prints a line in the
# crawler's format.
#   run_curl RAW SITES_PER_PROCESS
run_curl() {
    local raw=$1 sites_per_process=$2 start end logged
    logged=$(wc -l < "$site_dir/access.log")
    start=$(date +%s.%N)
    xargs -P "$concurrency" -L "$sites_per_process" curl --silent --compressed --connect-to "::127.0.0.1:$port" \
        --header 'Connection: close' --user-agent "$user_agent" --max-time 15 \
        < "$out/curl-urls-all-passes.txt" || true
    end=$(date +%s.%N)
    tail -n "+$((logged + 1))" "$site_dir/access.log" > "$raw"
    awk -v start="$start" -v end="$end" -v sites="$((site_count * passes))" '
        $2 == "/robots.txt" { next }
        $1 == 200 { pages++ }
        $1 != 200 { failed++ }
        END {
            seconds = end - start
            printf "sites=%d pages=%d failed=%d seconds=%.3f pages_per_second=%.1f\n",
                sites, pages, failed + 0, seconds, pages / seconds
        }' "$raw"
}

# Prints the value of NAME=VALUE fields read from standard input, one a line.
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

# One unmeasured round of each first, so page-cache and nginx start-up stay out of the figures.
run_ours > /dev/null
run_curl "$out/curl-warmup.txt" 1 > /dev/null

# curl is measured twice: one process per site, as "xargs -P" usually runs it, and with the sites
# split evenly over CONCURRENCY processes, so process start-up hardly counts.
batch=$(((site_count * passes + concurrency - 1) / concurrency))
echo "sites=$site_count passes=$passes concurrency=$concurrency rounds=$rounds pages_per_site=2 nginx_workers=$(nproc)" \
    "curl_batch_sites_per_process=$batch"
: > "$out/ours.txt"
: > "$out/curl.txt"
: > "$out/curl-batch.txt"
for round in $(seq 1 "$rounds"); do
    ours=$(run_ours)
    per_site=$(run_curl "$out/curl-round-$round.txt" 1)
    batched=$(run_curl "$out/curl-batch-round-$round.txt" "$batch")
    echo "$ours" >> "$out/ours.txt"
    echo "$per_site" >> "$out/curl.txt"
    echo "$batched" >> "$out/curl-batch.txt"
    echo "round=$round ours: $ours | curl per site: $per_site | curl batched: $batched"
done

# Prints the median pages per second of the result lines in FILE.
median_rate() { field pages_per_second < "$1" | bench_median_p95 | cut -d ' ' -f 1; }
ours_median=$(median_rate "$out/ours.txt")
curl_median=$(median_rate "$out/curl.txt")
batch_median=$(median_rate "$out/curl-batch.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "ours_pages_per_second_median=$ours_median" \
    "curl_per_site_median=$curl_median ratio_per_site=$(ratio "$ours_median" "$curl_median")" \
    "curl_batched_median=$batch_median ratio_batched=$(ratio "$ours_median" "$batch_median")"
