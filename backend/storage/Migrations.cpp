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
             // Usage counters (migration 6) count from this time when it is later than the month's start.
             "ALTER TABLE users ADD COLUMN usage_reset_at BIGINT",
         }},
        {5,
         "runtime settings and step-up",
         {
             // Settings a super admin changes at run time. A key without a row keeps the value
             // from the configuration file.
             "CREATE TABLE settings ("
             " key TEXT PRIMARY KEY,"
             " value TEXT NOT NULL,"
             " updated_at BIGINT NOT NULL,"
             " updated_by TEXT NOT NULL)",
             // When the session last proved its owner with a fresh TOTP code, for sensitive actions.
             "ALTER TABLE sessions ADD COLUMN stepped_up_at BIGINT",
             // Wrong codes entered against one sign-in challenge; past a few the challenge dies.
             "ALTER TABLE two_factor_challenges ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0",
         }},
        // Migration 5 belongs to the auth and two-factor work and goes before this entry:
        // runMigrations() skips every entry numbered at or below the newest one applied.
        {6,
         "lead searches, their leads and plan usage counters",
         {
             // status: queued, running, completed, failed or cancelled. attempts counts the runs
             // started, so a job interrupted by restarts more than once ends as failed.
             // providers is a comma-separated list of provider names. diagnostics is JSON text
             // with the timing breakdown per stage, written by the worker.
             "CREATE TABLE searches ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             " query TEXT NOT NULL,"
             " location TEXT NOT NULL,"
             " country_code TEXT NOT NULL,"
             " max_results INTEGER NOT NULL,"
             " providers TEXT NOT NULL,"
             " status TEXT NOT NULL,"
             " status_reason TEXT,"
             " attempts INTEGER NOT NULL DEFAULT 0,"
             " created_at BIGINT NOT NULL,"
             " started_at BIGINT,"
             " finished_at BIGINT,"
             " listings_found INTEGER NOT NULL DEFAULT 0,"
             " sites_total INTEGER NOT NULL DEFAULT 0,"
             " sites_crawled INTEGER NOT NULL DEFAULT 0,"
             " leads_stored INTEGER NOT NULL DEFAULT 0,"
             " diagnostics TEXT)",
             "CREATE INDEX searches_user ON searches (user_id, created_at, id)",
             "CREATE INDEX searches_status ON searches (status, created_at, id)",
             "CREATE INDEX searches_created_at ON searches (created_at, id)",
             // dedupe_key identifies one business within a search (normalised website host, phone
             // digits or the provider's id), so a business found twice is stored once. The lists
             // (emails, phones, ...) are joined with "; ". rating is decimal text.
             "CREATE TABLE leads ("
             " id TEXT PRIMARY KEY,"
             " search_id TEXT NOT NULL REFERENCES searches (id) ON DELETE CASCADE,"
             " dedupe_key TEXT NOT NULL,"
             " name TEXT NOT NULL,"
             " address TEXT NOT NULL,"
             " country_code TEXT NOT NULL,"
             " phone TEXT NOT NULL,"
             " website TEXT NOT NULL,"
             " category TEXT NOT NULL,"
             " rating TEXT,"
             " review_count INTEGER,"
             " emails TEXT NOT NULL,"
             " phones TEXT NOT NULL,"
             " social_profiles TEXT NOT NULL,"
             " technologies TEXT NOT NULL,"
             " has_email INTEGER NOT NULL,"
             " has_phone INTEGER NOT NULL,"
             " website_reachable INTEGER NOT NULL,"
             " score INTEGER NOT NULL,"
             " score_reasons TEXT NOT NULL,"
             " provider TEXT NOT NULL,"
             " provider_id TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " UNIQUE (search_id, dedupe_key))",
             "CREATE INDEX leads_search_score ON leads (search_id, score, id)",
             // One row per account, kind (searches, leads, exports) and billing period; the period
             // starts at the later of the calendar month in UTC and users.usage_reset_at.
             "CREATE TABLE usage_counters ("
             " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             " kind TEXT NOT NULL,"
             " period_start BIGINT NOT NULL,"
             " used BIGINT NOT NULL,"
             " PRIMARY KEY (user_id, kind, period_start))",
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
