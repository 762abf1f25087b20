#include "auth/StepUpPolicy.h"

#include "http/ApiException.h"
#include "shared/ProblemTypes.h"
#include "storage/SessionRepository.h"

#include <algorithm>

namespace ileadx {

StepUpPolicy::StepUpPolicy(Database& database, int windowMinutes)
    : m_database(database)
    , m_windowMinutes(windowMinutes)
{
}

void StepUpPolicy::require(Poco::Data::Session& session, const AccessClaims& caller) const
{
    const int minutes = m_windowMinutes;
    const std::optional<SessionRecord> current = SessionRepository(m_database).find(session, caller.sessionId);
    // A fresh TOTP code (POST /api/v1/me/step-up) counts like a new sign-in.
    const EpochMillis provedAt = current ? std::max(current->createdAt, current->steppedUpAt.value_or(0)) : 0;
    const EpochMillis windowMillis = static_cast<EpochMillis>(minutes) * 60 * 1000;
    if (!current || nowMillis() - provedAt >= windowMillis) {
        throw ApiException(403, problem::kStepUpRequired, "Recent sign-in required",
                           "Sign in again, or confirm with a code from your authenticator app, within " +
                               std::to_string(minutes) + " minutes before this change.");
    }
}

} // namespace ileadx
