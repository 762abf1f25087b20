#include "searches/SearchRequest.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>
#include <cctype>

#include <algorithm>
#include <string_view>

namespace ileadx {

namespace {

// The assigned ISO 3166-1 alpha-2 codes, sorted for binary search.
constexpr std::string_view kCountryCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO "
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO "
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM "
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

bool hasControlCharacter(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

std::string textField(const Poco::JSON::Object::Ptr& body, const std::string& name, std::size_t maxBytes, bool required)
{
    std::string text = required ? requireString(body, name, maxBytes) : optionalString(body, name, maxBytes);
    Poco::trimInPlace(text);
    if (required && text.empty()) {
        throw invalidRequest("'" + name + "' must not be empty.");
    }
    if (hasControlCharacter(text)) {
        throw invalidRequest("'" + name + "' must not contain control characters.");
    }
    return text;
}

int maxResultsField(const Poco::JSON::Object::Ptr& body)
{
    if (!body->has("max_results") || body->isNull("max_results")) {
        return kDefaultMaxResults;
    }
    const Poco::Dynamic::Var value = body->get("max_results");
    const std::string message = "'max_results' must be a whole number from 1 to " + std::to_string(kMaxResultsLimit) + ".";
    if (!value.isInteger() || value.isBoolean()) {
        throw invalidRequest(message);
    }
    const Poco::Int64 number = value.convert<Poco::Int64>();
    if (number < 1 || number > kMaxResultsLimit) {
        throw invalidRequest(message);
    }
    return static_cast<int>(number);
}

std::vector<std::string> providersField(const Poco::JSON::Object::Ptr& body, const std::vector<std::string>& configured)
{
    if (!body->has("providers") || body->isNull("providers")) {
        if (configured.empty()) {
            throw invalidRequest("No listing provider is configured on this server; ask the operator to set one up.");
        }
        return configured;
    }
    const Poco::JSON::Array::Ptr array = body->getArray("providers");
    if (!array || array->size() == 0) {
        throw invalidRequest("'providers' must be a non-empty array of provider names.");
    }
    std::vector<std::string> names;
    for (std::size_t index = 0; index < array->size(); ++index) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned int>(index));
        if (!item.isString()) {
            throw invalidRequest("'providers' must contain only provider names.");
        }
        const std::string name = item.extract<std::string>();
        const std::vector<std::string>& known = knownProviders();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            throw invalidRequest("'providers' contains the unknown provider '" + name.substr(0, 40) +
                                 "'; known providers are google_places, overpass and listings_file.");
        }
        if (std::find(configured.begin(), configured.end(), name) == configured.end()) {
            throw invalidRequest("The provider '" + name + "' is not configured on this server.");
        }
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            throw invalidRequest("'providers' names '" + name + "' twice.");
        }
        names.push_back(name);
    }
    return names;
}

} // namespace

const std::vector<std::string>& knownProviders()
{
    static const std::vector<std::string> names = {"google_places", "overpass", "listings_file"};
    return names;
}

bool isCountryCode(const std::string& code)
{
    if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
        !std::isupper(static_cast<unsigned char>(code[1]))) {
        return false;
    }
    for (std::size_t position = 0; position < kCountryCodes.size(); position += 3) {
        if (kCountryCodes.substr(position, 2) == code) {
            return true;
        }
    }
    return false;
}

NewSearch parseNewSearch(const Poco::JSON::Object::Ptr& body, const std::vector<std::string>& configuredProviders)
{
    NewSearch search;
    search.query = textField(body, "query", kMaxQueryBytes, true);
    search.location = textField(body, "location", kMaxLocationBytes, false);
    search.countryCode = Poco::toUpper(textField(body, "country", 8, true));
    if (!isCountryCode(search.countryCode)) {
        throw invalidRequest("'country' must be an ISO 3166-1 alpha-2 country code such as DE or US.");
    }
    search.maxResults = maxResultsField(body);
    search.providers = providersField(body, configuredProviders);
    return search;
}

} // namespace ileadx
