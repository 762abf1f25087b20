#include "searches/SearchRepository.h"

#include "storage/Database.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/NumberParser.h>
#include <Poco/Tuple.h>

#include <charconv>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

constexpr const char* kSearchColumns =
    "id, user_id, query, location, country_code, max_results, providers, status, status_reason, attempts,"
    " created_at, started_at, finished_at, listings_found, sites_total, sites_crawled, leads_stored";

using SearchRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, int, std::string,
                              std::string, Poco::Nullable<std::string>, int, Poco::Int64, Poco::Nullable<Poco::Int64>,
                              Poco::Nullable<Poco::Int64>, int, int, int, int>;

// Columns read back; the search id is known to the caller. Poco binds rows of at most 20 columns.
constexpr const char* kLeadColumns =
    "id, name, address, country_code, phone, website, category, rating, review_count, emails, phones,"
    " social_profiles, technologies, website_reachable, score, score_reasons, provider, provider_id, created_at";

using LeadRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string,
                            Poco::Nullable<std::string>, Poco::Nullable<int>, std::string, std::string, std::string,
                            std::string, int, int, std::string, std::string, std::string, Poco::Int64>;

constexpr const char* kLeadInsertColumns =
    "id, search_id, dedupe_key, name, address, country_code, phone, website, category, rating, review_count,"
    " emails, phones, social_profiles, technologies, has_email, has_phone, website_reachable, score,"
    " score_reasons, provider, provider_id, created_at";

constexpr std::string_view kListSeparator = "; ";

std::vector<std::string> splitProviders(const std::string& text)
{
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) {
            names.push_back(text.substr(start, comma - start));
        }
        start = comma + 1;
    }
    return names;
}

std::string joinProviders(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) {
            text += ',';
        }
        text += name;
    }
    return text;
}

SearchRecord toSearch(const SearchRow& row)
{
    SearchRecord search;
    search.id = row.get<0>();
    search.userId = row.get<1>();
    search.query = row.get<2>();
    search.location = row.get<3>();
    search.countryCode = row.get<4>();
    search.maxResults = row.get<5>();
    search.providers = splitProviders(row.get<6>());
    search.status = parseSearchStatus(row.get<7>()).value_or(SearchStatus::Failed);
    search.statusReason = row.get<8>().isNull() ? std::string() : row.get<8>().value();
    search.attempts = row.get<9>();
    search.createdAt = row.get<10>();
    if (!row.get<11>().isNull()) {
        search.startedAt = row.get<11>().value();
    }
    if (!row.get<12>().isNull()) {
        search.finishedAt = row.get<12>().value();
    }
    search.listingsFound = row.get<13>();
    search.sitesTotal = row.get<14>();
    search.sitesCrawled = row.get<15>();
    search.leadsStored = row.get<16>();
    return search;
}

std::string formatRating(double rating)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), rating);
    return std::string(buffer, result.ptr);
}

LeadRecord toLead(const LeadRow& row, const std::string& searchId)
{
    LeadRecord lead;
    lead.id = row.get<0>();
    lead.searchId = searchId;
    lead.name = row.get<1>();
    lead.address = row.get<2>();
    lead.countryCode = row.get<3>();
    lead.phone = row.get<4>();
    lead.website = row.get<5>();
    lead.category = row.get<6>();
    double rating = 0;
    if (!row.get<7>().isNull() && Poco::NumberParser::tryParseFloat(row.get<7>().value(), rating)) {
        lead.rating = rating;
    }
    if (!row.get<8>().isNull()) {
        lead.reviewCount = row.get<8>().value();
    }
    lead.emails = splitList(row.get<9>());
    lead.phones = splitList(row.get<10>());
    lead.socialProfiles = splitList(row.get<11>());
    lead.technologies = splitList(row.get<12>());
    lead.websiteReachable = row.get<13>() != 0;
    lead.score = row.get<14>();
    lead.scoreReasons = splitList(row.get<15>());
    lead.provider = row.get<16>();
    lead.providerId = row.get<17>();
    lead.createdAt = row.get<18>();
    return lead;
}

// Collects WHERE conditions; the caller binds the values in the same order.
class Conditions
{
public:
    void add(const std::string& condition)
    {
        m_text += m_text.empty() ? " WHERE " : " AND ";
        m_text += condition;
    }
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

} // namespace

