#include "leads/crawl/ContentDecoder.h"

#include "leads/crawl/HtmlMeta.h"

#include <Poco/String.h>

#include <iconv.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace ileadx::leads {

namespace {

constexpr std::size_t kMetaPrescanBytes = 8 * 1024;
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool looksZlibWrapped(std::string_view raw)
{
    if (raw.size() < 2) {
        return false;
    }
    const auto cmf = static_cast<unsigned char>(raw[0]);
    const auto flg = static_cast<unsigned char>(raw[1]);
    return (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
}

// Inflates RAW with the zlib window bits WINDOW_BITS (31 gzip, 15 zlib, -15 raw deflate) into at
// most MAX_BYTES of output.
DecodedContent inflateBounded(std::string_view raw, int windowBits, std::size_t maxBytes)
{
    DecodedContent result;
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK) {
        result.error = "cannot start zlib";
        return result;
    }
    std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&stream, &inflateEnd);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    stream.avail_in = static_cast<uInt>(raw.size());

    char chunk[16 * 1024];
    while (true) {
        const std::size_t room = std::min(sizeof chunk, maxBytes - result.bytes.size());
        stream.next_out = reinterpret_cast<Bytef*>(chunk);
        stream.avail_out = static_cast<uInt>(room);
        const int status = inflate(&stream, Z_NO_FLUSH);
        result.bytes.append(chunk, room - stream.avail_out);

        if (status == Z_STREAM_END) {
            // A gzip body may contain several members one after the other.
            if (windowBits > 15 && stream.avail_in > 0 && inflateReset(&stream) == Z_OK) {
                continue;
            }
            return result;
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            result.error = "invalid compressed body";
            return result;
        }
        if (result.bytes.size() >= maxBytes) {
            result.truncated = true;
            return result;
        }
        if (status == Z_BUF_ERROR || (stream.avail_in == 0 && stream.avail_out > 0)) {
            // A body cut short inflates to what arrived, and that part is kept.
            return result;
        }
    }
}

std::string charsetFromBom(std::string_view body)
{
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        return "utf-8";
    }
    if (body.substr(0, 2) == "\xFF\xFE") {
        return "utf-16le";
    }
    if (body.substr(0, 2) == "\xFE\xFF") {
        return "utf-16be";
    }
    return {};
}

std::string iconvName(std::string_view charset)
{
    const std::string lower = Poco::toLower(std::string(charset));
    if (lower == "iso-8859-1" || lower == "iso8859-1" || lower == "latin1" || lower == "latin-1" ||
        lower == "us-ascii" || lower == "ascii" || lower == "cp1252") {
        return "WINDOWS-1252";
    }
    if (lower == "utf8") {
        return "UTF-8";
    }
    return lower;
}

std::string_view dropByteOrderMark(std::string_view bytes, const std::string& name)
{
    const std::string upper = Poco::toUpper(name);
    if (upper == "UTF-8" && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        return bytes.substr(3);
    }
    const bool le = upper == "UTF-16LE" && bytes.substr(0, 2) == "\xFF\xFE";
    const bool be = upper == "UTF-16BE" && bytes.substr(0, 2) == "\xFE\xFF";
    return (le || be) ? bytes.substr(2) : bytes;
}

std::string runIconv(iconv_t converter, std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    char buffer[8 * 1024];
    while (inLeft > 0) {
        char* outPointer = buffer;
        std::size_t outLeft = sizeof buffer;
        const std::size_t status = iconv(converter, &in, &inLeft, &outPointer, &outLeft);
        out.append(buffer, sizeof buffer - outLeft);
        if (status != static_cast<std::size_t>(-1) || errno == E2BIG) {
            continue;
        }
        // EILSEQ (invalid) or EINVAL (incomplete at the end): replace one byte and go on.
        out += kReplacementCharacter;
        ++in;
        --inLeft;
        iconv(converter, nullptr, nullptr, nullptr, nullptr);
    }
    char* outPointer = buffer;
    std::size_t outLeft = sizeof buffer;
    iconv(converter, nullptr, nullptr, &outPointer, &outLeft);
    out.append(buffer, sizeof buffer - outLeft);
    return out;
}

} // namespace

DecodedContent decodeContentEncoding(std::string_view contentEncoding, std::string_view raw, std::size_t maxBytes)
{
    const std::string encoding = Poco::toLower(Poco::trim(std::string(contentEncoding)));
    if (encoding.empty() || encoding == "identity") {
        DecodedContent result{std::string(raw.substr(0, maxBytes)), raw.size() > maxBytes, {}};
        return result;
    }
    if (encoding == "gzip" || encoding == "x-gzip") {
        return inflateBounded(raw, 15 + 16, maxBytes);
    }
    if (encoding == "deflate") {
        return inflateBounded(raw, looksZlibWrapped(raw) ? 15 : -15, maxBytes);
    }
    return {{}, false, "unsupported Content-Encoding " + encoding};
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned int minimum = 0, codePoint = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, codePoint = c & 0x07;
        } else {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

std::string detectHtmlCharset(std::string_view contentType, std::string_view body)
{
    std::string charset = charsetParameter(contentType);
    if (charset.empty()) {
        charset = charsetFromBom(body);
    }
    if (charset.empty()) {
        charset = charsetFromMetaTags(findMetaTags(body, kMetaPrescanBytes));
    }
    if (charset.empty()) {
        charset = isValidUtf8(body) ? "utf-8" : "windows-1252";
    }
    return charset;
}

std::string convertToUtf8(std::string_view bytes, std::string_view charset)
{
    std::string name = iconvName(charset);
    if (name == "UTF-8" || name == "utf-8") {
        bytes = dropByteOrderMark(bytes, "UTF-8");
        if (isValidUtf8(bytes)) {
            return std::string(bytes);
        }
    }
    iconv_t converter = iconv_open("UTF-8", name.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) {
        name = "WINDOWS-1252";
        converter = iconv_open("UTF-8", name.c_str());
    }
    bytes = dropByteOrderMark(bytes, name);
    std::string converted = runIconv(converter, bytes);
    iconv_close(converter);
    return converted;
}

} // namespace ileadx::leads
