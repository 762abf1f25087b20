#pragma once

#include "leads/extract/Extraction.h"
#include "leads/extract/HtmlDocument.h"
#include "leads/extract/JsonLd.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leads {

/// Visible text beyond this many bytes is not scanned for phone numbers.
constexpr std::size_t kMaxPhoneTextBytes = 512 * 1024;

struct PhoneContacts {
    std::vector<PhoneNumber> phones;
    std::vector<PhoneNumber> faxes;
};

/// Collects numbers from tel: links, JSON-LD "telephone"/"faxNumber" and visible text. A number
/// goes to `faxes` when the nearest label before it (or in its link text) is "Fax" or
/// "Telefax". Text matches count only after a phone or fax label or when written with "+".
/// `region` is an upper-case ISO 3166-1 code supported by libphonenumber, or "ZZ" for none.
PhoneContacts extractPhones(const HtmlDocument& document, const JsonLdContacts& jsonLd, const std::string& region);

/// Parses `raw` in `region` and returns it in E.164 form when libphonenumber deems it valid.
std::optional<std::string> toE164(const std::string& raw, const std::string& region);

/// Returns `countryCode` upper-cased when libphonenumber recognises it as a region, else nullopt.
std::optional<std::string> phoneRegion(const std::string& countryCode);

} // namespace ileadx::leads
