// Runs the lead extraction over saved pages and prints its throughput, and that of the HTML parse
// alone, so bench/extract-throughput.sh can report them next to a reference tool.
//
// Usage: extract_bench RULES_FILE COUNTRY ROUNDS FILE...
// Output: one line of key=value pairs on standard output.
#include "leads/extract/Extraction.h"
#include "leads/extract/HtmlDocument.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> readPages(int argc, char** argv)
{
    std::vector<std::string> pages;
    for (int i = 4; i < argc; ++i) {
        std::ifstream input(argv[i], std::ios::binary);
        if (!input) {
            std::cerr << "extract_bench: cannot read " << argv[i] << "\n";
            std::exit(2);
        }
        std::ostringstream content;
        content << input.rdbuf();
        pages.push_back(content.str());
    }
    return pages;
}

template <typename Work>
double secondsFor(int rounds, Work work)
{
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        work();
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 5) {
        std::cerr << "usage: extract_bench RULES_FILE COUNTRY ROUNDS FILE...\n";
        return 2;
    }
    const ileadx::leads::Extractor extractor(argv[1]);
    const std::string country = argv[2];
    const int rounds = std::atoi(argv[3]);
    const std::vector<std::string> pages = readPages(argc, argv);
    std::size_t bytes = 0;
    for (const std::string& page : pages) {
        bytes += page.size();
    }

    std::size_t contacts = 0;
    const auto extractAll = [&] {
        for (const std::string& page : pages) {
            const ileadx::leads::Extraction result = extractor.extract({"https://bench.test/", page, {}}, country);
            contacts += result.emails.size() + result.phones.size() + result.socialProfiles.size();
        }
    };
    std::size_t textBytes = 0;
    const auto parseAll = [&] {
        for (const std::string& page : pages) {
            textBytes += ileadx::leads::parseHtml(page).visibleText.size();
        }
    };
    extractAll(); // warm-up: page faults and first-use initialisation of libphonenumber
    const double extractSeconds = secondsFor(rounds, extractAll);
    const double parseSeconds = secondsFor(rounds, parseAll);

    const double megabytes = static_cast<double>(bytes) * rounds / 1e6;
    std::cout << "pages=" << pages.size() << " bytes=" << bytes << " rounds=" << rounds
              << " extract_seconds=" << extractSeconds << " extract_mb_s=" << megabytes / extractSeconds
              << " parse_mb_s=" << megabytes / parseSeconds << " contacts_per_round=" << contacts / (rounds + 1) << "\n";
    return 0;
}
