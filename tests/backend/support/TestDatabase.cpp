#include "TestDatabase.h"

#include "common/Random.h"
#include "storage/Database.h"

#include <Poco/Data/Session.h>
#include <QtTest>

using namespace Poco::Data::Keywords;

namespace ileadx::test {

namespace {

constexpr const char* kPostgresVariable = "ILEADX_TEST_POSTGRES";

std::string postgresAdminUrl()
{
    return qEnvironmentVariable(kPostgresVariable).toStdString();
}

// Runs one statement on the server's maintenance database, outside any transaction, as CREATE
// DATABASE and DROP DATABASE require.
void runAdminStatement(const std::string& statement)
{
    const std::unique_ptr<Database> admin = Database::open(postgresAdminUrl(), 1);
    Poco::Data::Session session = admin->session();
    session << statement, now;
}

} // namespace

TestDatabase::TestDatabase(const QString& dialect)
{
    if (dialect == QLatin1String("sqlite")) {
        m_url = "sqlite:" + m_folder.filePath("test.db").toStdString();
        return;
    }
    m_postgresName = "ileadx_test_" + newId().substr(0, 12);
    runAdminStatement("CREATE DATABASE " + m_postgresName);
    m_url = postgresAdminUrl() + " ";
    // libpq takes the last value given for a keyword, so appending dbname overrides the admin one.
    m_url += "dbname=" + m_postgresName;
}

TestDatabase::~TestDatabase()
{
    if (m_postgresName.empty()) {
        return;
    }
    try {
        runAdminStatement("DROP DATABASE IF EXISTS " + m_postgresName + " WITH (FORCE)");
    } catch (const Poco::Exception& error) {
        qWarning("could not drop test database %s: %s", m_postgresName.c_str(), error.displayText().c_str());
    }
}

bool TestDatabase::postgresAvailable(QString* reason)
{
    if (postgresAdminUrl().empty()) {
        *reason = QStringLiteral("%1 is not set; scripts/test.sh starts a PostgreSQL server and sets it")
                      .arg(QLatin1String(kPostgresVariable));
        return false;
    }
    return true;
}

bool TestDatabase::postgresRequired()
{
    return qEnvironmentVariable("ILEADX_REQUIRE_POSTGRES") == QLatin1String("1");
}

} // namespace ileadx::test

void addDialectRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}
