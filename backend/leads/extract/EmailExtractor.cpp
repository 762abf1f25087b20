#include "leads/extract/EmailExtractor.h"

#include "leads/extract/EmailAddress.h"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace ileadx::leads {

namespace {

constexpr std::string_view kCloudflarePath = "/cdn-cgi/l/email-protection#";
constexpr std::size_t kMaxCloudflareHex = 512;

// Unbounded repetitions on purpose: counted ones ({1,64}) multiply RE2's program size and push
// its DFA out of memory on long texts. Lengths are checked by normalizeEmail() afterwards.
const RE2& plainEmailPattern()
{
    static const RE2 pattern(R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+))");
    return pattern;
}

const RE2& bracketedEmailPattern()
{
    static const RE2 pattern(
        R"(([A-Za-z0-9._%+\-]+)\s*[\[\(\{]\s*(?i:at)\s*[\]\)\}]\s*)"
        R"(([A-Za-z0-9\-]+(?:(?:\s*[\[\(\{]\s*(?i:dot)\s*[\]\)\}]\s*|\.)[A-Za-z0-9\-]+)+))");
    return pattern;
}

// Plain words are only read after a label, because prose such as "look at the dot com era"
// has the same shape.
const RE2& spelledOutEmailPattern()
{
    static const RE2 pattern(
        R"((?i)(?:e-?mail|mail|contact|kontakt)\b[^\n]{0,24}?\b([a-z0-9._%+\-]+)\s+at\s+)"
        R"(([a-z0-9\-]+(?:\s+dot\s+[a-z0-9\-]+)+)\b)");
    return pattern;
}

const RE2& spelledOutDotPattern()
{
    static const RE2 pattern(R"((?i)\s*[\[\(\{]\s*dot\s*[\]\)\}]\s*|\s+dot\s+)");
    return pattern;
}

// Pronouns that precede "at" in sentences such as "email us at acme dot com".
constexpr std::array<std::string_view, 8> kPronouns = {"us", "me", "you", "we", "them", "him", "her", "it"};

class EmailCollector {
public:
    void add(std::string_view candidate)
    {
        const std::optional<std::string> email = normalizeEmail(Poco::trim(std::string(candidate)));
        if (email && m_seen.insert(Poco::toLower(*email)).second) {
            m_emails.push_back(*email);
        }
    }

    std::vector<std::string> take() { return std::move(m_emails); }

private:
    std::vector<std::string> m_emails;
    std::set<std::string> m_seen;
};

std::string decodeNumericReferences(const std::string& text)
{
    static const RE2 reference(R"(&#([xX]?)([0-9A-Fa-f]{1,6});)");
    std::string result;
    re2::StringPiece input(text);
    std::string hexMarker;
    std::string digits;
    const char* copied = text.data();
    while (RE2::FindAndConsume(&input, reference, &hexMarker, &digits)) {
        const char* matchEnd = input.data();
        const std::size_t matchLength = 3 + hexMarker.size() + digits.size();
        result.append(copied, matchEnd - matchLength);
        const bool decimal = std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        const unsigned long code = hexMarker.empty() && !decimal ? 128 : std::stoul(digits, nullptr, hexMarker.empty() ? 10 : 16);
        // Only ASCII matters in an address; other references stay as written and fail validation.
        result += code < 128 ? std::string(1, static_cast<char>(code)) : std::string(matchEnd - matchLength, matchEnd);
        copied = matchEnd;
    }
    result.append(copied, text.data() + text.size());
    return result;
}

std::string joinDomain(const std::string& spelledDomain)
{
    std::string domain = spelledDomain;
    RE2::GlobalReplace(&domain, spelledOutDotPattern(), ".");
    return domain;
}

void addPlainEmails(std::string_view text, EmailCollector& collector)
{
    if (text.find('@') == std::string_view::npos) {
        return;
    }
    re2::StringPiece input(text.data(), text.size());
    std::string email;
    while (RE2::FindAndConsume(&input, plainEmailPattern(), &email)) {
        collector.add(email);
    }
}

} // namespace

std::vector<std::string> mailtoRecipients(std::string_view href)
{
    const std::string trimmed = Poco::trim(std::string(href));
    if (Poco::icompare(trimmed, 0, 7, std::string("mailto:")) != 0) {
        return {};
    }
    std::string recipients = trimmed.substr(7, trimmed.find('?') == std::string::npos ? std::string::npos : trimmed.find('?') - 7);
    std::string decoded;
    try {
        Poco::URI::decode(recipients, decoded);
    } catch (const Poco::SyntaxException&) {
        return {};
    }
    decoded = decodeNumericReferences(decoded);
    const Poco::StringTokenizer parts(decoded, ",;", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {parts.begin(), parts.end()};
}

std::optional<std::string> decodeCloudflareEmail(std::string_view hex)
{
    if (hex.size() < 4 || hex.size() > kMaxCloudflareHex || hex.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const std::string pair(hex.substr(i, 2));
        if (!std::isxdigit(static_cast<unsigned char>(pair[0])) || !std::isxdigit(static_cast<unsigned char>(pair[1]))) {
            return std::nullopt;
        }
        bytes += static_cast<char>(std::stoi(pair, nullptr, 16));
    }
    std::string decoded;
    for (std::size_t i = 1; i < bytes.size(); ++i) {
        decoded += static_cast<char>(bytes[i] ^ bytes[0]);
    }
    return normalizeEmail(decoded);
}

std::vector<std::string> obfuscatedEmails(std::string_view text)
{
    std::vector<std::string> emails;
    std::string local;
    std::string domain;
    for (const RE2* pattern : {&bracketedEmailPattern(), &spelledOutEmailPattern()}) {
        re2::StringPiece input(text.data(), text.size());
        while (RE2::FindAndConsume(&input, *pattern, &local, &domain)) {
            const bool pronoun = std::find(kPronouns.begin(), kPronouns.end(), Poco::toLower(local)) != kPronouns.end();
            if (!pronoun) {
                emails.push_back(local + "@" + joinDomain(domain));
            }
        }
    }
    return emails;
}

std::vector<std::string> extractEmails(const HtmlDocument& document, const JsonLdContacts& jsonLd)
{
    EmailCollector collector;
    for (const std::string& email : jsonLd.emails) {
        collector.add(email);
    }
    for (const HtmlLink& link : document.links) {
        for (const std::string& recipient : mailtoRecipients(link.href)) {
            collector.add(recipient);
        }
        const std::size_t cloudflare = link.href.find(kCloudflarePath);
        if (cloudflare != std::string::npos) {
            collector.add(decodeCloudflareEmail(link.href.substr(cloudflare + kCloudflarePath.size())).value_or(""));
        }
    }
    for (const std::string& hex : document.cloudflareEmailHex) {
        collector.add(decodeCloudflareEmail(hex).value_or(""));
    }
    addPlainEmails(document.visibleText, collector);
    for (const std::string& email : obfuscatedEmails(document.visibleText)) {
        collector.add(email);
    }
    return collector.take();
}

} // namespace ileadx::leads
