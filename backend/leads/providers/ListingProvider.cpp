#include "leads/providers/ListingProvider.h"

namespace ileadx::leads {

std::string toString(ProviderErrorKind kind)
{
    switch (kind) {
    case ProviderErrorKind::InvalidKey:
        return "invalid_key";
    case ProviderErrorKind::QuotaExceeded:
        return "quota_exceeded";
    case ProviderErrorKind::MalformedResponse:
        return "malformed_response";
    case ProviderErrorKind::Timeout:
        return "timeout";
    case ProviderErrorKind::Unavailable:
        return "unavailable";
    case ProviderErrorKind::InvalidQuery:
        return "invalid_query";
    }
    return "unknown";
}

ProviderError::ProviderError(ProviderErrorKind kind, std::string message)
    : std::runtime_error(std::move(message))
    , m_kind(kind)
{
}

ProviderErrorKind ProviderError::kind() const
{
    return m_kind;
}

} // namespace ileadx::leads
