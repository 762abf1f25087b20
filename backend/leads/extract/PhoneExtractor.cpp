#include "leads/extract/PhoneExtractor.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <Poco/String.h>
#include <Poco/URI.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace ileadx::leads {

namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kLabelWindowBytes = 40;
constexpr int kMaxMatcherTries = 1000;
// Text read after a label or "+": room for "Telefon (Zentrale):" and the number itself.
constexpr std::size_t kAnchorWindowBytes = 48;
constexpr std::size_t kMaxWindowBytes = 128;
constexpr std::size_t kMaxNumberWindows = 2000;

enum class Label { None, Phone, Fax };

// PhoneNumberUtil is a thread-safe singleton. Its logger is replaced once so that no library
// message can reach standard output, which carries the extract command's JSON.
const PhoneNumberUtil& phoneUtil()
{
    static PhoneNumberUtil* util = [] {
        PhoneNumberUtil* instance = PhoneNumberUtil::GetInstance();
        instance->SetLogger(new i18n::phonenumbers::NullLogger);
        return instance;
    }();
    return *util;
}

#define ILEADX_PHONE_LABELS R"(\b(?:tele)?fax|\b(?:telefon|telephone|phone|tel|fon|mobile|mobil|handy|cell|call)|\b[tfpm]\s*:)"

const RE2& labelPattern()
{
    static const RE2 pattern("(?i)(" ILEADX_PHONE_LABELS ")");
    return pattern;
}

// A label or an international "+" prefix: where a number in text may start.
const RE2& numberAnchorPattern()
{
    static const RE2 pattern("(?i)(" ILEADX_PHONE_LABELS R"(|\+\s*\d))");
    return pattern;
}

// Returns the last label in `window`.
Label lastLabel(std::string_view window)
{
    re2::StringPiece input(window.data(), window.size());
    std::string label;
    Label last = Label::None;
    while (RE2::FindAndConsume(&input, labelPattern(), &label)) {
        const std::string lower = Poco::toLower(label);
        const bool letterForm = lower.find(':') != std::string::npos; // "F:" but not "Fon"
        last = (lower.find("fax") != std::string::npos || (letterForm && lower.front() == 'f')) ? Label::Fax : Label::Phone;
    }
    return last;
}

std::string_view labelWindow(std::string_view text, std::size_t begin, std::size_t end, std::size_t floor)
{
    const std::size_t from = std::max(floor, begin > kLabelWindowBytes ? begin - kLabelWindowBytes : 0);
    return text.substr(std::min(from, begin), end - std::min(from, begin));
}

bool isDateLike(const std::string& raw)
{
    static const RE2 date(R"((?:^|[^\d.])(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4})(?:$|[^\d.]))");
    return RE2::PartialMatch(raw, date);
}

bool isPriceLike(std::string_view text, std::size_t begin, std::size_t end)
{
    static const RE2 amount(R"(\d{1,3}(?:[.,]\d{3})*[.,]\d{2})");
    static const RE2 currency(R"((?i)(€|\$|£|¥|\beur\b|\busd\b|\bchf\b|\bgbp\b|,-))");
    const std::string_view before = text.substr(begin >= 5 ? begin - 5 : 0, begin >= 5 ? 5 : begin);
    const std::string_view after = text.substr(end, 5);
    const std::string raw(text.substr(begin, end - begin));
    return RE2::FullMatch(raw, amount) || RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), currency)
        || RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), currency);
}

bool isInsideUrlOrIsbn(std::string_view text, std::size_t begin, std::size_t end)
{
    const std::size_t space = begin == 0 ? std::string_view::npos : text.find_last_of(" \t\r\n", begin - 1);
    const std::size_t tokenBegin = space == std::string_view::npos ? 0 : space + 1;
    const std::size_t tokenEnd = std::min(text.size(), text.find_first_of(" \t\r\n", end));
    const std::string_view token = text.substr(tokenBegin, tokenEnd - tokenBegin);
    const bool url = token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos
        || token.find('=') != std::string_view::npos;
    const std::string window = Poco::toLower(std::string(text.substr(begin > 16 ? begin - 16 : 0, begin > 16 ? 16 : begin)));
    return url || window.find("isbn") != std::string::npos;
}

class PhoneCollector {
public:
    void add(const std::optional<std::string>& e164, const std::string& source, Label label)
    {
        if (!e164) {
            return;
        }
        std::vector<PhoneNumber>& list = label == Label::Fax ? m_contacts.faxes : m_contacts.phones;
        std::set<std::string>& seen = label == Label::Fax ? m_seenFaxes : m_seenPhones;
        if (seen.insert(*e164).second) {
            list.push_back(PhoneNumber{*e164, source});
        }
    }

    PhoneContacts take() { return std::move(m_contacts); }

private:
    PhoneContacts m_contacts;
    std::set<std::string> m_seenPhones;
    std::set<std::string> m_seenFaxes;
};

std::optional<std::string> telLinkNumber(const std::string& href)
{
    const std::string trimmed = Poco::trim(href);
    std::size_t prefix = 0;
    if (Poco::icompare(trimmed, 0, 4, std::string("tel:")) == 0) {
        prefix = 4;
    } else if (Poco::icompare(trimmed, 0, 7, std::string("callto:")) == 0) {
        prefix = 7;
    } else {
        return std::nullopt;
    }
    std::string decoded;
    try {
        Poco::URI::decode(trimmed.substr(prefix), decoded);
    } catch (const Poco::SyntaxException&) {
        return std::nullopt;
    }
    return decoded.substr(0, decoded.find(';')); // drops RFC 3966 parameters such as ;ext=
}

