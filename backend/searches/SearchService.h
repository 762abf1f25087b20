#pragma once

#include "auth/AccessTokenService.h"
#include "searches/SearchRecord.h"
#include "searches/SearchRequest.h"

#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;
class SearchRepository;
class SearchWorkerPool;
class UsageCounter;

/// The rules of lead searches: who may see which search, plan limits on creating searches and
/// exports, and cancelling. Customers only ever see their own searches; another account's search
/// id gets 404, as if it did not exist.
class SearchService final
{
public:
    SearchService(Database& database, SearchRepository& searches, UsageCounter& usage, SearchWorkerPool& workers,
                  std::vector<std::string> configuredProviders);

    /// Queues a search for the caller after counting it against the plan's monthly search limit.
    /// Throws ApiException 403 plan-limit-reached when the limit is used up.
    SearchRecord create(const AccessClaims& caller, const NewSearch& request);

    /// Returns the caller's own search; throws ApiException 404 for any other id.
    SearchRecord findOwn(const AccessClaims& caller, const std::string& id);

    std::vector<SearchRecord> listOwn(const AccessClaims& caller, int limit, const std::optional<SearchCursor>& cursor);

    /// Cancels the caller's queued or running search; throws 409 search-finished when it ended.
    SearchRecord cancel(const AccessClaims& caller, const std::string& id);

    /// Counts an export of the caller's own search against the plan's monthly export limit.
    SearchRecord startExport(const AccessClaims& caller, const std::string& id);

    /// Returns any account's search, for admins; throws 404 for an unknown id.
    SearchRecord findAny(const std::string& id);

    const std::vector<std::string>& configuredProviders() const { return m_configuredProviders; }

private:
    Database& m_database;
    SearchRepository& m_searches;
    UsageCounter& m_usage;
    SearchWorkerPool& m_workers;
    std::vector<std::string> m_configuredProviders;
};

/// 404 for a search id that does not exist or belongs to someone else.
[[noreturn]] void throwSearchNotFound();

/// 403 plan-limit-reached naming what ran out.
[[noreturn]] void throwPlanLimitReached(const std::string& what);

} // namespace ileadx
