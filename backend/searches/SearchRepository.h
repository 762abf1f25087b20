#pragma once

#include "searches/SearchRecord.h"

#include <Poco/Data/Session.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

/// SQL for the `searches` and `leads` tables. Methods that take a session run in the caller's
/// transaction; the others borrow a pooled session of their own.
class SearchRepository final
{
public:
    explicit SearchRepository(Database& database)
        : m_database(database)
    {
    }

    void insert(Poco::Data::Session& session, const SearchRecord& search);

    std::optional<SearchRecord> find(const std::string& id);

    /// Returns up to `limit` searches matching `filter`, newest first, after `cursor` when given.
    std::vector<SearchRecord> list(const SearchFilter& filter, int limit, const std::optional<SearchCursor>& cursor);

    /// Returns how many searches wait in the queue.
    std::int64_t countQueued();

    /// Marks the oldest queued search as running, counts the attempt and returns it; returns
    /// nothing when no search is queued.
    std::optional<SearchRecord> claimNextQueued(EpochMillis at);

    /// Ends every search left running by a stopped server: those started `maxAttempts` times
    /// already fail with a reason, the others are queued again. Returns {requeued, failed}.
    std::pair<int, int> recoverInterrupted(int maxAttempts, EpochMillis at);

    /// Sets the final status of a running search; a search cancelled meanwhile keeps its status.
    void finish(const std::string& id, SearchStatus status, const std::string& reason, EpochMillis at);

    /// Cancels a queued or running search; returns false when it had already finished.
    bool cancel(const std::string& id, const std::string& reason, EpochMillis at);

    std::optional<SearchStatus> status(const std::string& id);

    void setListingProgress(const std::string& id, int listingsFound, int sitesTotal);
    void countSiteCrawled(const std::string& id);

    void saveDiagnostics(const std::string& id, const std::string& json);
    std::optional<std::string> diagnostics(const std::string& id);

    /// Inserts a lead unless the search already has one with the same dedupe key, and counts it in
    /// the search's progress. Returns whether the lead was new.
    bool insertLead(Poco::Data::Session& session, const LeadRecord& lead);

    /// Returns up to `limit` leads of a search matching `filter`, highest score first.
    std::vector<LeadRecord> listLeads(const std::string& searchId, const LeadFilter& filter, int limit,
                                      const std::optional<LeadCursor>& cursor);

private:
    Database& m_database;
};

/// Joins list members with "; ", the separator of the list columns of `leads` and of CSV cells.
std::string joinList(const std::vector<std::string>& items);
/// Appends the joined items to `text`, as joinList() returns them.
void joinListInto(std::string& text, const std::vector<std::string>& items);

/// Splits a "; "-joined list column; an empty text gives an empty list.
std::vector<std::string> splitList(const std::string& text);

} // namespace ileadx
