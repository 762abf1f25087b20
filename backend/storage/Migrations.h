#pragma once

namespace ileadx {

class Database;

/// Brings the schema up to date: applies, in order and each in its own transaction, every
/// numbered migration that `schema_migrations` does not list yet. Returns the schema version.
int runMigrations(Database& database);

/// Returns the newest migration number in this build.
int latestSchemaVersion();

} // namespace ileadx
