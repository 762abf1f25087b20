#pragma once

#include "common/Clock.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

namespace ileadx {

class Database;

/// A user's TOTP enrollment. `enabledAt` stays empty until the first code confirms it.
struct TwoFactorRecord
{
    std::string userId;
    std::string secretBox; ///< the secret sealed by TotpSecretBox
    EpochMillis createdAt = 0;
    std::optional<EpochMillis> enabledAt;
    std::optional<std::int64_t> lastStep; ///< the last accepted TOTP time step
};

/// The pending second step of a sign-in, stored so any server instance can complete it.
struct ChallengeRecord
{
    std::string challengeHash;
    std::string userId;
    bool rememberMe = false;
    EpochMillis expiresAt = 0;
    std::optional<EpochMillis> usedAt;
    int failedAttempts = 0;
};

/// SQL for the two_factor, two_factor_recovery_codes and two_factor_challenges tables. Every call
/// runs on the session it is given, so callers can put several changes into one transaction.
class TwoFactorRepository final
{
public:
    explicit TwoFactorRepository(Database& database)
        : m_database(database)
    {
    }

    /// Reads the user's enrollment, locking it until the end of the transaction on PostgreSQL.
    std::optional<TwoFactorRecord> findForUpdate(Poco::Data::Session& session, const std::string& userId);
    std::optional<TwoFactorRecord> find(Poco::Data::Session& session, const std::string& userId);
    bool isEnabled(Poco::Data::Session& session, const std::string& userId);

    /// Replaces any enrollment of the user with a pending one.
    void startEnrollment(Poco::Data::Session& session, const std::string& userId, const std::string& secretBox,
                         EpochMillis at);
    void enable(Poco::Data::Session& session, const std::string& userId, std::int64_t step, EpochMillis at);
    void setLastStep(Poco::Data::Session& session, const std::string& userId, std::int64_t step);
    /// Deletes the enrollment and the recovery codes.
    void remove(Poco::Data::Session& session, const std::string& userId);

    /// Replaces the user's recovery codes with new hashes.
    void replaceRecoveryCodes(Poco::Data::Session& session, const std::string& userId,
                              const std::vector<std::string>& codeHashes, EpochMillis at);
    /// Marks an unused code of the user used; returns whether one was.
    bool useRecoveryCode(Poco::Data::Session& session, const std::string& userId, const std::string& codeHash,
                         EpochMillis at);
    int unusedRecoveryCodes(Poco::Data::Session& session, const std::string& userId);

    void insertChallenge(Poco::Data::Session& session, const ChallengeRecord& challenge, EpochMillis at);
    std::optional<ChallengeRecord> findChallengeForUpdate(Poco::Data::Session& session,
                                                         const std::string& challengeHash);
    void markChallengeUsed(Poco::Data::Session& session, const std::string& challengeHash, EpochMillis at);
    void countChallengeFailure(Poco::Data::Session& session, const std::string& challengeHash);
    /// Deletes challenges that expired before `at`, so the table does not grow.
    void deleteExpiredChallenges(Poco::Data::Session& session, EpochMillis at);

private:
    std::optional<TwoFactorRecord> select(Poco::Data::Session& session, const std::string& userId, bool lock);

    Database& m_database;
};

} // namespace ileadx
