// Crawls a list of local websites with one SiteCrawler and prints how many pages per second it
// fetched. Driven by bench/crawl-throughput.sh, which serves the sites with nginx on 127.0.0.1.
//
// Usage: crawl_bench SITES_FILE CONCURRENCY [PASSES]
//   SITES_FILE   one website URL a line, such as http://site-001.test:PORT/; every host:port in
//                it is mapped to 127.0.0.1:PORT, so no DNS lookup happens
//   CONCURRENCY  sites crawled at once, and the crawler's global concurrency limit
//   PASSES       times the whole list is crawled (default 1), each by a new crawler so that
//                robots.txt is fetched again
//
// Prints one line over all passes: "sites=N pages=P failed=F seconds=S pages_per_second=R". Pages are the HTML
// pages fetched without error (robots.txt requests are made but not counted); failed counts pages
// with an error and sites with no page at all. Exits with 1 when anything failed.
#include "leads/crawl/SiteCrawler.h"

#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<std::string> readLines(const char* path)
{
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

ileadx::leads::CrawlerOptions benchOptions(const std::vector<std::string>& sites, int concurrency)
{
    ileadx::leads::CrawlerOptions options;
    options.allowPrivateAddresses = true;
    options.perHostDelayMs = 0;
    options.globalConcurrency = concurrency;
    options.maxPagesPerSite = 2;
    for (const std::string& site : sites) {
        const Poco::URI url(site);
        const std::string port = std::to_string(url.getPort());
        options.resolve[url.getHost() + ":" + port] = "127.0.0.1:" + port;
    }
    return options;
}

struct Totals
{
    std::atomic<std::size_t> pages{0};
    std::atomic<std::size_t> failed{0};
};

// Crawls every site once, CONCURRENCY at a time, and adds the outcome to TOTALS.
void crawlAll(ileadx::leads::SiteCrawler& crawler, const std::vector<std::string>& sites, int concurrency,
              Totals& totals)
{
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < concurrency; ++i) {
        workers.emplace_back([&] {
            for (std::size_t index = next++; index < sites.size(); index = next++) {
                const ileadx::leads::SiteResult result = crawler.crawl(sites[index]);
                if (result.pages.empty()) {
                    ++totals.failed;
                }
                for (const auto& page : result.pages) {
                    ++(page.error.empty() ? totals.pages : totals.failed);
                }
            }
        });
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 && argc != 4) {
        std::cerr << "usage: crawl_bench SITES_FILE CONCURRENCY [PASSES]\n";
        return 2;
    }
    const std::vector<std::string> sites = readLines(argv[1]);
    const int concurrency = std::max(1, std::atoi(argv[2]));
    const int passes = argc == 4 ? std::max(1, std::atoi(argv[3])) : 1;
    if (sites.empty()) {
        std::cerr << "crawl_bench: no websites in " << argv[1] << "\n";
        return 1;
    }

    Totals totals;
    double seconds = 0;
    for (int pass = 0; pass < passes; ++pass) {
        ileadx::leads::SiteCrawler crawler(benchOptions(sites, concurrency));
        const auto started = std::chrono::steady_clock::now();
        crawlAll(crawler, sites, concurrency, totals);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }

    std::printf("sites=%zu pages=%zu failed=%zu seconds=%.3f pages_per_second=%.1f\n", sites.size() * passes,
                totals.pages.load(), totals.failed.load(), seconds, static_cast<double>(totals.pages.load()) / seconds);
    return totals.failed.load() == 0 ? 0 : 1;
}