std::string joinList(const std::vector<std::string>& items)
{
    std::string text;
    joinListInto(text, items);
    return text;
}

void joinListInto(std::string& text, const std::vector<std::string>& items)
{
    const std::size_t start = text.size();
    for (const std::string& item : items) {
        if (text.size() > start) {
            text += kListSeparator;
        }
        text += item;
    }
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(kListSeparator, start);
        if (end == std::string::npos) {
            end = text.size();
        }
        items.push_back(text.substr(start, end - start));
        start = end + kListSeparator.size();
    }
    return items;
}

void SearchRepository::insert(Poco::Data::Session& session, const SearchRecord& search)
{
    std::string id = search.id;
    std::string userId = search.userId;
    std::string query = search.query;
    std::string location = search.location;
    std::string country = search.countryCode;
    int maxResults = search.maxResults;
    std::string providers = joinProviders(search.providers);
    std::string status(searchStatusName(search.status));
    Poco::Int64 createdAt = search.createdAt;
    session << m_database.sql("INSERT INTO searches (id, user_id, query, location, country_code, max_results,"
                              " providers, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(userId), use(query), use(location), use(country), use(maxResults), use(providers), use(status),
        use(createdAt), now;
}

std::optional<SearchRecord> SearchRepository::find(const std::string& id)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::vector<SearchRow> rows;
    session << m_database.sql(std::string("SELECT ") + kSearchColumns + " FROM searches WHERE id = ?"), use(key),
        into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    return toSearch(rows.front());
}

std::vector<SearchRecord> SearchRepository::list(const SearchFilter& filter, int limit,
                                                 const std::optional<SearchCursor>& cursor)
{
    Poco::Data::Session session = m_database.session();
    // Each bound value lives in a local until the statement has run, because Poco binds by reference.
    std::string userId = filter.userId.value_or("");
    std::string status = filter.status ? std::string(searchStatusName(*filter.status)) : std::string();
    Poco::Int64 createdAt = cursor ? cursor->createdAt : 0;
    Poco::Int64 createdAtAgain = createdAt;
    std::string cursorId = cursor ? cursor->id : std::string();
    int pageSize = limit;
    std::vector<SearchRow> rows;

    Conditions where;
    if (filter.userId) {
        where.add("user_id = ?");
    }
    if (filter.status) {
        where.add("status = ?");
    }
    if (cursor) {
        where.add("(created_at < ? OR (created_at = ? AND id < ?))");
    }
    Poco::Data::Statement statement(session);
    statement << m_database.sql(std::string("SELECT ") + kSearchColumns + " FROM searches" + where.text() +
                                " ORDER BY created_at DESC, id DESC LIMIT ?");
    if (filter.userId) {
        statement, use(userId);
    }
    if (filter.status) {
        statement, use(status);
    }
    if (cursor) {
        statement, use(createdAt), use(createdAtAgain), use(cursorId);
    }
    statement, use(pageSize), into(rows);
    statement.execute();

    std::vector<SearchRecord> searches;
    searches.reserve(rows.size());
    for (const SearchRow& row : rows) {
        searches.push_back(toSearch(row));
    }
    return searches;
}

std::int64_t SearchRepository::countQueued()
{
    Poco::Data::Session session = m_database.session();
    Poco::Int64 count = 0;
    session << "SELECT COUNT(*) FROM searches WHERE status = 'queued'", into(count), now;
    return count;
}

std::optional<SearchRecord> SearchRepository::claimNextQueued(EpochMillis at)
{
    std::string id;
    {
        Transaction transaction(m_database);
        Poco::Data::Session& session = transaction.session();
        // SKIP LOCKED lets workers of several servers on one PostgreSQL database claim different rows.
        const std::string lock = m_database.dialect() == SqlDialect::PostgreSQL ? " FOR UPDATE SKIP LOCKED" : "";
        std::vector<std::string> ids;
        session << m_database.sql("SELECT id FROM searches WHERE status = 'queued' ORDER BY created_at, id LIMIT 1" + lock),
            into(ids), now;
        if (ids.empty()) {
            return std::nullopt;
        }
        id = ids.front();
        Poco::Int64 startedAt = at;
        session << m_database.sql("UPDATE searches SET status = 'running', attempts = attempts + 1,"
                                  " started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'queued'"),
            use(startedAt), use(id), now;
        transaction.commit();
    }
    std::optional<SearchRecord> claimed = find(id);
    if (!claimed || claimed->status != SearchStatus::Running) {
        return std::nullopt;
    }
    return claimed;
}

