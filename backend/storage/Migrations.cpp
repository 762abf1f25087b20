#include "storage/Migrations.h"

#include "common/Clock.h"
#include "storage/Database.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <string>
#include <vector>

using namespace Poco::Data::Keywords;

namespace ileadx {

namespace {

struct Migration
{
    int version;
    const char* name;
    std::vector<std::string> statements;
};

// Types are the subset both dialects read the same way: TEXT, INTEGER and BIGINT. Times are
// BIGINT milliseconds since the epoch in UTC, booleans INTEGER 0 or 1.
// Released migrations never change; a schema change is a new numbered entry.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = {
        {1,
         "accounts, sessions and refresh tokens",
         {
             "CREATE TABLE users ("
             " id TEXT PRIMARY KEY,"
             " email TEXT NOT NULL UNIQUE,"
             " password_hash TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " last_login_at BIGINT)",
             "CREATE INDEX users_created_at ON users (created_at, id)",
             "CREATE TABLE sessions ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             " device_label TEXT NOT NULL,"
             " device_fingerprint TEXT NOT NULL,"
             " ip_address TEXT NOT NULL,"
             " remember_me INTEGER NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " last_seen_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL,"
             " revoked_at BIGINT,"
             " revoke_reason TEXT)",
             "CREATE INDEX sessions_user ON sessions (user_id)",
             "CREATE TABLE refresh_tokens ("
             " token_hash TEXT PRIMARY KEY,"
             " session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
             " created_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL,"
             " used_at BIGINT,"
             " successor_hash TEXT,"
             " successor_box TEXT)",
             "CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)",
         }},
        {2,
         "append-only audit trail",
         {
             // AuditLog::append() assigns seq inside the writing transaction, so it has no gaps.
             // entry_hash chains each row to the one before, as audit/AuditEntry.cpp describes.
             "CREATE TABLE audit_log ("
             " seq BIGINT PRIMARY KEY,"
             " occurred_at BIGINT NOT NULL,"
             " actor_id TEXT NOT NULL,"
             " actor_email TEXT NOT NULL,"
             " actor_role TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " target_type TEXT NOT NULL,"
             " target_id TEXT NOT NULL,"
             " old_value TEXT,"
             " new_value TEXT,"
             " ip_masked TEXT NOT NULL,"
             " request_id TEXT NOT NULL,"
             " prev_hash TEXT NOT NULL,"
             " entry_hash TEXT NOT NULL)",
             "CREATE INDEX audit_log_action ON audit_log (action, seq)",
             "CREATE INDEX audit_log_actor ON audit_log (actor_id, seq)",
             "CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq)",
             "CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at)",
         }},
        {3,
         "two-factor authentication",
         {
             // NOTE: the routes that fill these tables are not written yet; see backend/twofactor/.
             // secret_box is the TOTP secret sealed by TotpSecretBox. enabled_at stays NULL while
             // enrollment awaits its first code, and last_step is the last accepted TOTP time step.
             "CREATE TABLE two_factor ("
             " user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
             " secret_box TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " enabled_at BIGINT,"
             " last_step BIGINT)",
             "CREATE TABLE two_factor_recovery_codes ("
             " code_hash TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             " created_at BIGINT NOT NULL,"
             " used_at BIGINT)",
             "CREATE INDEX two_factor_recovery_codes_user ON two_factor_recovery_codes (user_id)",
             // The challenge between the password step and the code step of a sign-in, stored here
             // so any server instance can complete it.
             "CREATE TABLE two_factor_challenges ("
             " challenge_hash TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             " remember_me INTEGER NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL,"
             " used_at BIGINT)",
             "CREATE INDEX two_factor_challenges_expires_at ON two_factor_challenges (expires_at)",
             // 'full', or 'two-factor-enrollment' for an admin who has to enrol before anything else.
             "ALTER TABLE sessions ADD COLUMN scope TEXT NOT NULL DEFAULT 'full'",
         }},
        {4,
         "user plans and usage resets",
         {
             "ALTER TABLE users ADD COLUMN plan TEXT NOT NULL DEFAULT 'free'",
             // NOTE: no usage counters exist yet; they are to count from this time once they do.
             "ALTER TABLE users ADD COLUMN usage_reset_at BIGINT",
         }},
    };
    return all;
}

int currentVersion(Poco::Data::Session& session)
{
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        now;
    int version = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
    return version;
}

} // namespace

int latestSchemaVersion()
{
    return migrations().back().version;
}

int runMigrations(Database& database)
{
    Poco::Logger& log = Poco::Logger::get("ileadx.storage");
    Poco::Data::Session probe = database.session();
    int version = currentVersion(probe);

    for (const Migration& migration : migrations()) {
        if (migration.version <= version) {
            continue;
        }

        Transaction transaction(database);
        for (const std::string& statement : migration.statements) {
            transaction.session() << statement, now;
        }
        int number = migration.version;
        std::string name = migration.name;
        EpochMillis appliedAt = nowMillis();
        transaction.session() << database.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
            use(number), use(name), use(appliedAt), now;
        transaction.commit();

        version = migration.version;
        log.information("applied migration %d (%s)", version, name);
    }
    return version;
}

} // namespace ileadx
