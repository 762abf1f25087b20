#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ileadx::leads {

/// One record of a CSV file, with the line it starts on (1-based) for error messages.
struct CsvRecord
{
    std::size_t line = 0;
    std::vector<std::string> fields;
    /// Set when the record is malformed, e.g. a quote opened but never closed.
    std::string error;
};

/// Splits CSV text as RFC 4180 describes it: comma-separated fields, quoted fields that may hold
/// commas, line breaks and doubled quotes, CRLF or LF line ends. A UTF-8 byte order mark at the
/// start is skipped and blank lines are ignored.
class CsvReader
{
public:
    explicit CsvReader(std::string text);

    /// Returns the next record, or nothing at the end of the text.
    std::optional<CsvRecord> next();

private:
    bool atEnd() const;
    void readQuoted(std::string& field, CsvRecord& record);
    void readUnquoted(std::string& field);
    bool endOfRecord();

    std::string m_text;
    std::size_t m_position = 0;
    std::size_t m_line = 1;
};

} // namespace ileadx::leads
