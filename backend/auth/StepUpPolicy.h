#pragma once

#include "auth/AccessTokenService.h"

#include <Poco/Data/Session.h>

#include <atomic>

namespace ileadx {

class Database;

/// The rule for sensitive actions (role changes, deletions, settings): the caller's session must
/// have signed in, or entered a fresh TOTP code, within the last few minutes.
class StepUpPolicy final
{
public:
    StepUpPolicy(Database& database, int windowMinutes);

    /// Throws ApiException 403 with the step-up-required problem type when the caller's session
    /// has not proved its owner recently enough. A window of 0 rejects every such action.
    void require(Poco::Data::Session& session, const AccessClaims& caller) const;

    int windowMinutes() const { return m_windowMinutes; }
    void setWindowMinutes(int minutes) { m_windowMinutes = minutes; }

private:
    Database& m_database;
    std::atomic<int> m_windowMinutes;
};

} // namespace ileadx
