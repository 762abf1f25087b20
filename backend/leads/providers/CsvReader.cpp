#include "leads/providers/CsvReader.h"

namespace ileadx::leads {

CsvReader::CsvReader(std::string text)
    : m_text(std::move(text))
{
    if (m_text.starts_with("\xEF\xBB\xBF")) {
        m_position = 3;
    }
}

std::optional<CsvRecord> CsvReader::next()
{
    while (!atEnd() && endOfRecord()) {
        // Skips blank lines between records.
    }
    if (atEnd()) {
        return std::nullopt;
    }

    CsvRecord record;
    record.line = m_line;
    while (true) {
        std::string field;
        if (m_text[m_position] == '"') {
            readQuoted(field, record);
        } else {
            readUnquoted(field);
        }
        record.fields.push_back(std::move(field));
        if (atEnd() || endOfRecord()) {
            return record;
        }
        ++m_position; // the comma
    }
}

bool CsvReader::atEnd() const
{
    return m_position >= m_text.size();
}

// Consumes a line end (CRLF, LF or a lone CR) at the current position and returns whether there was one.
bool CsvReader::endOfRecord()
{
    if (m_text[m_position] == '\r') {
        ++m_position;
        if (!atEnd() && m_text[m_position] == '\n') {
            ++m_position;
        }
    } else if (m_text[m_position] == '\n') {
        ++m_position;
    } else {
        return false;
    }
    ++m_line;
    return true;
}

void CsvReader::readQuoted(std::string& field, CsvRecord& record)
{
    const std::size_t openedOnLine = m_line;
    ++m_position;
    while (true) {
        if (atEnd()) {
            record.error = "the quoted field opened on line " + std::to_string(openedOnLine) + " is never closed";
            return;
        }
        const char c = m_text[m_position++];
        if (c == '"' && !atEnd() && m_text[m_position] == '"') {
            field += '"';
            ++m_position;
        } else if (c == '"') {
            break;
        } else {
            m_line += c == '\n' ? 1 : 0;
            field += c;
        }
    }
    if (!atEnd() && m_text[m_position] != ',' && m_text[m_position] != '\r' && m_text[m_position] != '\n') {
        record.error = "unexpected text after a closing quote on line " + std::to_string(m_line);
        readUnquoted(field);
    }
}

void CsvReader::readUnquoted(std::string& field)
{
    while (!atEnd()) {
        const char c = m_text[m_position];
        if (c == ',' || c == '\r' || c == '\n') {
            return;
        }
        field += c;
        ++m_position;
    }
}

} // namespace ileadx::leads
