#include "common/Clock.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <QtTest>

#include <random>

using namespace ileadx;

class TestClock final : public QObject
{
    Q_OBJECT

private slots:
    void testFormatKnownTimes_data();
    void testFormatKnownTimes();
    void testFormatMatchesPoco();
};

void TestClock::testFormatKnownTimes_data()
{
    QTest::addColumn<qint64>("millis");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
    QTest::newRow("with milliseconds") << qint64(1772352000250) << "2026-03-01T08:00:00.250Z";
    QTest::newRow("leap day") << qint64(951782400001) << "2000-02-29T00:00:00.001Z";
    QTest::newRow("before the epoch") << qint64(-1) << "1969-12-31T23:59:59.999Z";
}

void TestClock::testFormatKnownTimes()
{
    QFETCH(qint64, millis);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(formatIso8601(millis)), expected);
}

void TestClock::testFormatMatchesPoco()
{
    // Audit entries hash the formatted time, so the output must stay what Poco's formatter wrote.
    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::int64_t> range(0, 4102444800000); // up to 2100-01-01
    for (int i = 0; i < 10000; ++i) {
        const std::int64_t millis = range(random);
        const std::string poco = Poco::DateTimeFormatter::format(Poco::Timestamp(millis * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
        QCOMPARE(formatIso8601(millis), poco);
    }
}

QTEST_GUILESS_MAIN(TestClock)
#include "TestClock.moc"
