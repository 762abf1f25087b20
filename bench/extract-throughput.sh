#!/usr/bin/env bash
# Measures how many megabytes of HTML per second the lead extraction (HTML5 parse, emails, phone
# numbers, social profiles, technology rules) reads, on a generated corpus of company pages. The
# reference, measured in the same run on the same files, is GNU grep extracting email-shaped
# strings with one regular expression. grep reads the bytes once and parses no HTML, so its rate is
# close to the cost of a single pass over the input on this machine.
#
# Usage: bench/extract-throughput.sh OUTPUT_DIR
#   The corpus and raw output go to OUTPUT_DIR; the summary line goes to standard output.
#
# Environment:
#   EXTRACT_BENCH  extract_bench binary (default: build-bench/bench/extract_bench). Build it with
#                  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DILEADX_BUILD_BENCH=ON
#                  -DILEADX_BUILD_TESTS=OFF -DILEADX_BUILD_CONSOLE=OFF && ninja -C build-bench extract_bench
#   BENCH_PAGES    number of generated pages (default: 240, about 6 MB)
#   BENCH_ROUNDS   passes over the corpus per measurement (default: 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Not bench_init: this benchmark needs no ileadx-server binary.
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

out=${1:?usage: bench/extract-throughput.sh OUTPUT_DIR}
extract_bench=${EXTRACT_BENCH:-$bench_repo/build-bench/bench/extract_bench}
page_count=${BENCH_PAGES:-240}
rounds=${BENCH_ROUNDS:-5}
if [[ ! -x "$extract_bench" ]]; then
    echo "extract_bench not found: $extract_bench; build it as the header of $0 shows, or set EXTRACT_BENCH" >&2
    exit 1
fi
corpus=$out/corpus
mkdir -p "$corpus"

# Head and scripts of one of four site builders, so the technology rules see varied markup.
page_head() {
    case $(($1 % 4)) in
    0) echo '<meta name="generator" content="WordPress 6.4.2"><link rel="stylesheet" href="/wp-content/themes/shop/style.css">'
       echo '<script src="/wp-includes/js/jquery/jquery.min.js"></script><script src="/wp-content/plugins/woocommerce/assets/js/cart.js"></script>' ;;
    1) echo '<script src="https://cdn.shopify.com/s/files/1/0001/theme.js"></script><script>window.Shopify = {}; Shopify.theme = {"name":"Dawn"};</script>' ;;
    2) echo '<script src="/_next/static/chunks/main-abc123.js" defer></script><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}}}</script>' ;;
    3) echo '<meta name="generator" content="TYPO3 CMS"><script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH1"></script>'
       echo '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag("config","G-BENCH1");</script>' ;;
    esac
    echo '<style>body{font-family:sans-serif;margin:0}.nav a{padding:4px 8px}.footer{background:#222;color:#eee}</style>'
}

# About 24 KB of body text, navigation and a contact footer.
page_body() {
    local i=$1 n
    echo '<header><nav class="nav">'
    for n in $(seq 1 30); do echo "<a href=\"/category/$n\">Category $n</a>"; done
    echo '</nav></header><main>'
    for n in $(seq 1 40); do
        echo "<h2>Section $n</h2><p>Our workshop in Berlin has built furniture to order since 1987. Every table is made from"
        echo "oak or walnut from certified forests, finished with natural oil and delivered within four weeks. Prices start at"
        echo "&euro; 1.290,00; the offer runs from 01.05.2024 to 31.05.2024. Ask for order $((i * 1000 + n)) by reference.</p>"
    done
    echo '</main><footer class="footer"><address>'
    echo "Acme $i GmbH, Hauptstra&szlig;e $i, 10115 Berlin<br>Telefon: 030 $((2000000 + i))<br>Fax: 030 $((3000000 + i))<br>"
    echo "E-Mail: <a href=\"mailto:info@acme$i.de\">info@acme$i.de</a>, vertrieb [at] acme$i [dot] de"
    echo '</address>'
    echo "<a href=\"https://www.linkedin.com/company/acme-$i/\">LinkedIn</a> <a href=\"https://www.facebook.com/acme$i\">Facebook</a>"
    echo "<a href=\"https://www.facebook.com/sharer/sharer.php?u=https://acme$i.de\">Share</a>"
    echo "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LocalBusiness\",\"name\":\"Acme $i\","
    echo "\"email\":\"kontakt@acme$i.de\",\"telephone\":\"+49 30 $((2000000 + i))\",\"sameAs\":[\"https://www.instagram.com/acme$i/\"]}</script>"
    echo '</footer>'
}

for i in $(seq 1 "$page_count"); do
    {
        echo "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Acme $i</title>"
        page_head "$i"
        echo '</head><body>'
        page_body "$i"
        echo '</body></html>'
    } > "$corpus/page-$i.html"
done
corpus_bytes=$(cat "$corpus"/*.html | wc -c)

"$extract_bench" "$bench_repo/resources/technologies.json" DE "$rounds" "$corpus"/*.html > "$out/extract_bench.txt"
ours=$(sed -n 's/.*extract_mb_s=\([0-9.]*\).*/\1/p' "$out/extract_bench.txt")
parse=$(sed -n 's/.*parse_mb_s=\([0-9.]*\).*/\1/p' "$out/extract_bench.txt")

# grep reads the same files the same number of times; the output is discarded after counting.
email_pattern='[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+'
LC_ALL=C grep -Eoh "$email_pattern" "$corpus"/*.html > /dev/null # warm the page cache
start=$(date +%s.%N)
for _ in $(seq 1 "$rounds"); do
    LC_ALL=C grep -Eoh "$email_pattern" "$corpus"/*.html > "$out/grep-emails.txt"
done
end=$(date +%s.%N)
reference=$(awk -v b="$corpus_bytes" -v r="$rounds" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", b * r / 1e6 / (e - s) }')
ratio=$(awk -v a="$ours" -v b="$reference" 'BEGIN { printf "%.3f", a / b }')

echo "pages=$page_count corpus_bytes=$corpus_bytes rounds=$rounds extract_mb_s=$ours parse_only_mb_s=$parse" \
    "grep_mb_s=$reference ratio=$ratio ($(cat "$out/extract_bench.txt" | sed 's/.*contacts_per_round=/contacts_per_round=/'))"
