#pragma once

#include "leads/extract/Extraction.h"
#include "leads/providers/Listing.h"

#include <string>
#include <vector>

namespace ileadx::leads {

struct ScoreInput
{
    const Listing& listing;
    const Extraction& extraction; ///< everything found on the crawled pages of the listing's website
    bool websiteReachable;        ///< whether at least the home page was fetched
};

struct LeadScore
{
    int score;                        ///< 1..100
    std::vector<std::string> reasons; ///< one per factor that added points, e.g. "+10 phone number known"
};

/// Scores how complete and promising a lead is. The formula, a table of points per factor, is in
/// docs/lead-scoring.md. The same input always gives the same score and reasons in the same order.
LeadScore scoreLead(const ScoreInput& input);

} // namespace ileadx::leads
