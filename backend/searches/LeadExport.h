#pragma once

#include "searches/SearchRecord.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx::leadexport {

enum class Format
{
    Csv,
    Json,
};

std::optional<Format> parseFormat(std::string_view name);

/// Returns the next batch of leads after `cursor` (from the start when it is empty); an empty
/// batch ends the export.
using BatchSource = std::function<std::vector<LeadRecord>(const std::optional<LeadCursor>& cursor)>;

/// Returns one CSV cell per RFC 4180, always quoted, with quotes doubled. A text that starts with
/// =, +, -, @, a tab or a carriage return gets a leading single quote, so spreadsheets show it
/// as text instead of running it as a formula.
std::string csvCell(std::string_view text);

/// Writes the header row and one row per lead, each ending in CRLF. `byteOrderMark` starts the
/// output with the UTF-8 byte order mark, which Excel needs to read UTF-8.
void writeCsv(std::ostream& out, const BatchSource& source, bool byteOrderMark);

/// Writes {"search": {...}, "leads": [...]} with one object per lead, as the leads route does.
void writeJson(std::ostream& out, const SearchRecord& search, const BatchSource& source);

/// Returns an attachment file name made only of ASCII letters, digits and hyphens, such as
/// "leads-bakeries-berlin-1a2b3c4d.csv".
std::string fileName(const SearchRecord& search, Format format);

} // namespace ileadx::leadexport
