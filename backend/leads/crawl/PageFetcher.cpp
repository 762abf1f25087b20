#include "leads/crawl/PageFetcher.h"

#include "leads/crawl/ContentDecoder.h"
#include "leads/crawl/HtmlMeta.h"
#include "leads/crawl/HttpExchange.h"
#include "leads/crawl/SiteIdentity.h"

#include <Poco/Exception.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/String.h>

namespace ileadx::leads {

namespace {

// Meta refresh belongs in <head>, so the scan stops after this many bytes of the body.
constexpr std::size_t kMetaRefreshScanBytes = 64 * 1024;

bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

std::string mediaType(const std::string& contentType)
{
    return Poco::toLower(Poco::trim(contentType.substr(0, contentType.find(';'))));
}

// A missing Content-Type is accepted as HTML, since small sites often omit it.
bool isHtmlType(const std::string& contentType)
{
    const std::string type = mediaType(contentType);
    return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

bool isHttpUrl(const Poco::URI& url)
{
    return (url.getScheme() == "http" || url.getScheme() == "https") && !url.getHost().empty();
}

std::optional<Poco::URI> parseHttpUrl(const std::string& text)
{
    try {
        Poco::URI url(text);
        if (isHttpUrl(url)) {
            return url;
        }
    } catch (const Poco::Exception&) {
    }
    return std::nullopt;
}

Poco::Net::Context::Ptr createClientContext(const std::string& caFile)
{
    Poco::Net::Context::Params params;
    // For a client, strict only differs from relaxed in that Poco then checks the host name of
    // loopback names too, without the DNS lookup it would otherwise make to detect them.
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.loadDefaultCAs = true;
    params.caLocation = caFile;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    return context;
}

// Fills PAGE's body from a final response, or sets PAGE's error. The body stays empty on error.
void acceptBody(const RawResponse& raw, const FetchLimits& limits, FetchedPage& page)
{
    if (raw.status < 200 || raw.status > 299) {
        page.error = "HTTP status " + std::to_string(raw.status);
        return;
    }
    if (limits.htmlOnly && !isHtmlType(raw.contentType)) {
        page.error = "not HTML (" + mediaType(raw.contentType) + ")";
        return;
    }
    DecodedContent decoded = decodeContentEncoding(raw.contentEncoding, raw.body, limits.maxBodyBytes);
    if (!decoded.error.empty()) {
        page.error = decoded.error;
        return;
    }
    page.truncated = raw.truncated || decoded.truncated;
    if (limits.htmlOnly) {
        page.body = convertToUtf8(decoded.bytes, detectHtmlCharset(raw.contentType, decoded.bytes));
    } else {
        page.body = std::move(decoded.bytes);
    }
}

// Resolves the next hop TARGET against CURRENT and checks it, or sets ERROR and returns nothing.
std::optional<Poco::URI> nextHop(const Poco::URI& current, const std::string& target, const FetchLimits& limits,
                                 int redirectsSoFar, std::string& error)
{
    if (redirectsSoFar >= limits.maxRedirects) {
        error = "too many redirects (more than " + std::to_string(limits.maxRedirects) + ")";
        return std::nullopt;
    }
    Poco::URI next(current);
    try {
        next.resolve(target);
    } catch (const Poco::Exception&) {
        error = "invalid redirect location";
        return std::nullopt;
    }
    next.setFragment("");
    if (!isHttpUrl(next)) {
        error = "redirect to a URL that is not http or https";
        return std::nullopt;
    }
    if (!limits.siteHost.empty() && !sameSite(next.getHost(), limits.siteHost)) {
        error = "redirected to another site (" + next.getHost() + ")";
        return std::nullopt;
    }
    return next;
}

// Returns the meta refresh target of an HTML body when it leads elsewhere than CURRENT.
std::string refreshTarget(const FetchedPage& page, const Poco::URI& current)
{
    const auto target = metaRefreshUrl(findMetaTags(page.body, kMetaRefreshScanBytes));
    if (!target) {
        return {};
    }
    try {
        Poco::URI resolved(current);
        resolved.resolve(*target);
        Poco::URI withoutFragment(current);
        withoutFragment.setFragment("");
        resolved.setFragment("");
        return resolved == withoutFragment ? std::string() : *target;
    } catch (const Poco::Exception&) {
        return *target; // nextHop() reports it as invalid
    }
}

} // namespace

PageFetcher::PageFetcher(const CrawlerOptions& options) : m_options(options)
{
    Poco::Net::initializeSSL();
    m_tlsContext = createClientContext(options.caFile);
}

PageFetcher::~PageFetcher()
{
    m_tlsContext.reset();
    Poco::Net::uninitializeSSL();
}

FetchedPage PageFetcher::fetch(const std::string& url, const FetchLimits& limits, const HopGate& gate) const
{
    FetchedPage page;
    page.url = url;
    page.finalUrl = url;
    std::optional<Poco::URI> current = parseHttpUrl(url);
    if (!current) {
        page.error = "invalid URL (only absolute http and https URLs are supported)";
        return page;
    }

    ExchangeSettings settings;
    settings.userAgent = m_options.userAgent;
    settings.accept = limits.htmlOnly ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" : "text/plain,*/*;q=0.5";
    settings.connectTimeout = std::chrono::milliseconds(m_options.connectTimeoutMs);
    settings.totalTimeout = std::chrono::milliseconds(m_options.totalTimeoutMs);
    settings.maxBodyBytes = limits.maxBodyBytes;
    settings.allowPrivateAddresses = m_options.allowPrivateAddresses;
    settings.resolve = &m_options.resolve;
    settings.tlsContext = m_tlsContext;
    settings.watchdog = &m_watchdog;

    for (int redirects = 0;; ++redirects) {
        page.finalUrl = current->toString();
        // Holds the gate's permit until this request is done.
        const HopDecision decision = gate ? gate(*current) : HopDecision{};
        if (!decision.rejection.empty()) {
            page.error = decision.rejection;
            return page;
        }

        const RawResponse raw = exchange(*current, settings);
        page.status = raw.status;
        page.headers = raw.headers;
        page.contentType = raw.contentType;
        page.timings = raw.timings;
        page.body.clear();
        page.truncated = false;
        if (!raw.error.empty()) {
            page.error = raw.error;
            return page;
        }

        std::string target;
        if (isRedirectStatus(raw.status) && !raw.location.empty()) {
            target = raw.location;
        } else {
            acceptBody(raw, limits, page);
            if (page.error.empty() && limits.htmlOnly) {
                target = refreshTarget(page, *current);
            }
        }
        if (target.empty() || !page.error.empty()) {
            return page;
        }
        current = nextHop(*current, target, limits, redirects, page.error);
        if (!current) {
            page.body.clear();
            return page;
        }
    }
}

} // namespace ileadx::leads
