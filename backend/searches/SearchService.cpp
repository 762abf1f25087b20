#include "searches/SearchService.h"

#include "common/Random.h"
#include "http/ApiException.h"
#include "searches/SearchRepository.h"
#include "searches/SearchWorkerPool.h"
#include "searches/UsageCounter.h"
#include "shared/ProblemTypes.h"
#include "storage/Database.h"

#include <Poco/Logger.h>

namespace ileadx {

namespace {

Poco::Logger& searchLog()
{
    return Poco::Logger::get("ileadx.searches");
}

} // namespace

void throwSearchNotFound()
{
    throw ApiException(404, problem::kNotFound, "Search not found", "No search of yours has this id.");
}

void throwPlanLimitReached(const std::string& what)
{
    throw ApiException(403, problem::kPlanLimitReached, "Plan limit reached",
                       "Your plan allows no more " + what +
                           " in this billing period. The limit resets at the start of the next calendar month (UTC).");
}

SearchService::SearchService(Database& database, SearchRepository& searches, UsageCounter& usage,
                             SearchWorkerPool& workers, std::vector<std::string> configuredProviders)
    : m_database(database)
    , m_searches(searches)
    , m_usage(usage)
    , m_workers(workers)
    , m_configuredProviders(std::move(configuredProviders))
{
}

SearchRecord SearchService::create(const AccessClaims& caller, const NewSearch& request)
{
    SearchRecord search;
    search.id = newId();
    search.userId = caller.userId;
    search.query = request.query;
    search.location = request.location;
    search.countryCode = request.countryCode;
    search.maxResults = request.maxResults;
    search.providers = request.providers;
    search.status = SearchStatus::Queued;
    search.createdAt = nowMillis();

    {
        Transaction transaction(m_database);
        if (!m_usage.tryConsume(transaction.session(), caller.userId, UsageKind::Searches, 1, search.createdAt)) {
            throwPlanLimitReached("searches");
        }
        m_searches.insert(transaction.session(), search);
        transaction.commit();
    }
    searchLog().information("search %s queued by user %s", search.id, caller.userId);
    m_workers.wake();
    return search;
}

SearchRecord SearchService::findOwn(const AccessClaims& caller, const std::string& id)
{
    std::optional<SearchRecord> search = m_searches.find(id);
    if (!search || search->userId != caller.userId) {
        throwSearchNotFound();
    }
    return *search;
}

std::vector<SearchRecord> SearchService::listOwn(const AccessClaims& caller, int limit,
                                                 const std::optional<SearchCursor>& cursor)
{
    SearchFilter filter;
    filter.userId = caller.userId;
    return m_searches.list(filter, limit, cursor);
}

SearchRecord SearchService::cancel(const AccessClaims& caller, const std::string& id)
{
    const SearchRecord search = findOwn(caller, id);
    if (isFinished(search.status) || !m_searches.cancel(id, "Cancelled by the user.", nowMillis())) {
        throw ApiException(409, problem::kSearchFinished, "Search already finished",
                           "The search is " + std::string(searchStatusName(m_searches.status(id).value_or(search.status))) +
                               " and can no longer be cancelled.");
    }
    m_workers.cancel(id);
    searchLog().information("search %s cancelled by user %s", id, caller.userId);
    return findOwn(caller, id);
}

SearchRecord SearchService::startExport(const AccessClaims& caller, const std::string& id)
{
    const SearchRecord search = findOwn(caller, id);
    Transaction transaction(m_database);
    if (!m_usage.tryConsume(transaction.session(), caller.userId, UsageKind::Exports, 1, nowMillis())) {
        throwPlanLimitReached("exports");
    }
    transaction.commit();
    return search;
}

SearchRecord SearchService::findAny(const std::string& id)
{
    std::optional<SearchRecord> search = m_searches.find(id);
    if (!search) {
        throw ApiException(404, problem::kNotFound, "Search not found", "No search has this id.");
    }
    return *search;
}

} // namespace ileadx