std::pair<int, int> SearchRepository::recoverInterrupted(int maxAttempts, EpochMillis at)
{
    Transaction transaction(m_database);
    Poco::Data::Session& session = transaction.session();
    int attempts = maxAttempts;
    int failed = 0;
    int requeued = 0;
    session << m_database.sql("SELECT COUNT(*) FROM searches WHERE status = 'running' AND attempts >= ?"),
        use(attempts), into(failed), now;
    session << m_database.sql("SELECT COUNT(*) FROM searches WHERE status = 'running' AND attempts < ?"),
        use(attempts), into(requeued), now;

    Poco::Int64 finishedAt = at;
    std::string reason = "The search was interrupted by server restarts " + std::to_string(maxAttempts) +
                         " times and was not started again.";
    session << m_database.sql("UPDATE searches SET status = 'failed', status_reason = ?, finished_at = ?"
                              " WHERE status = 'running' AND attempts >= ?"),
        use(reason), use(finishedAt), use(attempts), now;
    session << m_database.sql("UPDATE searches SET status = 'queued' WHERE status = 'running'"), now;
    transaction.commit();
    return {requeued, failed};
}

void SearchRepository::finish(const std::string& id, SearchStatus status, const std::string& reason, EpochMillis at)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::string name(searchStatusName(status));
    Poco::Nullable<std::string> why;
    if (!reason.empty()) {
        why = reason;
    }
    Poco::Int64 finishedAt = at;
    session << m_database.sql("UPDATE searches SET status = ?, status_reason = ?, finished_at = ?"
                              " WHERE id = ? AND status = 'running'"),
        use(name), use(why), use(finishedAt), use(key), now;
}

bool SearchRepository::cancel(const std::string& id, const std::string& reason, EpochMillis at)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::string why = reason;
    Poco::Int64 finishedAt = at;
    session << m_database.sql("UPDATE searches SET status = 'cancelled', status_reason = ?, finished_at = ?"
                              " WHERE id = ? AND status IN ('queued', 'running')"),
        use(why), use(finishedAt), use(key), now;
    // Whether this call cancelled it is read back, because the connectors report affected rows
    // differently; a concurrent cancel also reads "cancelled", which is the same outcome.
    return status(id) == SearchStatus::Cancelled;
}

std::optional<SearchStatus> SearchRepository::status(const std::string& id)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::vector<std::string> names;
    session << m_database.sql("SELECT status FROM searches WHERE id = ?"), use(key), into(names), now;
    if (names.empty()) {
        return std::nullopt;
    }
    return parseSearchStatus(names.front());
}

void SearchRepository::setListingProgress(const std::string& id, int listingsFound, int sitesTotal)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    int listings = listingsFound;
    int sites = sitesTotal;
    session << m_database.sql("UPDATE searches SET listings_found = ?, sites_total = ?, sites_crawled = 0 WHERE id = ?"),
        use(listings), use(sites), use(key), now;
}

void SearchRepository::countSiteCrawled(const std::string& id)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    session << m_database.sql("UPDATE searches SET sites_crawled = sites_crawled + 1 WHERE id = ?"), use(key), now;
}

void SearchRepository::saveDiagnostics(const std::string& id, const std::string& json)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::string text = json;
    session << m_database.sql("UPDATE searches SET diagnostics = ? WHERE id = ?"), use(text), use(key), now;
}

std::optional<std::string> SearchRepository::diagnostics(const std::string& id)
{
    Poco::Data::Session session = m_database.session();
    std::string key = id;
    std::vector<Poco::Nullable<std::string>> texts;
    session << m_database.sql("SELECT diagnostics FROM searches WHERE id = ?"), use(key), into(texts), now;
    if (texts.empty() || texts.front().isNull()) {
        return std::nullopt;
    }
    return texts.front().value();
}

