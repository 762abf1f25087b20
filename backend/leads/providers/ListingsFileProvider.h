#pragma once

#include "leads/providers/ListingProvider.h"
#include "leads/providers/ListingsFile.h"

#include <mutex>

namespace ileadx::leads {

/// Searches a CSV or JSON file of listings that the operator imports. The file is read again on
/// every search, so an edited file takes effect without a restart.
class ListingsFileProvider final : public ListingProvider
{
public:
    explicit ListingsFileProvider(std::string path);

    std::string name() const override;
    /// Returns the listings whose name or category contains query.query and whose address
    /// contains query.location, both ignoring case, in file order. An empty query or location
    /// matches every listing, and a listing of another country than query.countryCode is left out.
    std::vector<Listing> search(const ListingQuery& query) override;

    /// Returns the rows the last search left out because of invalid values.
    std::vector<SkippedRow> skippedRows() const;

private:
    std::string m_path;
    mutable std::mutex m_mutex;
    std::vector<SkippedRow> m_skipped;
};

} // namespace ileadx::leads
