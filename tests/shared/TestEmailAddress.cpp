#include "shared/EmailAddress.h"

#include <QtTest>

class TestEmailAddress final : public QObject
{
    Q_OBJECT

private slots:
    void testNormalize_data();
    void testNormalize();
};

void TestEmailAddress::testNormalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty means rejected

    QTest::newRow("plain address kept") << "jane@example.com" << "jane@example.com";
    QTest::newRow("case folded") << "Jane.Doe@Example.COM" << "jane.doe@example.com";
    QTest::newRow("surrounding space trimmed") << "  jane@example.com\t" << "jane@example.com";
    QTest::newRow("plus tag kept") << "jane+leads@example.com" << "jane+leads@example.com";
    QTest::newRow("missing at rejected") << "jane.example.com" << "";
    QTest::newRow("two at signs rejected") << "jane@doe@example.com" << "";
    QTest::newRow("empty local part rejected") << "@example.com" << "";
    QTest::newRow("undotted domain rejected") << "jane@localhost" << "";
    QTest::newRow("double dot domain rejected") << "jane@example..com" << "";
    QTest::newRow("inner space rejected") << "ja ne@example.com" << "";
    QTest::newRow("angle bracket rejected") << "<jane@example.com>" << "";
    QTest::newRow("local part over 64 rejected") << QString(65, 'a') + "@example.com" << "";
    QTest::newRow("address over 254 rejected") << "a@" + QString(250, 'b') + ".com" << "";
    QTest::newRow("empty rejected") << "" << "";
}

void TestEmailAddress::testNormalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const std::optional<std::string> normalized = ileadx::normalizeEmail(input.toStdString());
    if (expected.isEmpty()) {
        QVERIFY2(!normalized.has_value(), qPrintable("accepted: " + input));
    } else {
        QVERIFY2(normalized.has_value(), qPrintable("rejected: " + input));
        QCOMPARE(QString::fromStdString(*normalized), expected);
    }
}

QTEST_GUILESS_MAIN(TestEmailAddress)
#include "TestEmailAddress.moc"