void addTelLinks(const HtmlDocument& document, const std::string& region, PhoneCollector& collector)
{
    std::size_t floor = 0;
    for (const HtmlLink& link : document.links) {
        const std::optional<std::string> raw = telLinkNumber(link.href);
        if (!raw) {
            continue;
        }
        const Label label = lastLabel(labelWindow(document.visibleText, link.textBegin, link.textEnd, floor));
        collector.add(toE164(*raw, region), "tel", label);
        floor = link.textEnd;
    }
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool isNumberCharacter(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || std::string_view(" ()/.-+").find(c) != std::string_view::npos;
}

// Returns the ranges of `text` after each label or "+" anchor, merged where they overlap. A range
// runs kAnchorWindowBytes past its anchor and on while number characters follow, so that a long
// number is not cut. Ranges end on UTF-8 boundaries.
std::vector<std::pair<std::size_t, std::size_t>> numberWindows(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> windows;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece anchor;
    while (windows.size() < kMaxNumberWindows && RE2::FindAndConsume(&input, numberAnchorPattern(), &anchor)) {
        const auto begin = static_cast<std::size_t>(anchor.data() - text.data());
        const std::size_t anchorEnd = begin + anchor.size();
        std::size_t end = std::min(text.size(), anchorEnd + kAnchorWindowBytes);
        while (end < text.size() && end < anchorEnd + kMaxWindowBytes && (isNumberCharacter(text[end]) || isContinuationByte(text[end]))) {
            ++end;
        }
        while (end < text.size() && isContinuationByte(text[end])) {
            ++end;
        }
        if (!windows.empty() && begin <= windows.back().second) {
            windows.back().second = std::max(windows.back().second, end);
        } else {
            windows.emplace_back(begin, end);
        }
    }
    return windows;
}

// Reads the numbers in text[windowBegin, windowEnd). `floor` is the end of the previous number, so
// a label before it does not apply to the next one.
void addWindowNumbers(std::string_view text, std::size_t windowBegin, std::size_t windowEnd, const std::string& region,
                      std::size_t& floor, PhoneCollector& collector)
{
    const std::string window(text.substr(windowBegin, windowEnd - windowBegin));
    PhoneNumberMatcher matcher(phoneUtil(), window, region, PhoneNumberMatcher::VALID, kMaxMatcherTries);
    while (matcher.HasNext()) {
        PhoneNumberMatch match;
        matcher.Next(&match);
        const std::size_t begin = windowBegin + static_cast<std::size_t>(match.start());
        const std::size_t end = begin + static_cast<std::size_t>(match.length());
        const Label label = lastLabel(labelWindow(text, begin, begin, floor));
        const bool international = match.raw_string().starts_with("+");
        floor = end;
        if ((label == Label::None && !international) || isDateLike(match.raw_string()) || isPriceLike(text, begin, end)
            || isInsideUrlOrIsbn(text, begin, end)) {
            continue;
        }
        std::string e164;
        phoneUtil().Format(match.number(), PhoneNumberUtil::E164, &e164);
        collector.add(e164, "text", label);
    }
}

// Runs libphonenumber's matcher over the windows only: it uses ICU regular expressions and costs
// far more per byte than the rest of the extraction, and numbers without a label are not read.
void addTextNumbers(const std::string& text, const std::string& region, PhoneCollector& collector)
{
    std::size_t length = std::min(text.size(), kMaxPhoneTextBytes);
    while (length < text.size() && isContinuationByte(text[length])) {
        --length; // never cut inside a UTF-8 sequence: the matcher rejects invalid UTF-8
    }
    const std::string_view scanned(text.data(), length);
    std::size_t floor = 0;
    for (const auto& [windowBegin, windowEnd] : numberWindows(scanned)) {
        addWindowNumbers(scanned, windowBegin, windowEnd, region, floor, collector);
    }
}

} // namespace

std::optional<std::string> phoneRegion(const std::string& countryCode)
{
    const std::string region = Poco::toUpper(countryCode);
    std::set<std::string> supported;
    phoneUtil().GetSupportedRegions(&supported);
    return supported.count(region) != 0 ? std::optional(region) : std::nullopt;
}

std::optional<std::string> toE164(const std::string& raw, const std::string& region)
{
    i18n::phonenumbers::PhoneNumber number;
    if (raw.size() > 64 || phoneUtil().Parse(raw, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR
        || !phoneUtil().IsValidNumber(number)) {
        return std::nullopt;
    }
    std::string e164;
    phoneUtil().Format(number, PhoneNumberUtil::E164, &e164);
    return e164;
}

PhoneContacts extractPhones(const HtmlDocument& document, const JsonLdContacts& jsonLd, const std::string& region)
{
    PhoneCollector collector;
    addTelLinks(document, region, collector);
    for (const std::string& telephone : jsonLd.telephones) {
        collector.add(toE164(telephone, region), "json-ld", Label::Phone);
    }
    for (const std::string& fax : jsonLd.faxNumbers) {
        collector.add(toE164(fax, region), "json-ld", Label::Fax);
    }
    addTextNumbers(document.visibleText, region, collector);
    return collector.take();
}

} // namespace ileadx::leads