bool SearchRepository::insertLead(Poco::Data::Session& session, const LeadRecord& lead)
{
    std::string id = lead.id;
    std::string searchId = lead.searchId;
    std::string dedupeKey = lead.dedupeKey;
    std::string name = lead.name;
    std::string address = lead.address;
    std::string country = lead.countryCode;
    std::string phone = lead.phone;
    std::string website = lead.website;
    std::string category = lead.category;
    Poco::Nullable<std::string> rating;
    if (lead.rating) {
        rating = formatRating(*lead.rating);
    }
    Poco::Nullable<int> reviewCount;
    if (lead.reviewCount) {
        reviewCount = *lead.reviewCount;
    }
    std::string emails = joinList(lead.emails);
    std::string phones = joinList(lead.phones);
    std::string social = joinList(lead.socialProfiles);
    std::string technologies = joinList(lead.technologies);
    int hasEmail = lead.emails.empty() ? 0 : 1;
    int hasPhone = lead.phones.empty() && lead.phone.empty() ? 0 : 1;
    int reachable = lead.websiteReachable ? 1 : 0;
    int score = lead.score;
    std::string reasons = joinList(lead.scoreReasons);
    std::string provider = lead.provider;
    std::string providerId = lead.providerId;
    Poco::Int64 createdAt = lead.createdAt;
    session << m_database.sql(std::string("INSERT INTO leads (") + kLeadInsertColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (search_id, dedupe_key) DO NOTHING"),
        use(id), use(searchId), use(dedupeKey), use(name), use(address), use(country), use(phone), use(website),
        use(category), use(rating), use(reviewCount), use(emails), use(phones), use(social), use(technologies),
        use(hasEmail), use(hasPhone), use(reachable), use(score), use(reasons), use(provider), use(providerId),
        use(createdAt), now;

    std::string storedId;
    session << m_database.sql("SELECT id FROM leads WHERE search_id = ? AND dedupe_key = ?"), use(searchId),
        use(dedupeKey), into(storedId), now;
    if (storedId != id) {
        return false;
    }
    session << m_database.sql("UPDATE searches SET leads_stored = leads_stored + 1 WHERE id = ?"), use(searchId), now;
    return true;
}

std::vector<LeadRecord> SearchRepository::listLeads(const std::string& searchId, const LeadFilter& filter, int limit,
                                                    const std::optional<LeadCursor>& cursor)
{
    Poco::Data::Session session = m_database.session();
    std::string key = searchId;
    int minScore = filter.minScore.value_or(0);
    int hasEmail = filter.hasEmail.value_or(false) ? 1 : 0;
    int hasPhone = filter.hasPhone.value_or(false) ? 1 : 0;
    int cursorScore = cursor ? cursor->score : 0;
    std::string cursorId = cursor ? cursor->id : std::string();
    int pageSize = limit;
    std::vector<LeadRow> rows;

    Conditions where;
    where.add("search_id = ?");
    if (filter.minScore) {
        where.add("score >= ?");
    }
    if (filter.hasEmail) {
        where.add("has_email = ?");
    }
    if (filter.hasPhone) {
        where.add("has_phone = ?");
    }
    if (cursor) {
        // A row-value comparison lets SQLite and PostgreSQL seek in the (search_id, score, id)
        // index. The equivalent OR form made SQLite 3.40 rescan the index from the top on every page.
        where.add("(score, id) < (?, ?)");
    }
    Poco::Data::Statement statement(session);
    statement << m_database.sql(std::string("SELECT ") + kLeadColumns + " FROM leads" + where.text() +
                                " ORDER BY score DESC, id DESC LIMIT ?");
    statement, use(key);
    if (filter.minScore) {
        statement, use(minScore);
    }
    if (filter.hasEmail) {
        statement, use(hasEmail);
    }
    if (filter.hasPhone) {
        statement, use(hasPhone);
    }
    if (cursor) {
        statement, use(cursorScore), use(cursorId);
    }
    statement, use(pageSize), into(rows);
    statement.execute();

    std::vector<LeadRecord> leads;
    leads.reserve(rows.size());
    for (const LeadRow& row : rows) {
        leads.push_back(toLead(row, searchId));
    }
    return leads;
}

} // namespace ileadx
