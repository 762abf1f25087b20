#include "twofactor/TwoFactorRepository.h"

#include "storage/Database.h"

#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

using EnrollmentRow =
    Poco::Tuple<std::string, std::string, Poco::Int64, Poco::Nullable<Poco::Int64>, Poco::Nullable<Poco::Int64>>;
using ChallengeRow =
    Poco::Tuple<std::string, std::string, int, Poco::Int64, Poco::Nullable<Poco::Int64>, int>;

template <typename T>
std::optional<T> optionalOf(const Poco::Nullable<Poco::Int64>& value)
{
    return value.isNull() ? std::nullopt : std::optional<T>(static_cast<T>(value.value()));
}

} // namespace

std::optional<TwoFactorRecord> TwoFactorRepository::select(Poco::Data::Session& session, const std::string& userId,
                                                           bool lock)
{
    std::vector<EnrollmentRow> rows;
    std::string key = userId;
    std::string text = "SELECT user_id, secret_box, created_at, enabled_at, last_step FROM two_factor WHERE user_id = ?";
    if (lock) {
        text += m_database.forUpdate();
    }
    session << m_database.sql(text), use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    const EnrollmentRow& row = rows.front();
    return TwoFactorRecord{row.get<0>(), row.get<1>(), row.get<2>(), optionalOf<EpochMillis>(row.get<3>()),
                           optionalOf<std::int64_t>(row.get<4>())};
}

std::optional<TwoFactorRecord> TwoFactorRepository::findForUpdate(Poco::Data::Session& session,
                                                                  const std::string& userId)
{
    return select(session, userId, true);
}

std::optional<TwoFactorRecord> TwoFactorRepository::find(Poco::Data::Session& session, const std::string& userId)
{
    return select(session, userId, false);
}

bool TwoFactorRepository::isEnabled(Poco::Data::Session& session, const std::string& userId)
{
    const std::optional<TwoFactorRecord> record = find(session, userId);
    return record && record->enabledAt;
}

void TwoFactorRepository::startEnrollment(Poco::Data::Session& session, const std::string& userId,
                                          const std::string& secretBox, EpochMillis at)
{
    remove(session, userId);
    std::string key = userId;
    std::string box = secretBox;
    Poco::Int64 when = at;
    session << m_database.sql("INSERT INTO two_factor (user_id, secret_box, created_at) VALUES (?, ?, ?)"), use(key),
        use(box), use(when), now;
}

void TwoFactorRepository::enable(Poco::Data::Session& session, const std::string& userId, std::int64_t step,
                                 EpochMillis at)
{
    std::string key = userId;
    Poco::Int64 lastStep = step;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE two_factor SET enabled_at = ?, last_step = ? WHERE user_id = ?"), use(when),
        use(lastStep), use(key), now;
}

void TwoFactorRepository::setLastStep(Poco::Data::Session& session, const std::string& userId, std::int64_t step)
{
    std::string key = userId;
    Poco::Int64 lastStep = step;
    session << m_database.sql("UPDATE two_factor SET last_step = ? WHERE user_id = ?"), use(lastStep), use(key), now;
}

void TwoFactorRepository::remove(Poco::Data::Session& session, const std::string& userId)
{
    std::string key = userId;
    session << m_database.sql("DELETE FROM two_factor_recovery_codes WHERE user_id = ?"), use(key), now;
    session << m_database.sql("DELETE FROM two_factor WHERE user_id = ?"), use(key), now;
}

void TwoFactorRepository::replaceRecoveryCodes(Poco::Data::Session& session, const std::string& userId,
                                               const std::vector<std::string>& codeHashes, EpochMillis at)
{
    std::string key = userId;
    session << m_database.sql("DELETE FROM two_factor_recovery_codes WHERE user_id = ?"), use(key), now;
    for (const std::string& codeHash : codeHashes) {
        std::string hash = codeHash;
        Poco::Int64 when = at;
        session << m_database.sql("INSERT INTO two_factor_recovery_codes (code_hash, user_id, created_at)"
                                  " VALUES (?, ?, ?)"),
            use(hash), use(key), use(when), now;
    }
}

bool TwoFactorRepository::useRecoveryCode(Poco::Data::Session& session, const std::string& userId,
                                          const std::string& codeHash, EpochMillis at)
{
    std::string key = userId;
    std::string hash = codeHash;
    Poco::Int64 when = at;
    Poco::Data::Statement update(session);
    update << m_database.sql("UPDATE two_factor_recovery_codes SET used_at = ?"
                             " WHERE code_hash = ? AND user_id = ? AND used_at IS NULL"),
        use(when), use(hash), use(key);
    return update.execute() == 1;
}

int TwoFactorRepository::unusedRecoveryCodes(Poco::Data::Session& session, const std::string& userId)
{
    std::string key = userId;
    int count = 0;
    session << m_database.sql("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL"),
        use(key), into(count), now;
    return count;
}

void TwoFactorRepository::insertChallenge(Poco::Data::Session& session, const ChallengeRecord& challenge,
                                          EpochMillis at)
{
    ChallengeRecord copy = challenge;
    int rememberMe = challenge.rememberMe ? 1 : 0;
    Poco::Int64 createdAt = at;
    Poco::Int64 expiresAt = challenge.expiresAt;
    session << m_database.sql("INSERT INTO two_factor_challenges (challenge_hash, user_id, remember_me, created_at,"
                              " expires_at) VALUES (?, ?, ?, ?, ?)"),
        use(copy.challengeHash), use(copy.userId), use(rememberMe), use(createdAt), use(expiresAt), now;
}

std::optional<ChallengeRecord> TwoFactorRepository::findChallengeForUpdate(Poco::Data::Session& session,
                                                                           const std::string& challengeHash)
{
    std::vector<ChallengeRow> rows;
    std::string key = challengeHash;
    session << m_database.sql("SELECT challenge_hash, user_id, remember_me, expires_at, used_at, failed_attempts"
                              " FROM two_factor_challenges WHERE challenge_hash = ?" +
                              std::string(m_database.forUpdate())),
        use(key), into(rows), now;
    if (rows.empty()) {
        return std::nullopt;
    }
    const ChallengeRow& row = rows.front();
    return ChallengeRecord{row.get<0>(), row.get<1>(), row.get<2>() != 0, row.get<3>(),
                           optionalOf<EpochMillis>(row.get<4>()), row.get<5>()};
}

void TwoFactorRepository::markChallengeUsed(Poco::Data::Session& session, const std::string& challengeHash,
                                            EpochMillis at)
{
    std::string key = challengeHash;
    Poco::Int64 when = at;
    session << m_database.sql("UPDATE two_factor_challenges SET used_at = ? WHERE challenge_hash = ?"), use(when),
        use(key), now;
}

void TwoFactorRepository::countChallengeFailure(Poco::Data::Session& session, const std::string& challengeHash)
{
    std::string key = challengeHash;
    session << m_database.sql("UPDATE two_factor_challenges SET failed_attempts = failed_attempts + 1"
                              " WHERE challenge_hash = ?"),
        use(key), now;
}

void TwoFactorRepository::deleteExpiredChallenges(Poco::Data::Session& session, EpochMillis at)
{
    Poco::Int64 when = at;
    session << m_database.sql("DELETE FROM two_factor_challenges WHERE expires_at < ?"), use(when), now;
}

} // namespace ileadx
