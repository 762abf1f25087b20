#pragma once

#include "leads/providers/Listing.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace ileadx::leads {

enum class ProviderErrorKind
{
    InvalidKey,
    QuotaExceeded,
    MalformedResponse,
    Timeout,
    Unavailable,
    InvalidQuery,
};

/// Returns the kind's name in snake case ("invalid_key", "quota_exceeded", ...), for logs and JSON.
std::string toString(ProviderErrorKind kind);

/// A failed search. The message never contains the API key.
class ProviderError : public std::runtime_error
{
public:
    ProviderError(ProviderErrorKind kind, std::string message);
    ProviderErrorKind kind() const;

private:
    ProviderErrorKind m_kind;
};

/// A source of business listings: a places API, OpenStreetMap or a file the operator imports.
class ListingProvider
{
public:
    virtual ~ListingProvider() = default;
    /// Returns the provider's name, the same string every Listing::provider it returns holds.
    virtual std::string name() const = 0;
    /// Returns at most query.maxResults listings. Throws ProviderError.
    virtual std::vector<Listing> search(const ListingQuery& query) = 0;
};

} // namespace ileadx::leads
