#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ileadx::leads {

struct DecodedContent
{
    std::string bytes;
    bool truncated = false; // the output reached the cap and the rest was dropped
    std::string error;      // empty on success
};

/// Removes a Content-Encoding of "gzip", "x-gzip" or "deflate" (zlib-wrapped or raw) from RAW, or
/// returns RAW for "identity" or none. Inflates into a bounded buffer and stops at MAX_BYTES of
/// output, so a small compressed body cannot expand without end. Other encodings are an error.
DecodedContent decodeContentEncoding(std::string_view contentEncoding, std::string_view raw, std::size_t maxBytes);

/// Returns the character set of an HTML body in lower case: the Content-Type header's charset
/// parameter, else a byte-order mark, else a <meta> declaration in the first 8 KiB, else "utf-8"
/// when the bytes are valid UTF-8 and "windows-1252" when not.
std::string detectHtmlCharset(std::string_view contentType, std::string_view body);

/// Returns whether TEXT is well-formed UTF-8.
bool isValidUtf8(std::string_view text);

/// Converts BYTES from CHARSET to UTF-8 with iconv, replacing each invalid or incomplete sequence
/// with U+FFFD. A leading byte-order mark is dropped. ISO-8859-1 and US-ASCII are read as
/// windows-1252, as browsers do; an unknown charset is read as windows-1252 too.
std::string convertToUtf8(std::string_view bytes, std::string_view charset);

} // namespace ileadx::leads
