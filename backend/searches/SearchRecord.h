#pragma once

#include "common/Clock.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ileadx {

/// Life cycle of a search job: queued → running → completed, failed or cancelled.
enum class SearchStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
};

/// Returns the stored and wire name: "queued", "running", "completed", "failed" or "cancelled".
std::string_view searchStatusName(SearchStatus status);

/// Parses a stored or wire name; returns nothing for an unknown name.
std::optional<SearchStatus> parseSearchStatus(std::string_view name);

/// Whether a search in this status will not change any more.
bool isFinished(SearchStatus status);

/// One row of `searches`: what was asked, the job's status and its progress per stage.
struct SearchRecord
{
    std::string id;
    std::string userId;
    std::string query;
    std::string location;
    std::string countryCode; ///< ISO 3166-1 alpha-2, upper case
    int maxResults = 0;
    std::vector<std::string> providers;
    SearchStatus status = SearchStatus::Queued;
    std::string statusReason; ///< why it failed or stopped early; empty otherwise
    int attempts = 0;         ///< runs started, including runs a restart interrupted
    EpochMillis createdAt = 0;
    std::optional<EpochMillis> startedAt;
    std::optional<EpochMillis> finishedAt;
    int listingsFound = 0;
    int sitesTotal = 0;
    int sitesCrawled = 0;
    int leadsStored = 0;
};

/// One row of `leads`: a business found by a search, with what its website revealed and its score.
struct LeadRecord
{
    std::string id;
    std::string searchId;
    std::string dedupeKey;
    std::string name;
    std::string address;
    std::string countryCode;
    std::string phone; ///< as the provider gave it
    std::string website;
    std::string category;
    std::optional<double> rating;
    std::optional<int> reviewCount;
    std::vector<std::string> emails;
    std::vector<std::string> phones;         ///< E.164 numbers found on the website
    std::vector<std::string> socialProfiles; ///< profile URLs
    std::vector<std::string> technologies;   ///< technology names
    bool websiteReachable = false;
    int score = 0;
    std::vector<std::string> scoreReasons;
    std::string provider;
    std::string providerId;
    EpochMillis createdAt = 0;
};

/// Position after the last search of a page, newest first.
struct SearchCursor
{
    EpochMillis createdAt = 0;
    std::string id;
};

/// Position after the last lead of a page, highest score first.
struct LeadCursor
{
    int score = 0;
    std::string id;
};

/// Conditions of a search list. Empty members do not filter.
struct SearchFilter
{
    std::optional<std::string> userId;
    std::optional<SearchStatus> status;
};

/// Conditions of a lead list. Empty members do not filter.
struct LeadFilter
{
    std::optional<int> minScore;
    std::optional<bool> hasEmail;
    std::optional<bool> hasPhone;
};

} // namespace ileadx
