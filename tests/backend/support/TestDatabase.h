#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace ileadx::test {

/// A throwaway database for one test: a SQLite file in a temporary folder, or a fresh database
/// on the PostgreSQL server named by ILEADX_TEST_POSTGRES, dropped again by the destructor.
class TestDatabase final
{
public:
    /// `dialect` is "sqlite" or "postgresql".
    explicit TestDatabase(const QString& dialect);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// The URL to pass to Database::open() or database.url.
    const std::string& url() const { return m_url; }

    /// Whether PostgreSQL tests can run; when they cannot, `reason` says why.
    static bool postgresAvailable(QString* reason);

    /// Whether a missing PostgreSQL must fail the test (ILEADX_REQUIRE_POSTGRES=1) instead of
    /// skipping it.
    static bool postgresRequired();

private:
    QTemporaryDir m_folder;
    std::string m_url;
    std::string m_postgresName;
};

} // namespace ileadx::test

/// Adds a `dialect` column with a "sqlite" row and a "postgresql" row to a data-driven test.
void addDialectRows();

/// Skips or fails the current PostgreSQL row when no server is configured.
#define ILEADX_REQUIRE_DIALECT(dialect)                                                                               \
    do {                                                                                                              \
        QString unavailableReason;                                                                                    \
        if ((dialect) == QLatin1String("postgresql") &&                                                               \
            !ileadx::test::TestDatabase::postgresAvailable(&unavailableReason)) {                                     \
            if (ileadx::test::TestDatabase::postgresRequired()) {                                                     \
                QFAIL(qPrintable(unavailableReason));                                                                 \
            }                                                                                                         \
            QSKIP(qPrintable(unavailableReason));                                                                     \
        }                                                                                                             \
    } while (false)
