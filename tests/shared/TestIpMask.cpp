#include "shared/IpMask.h"

#include <QtTest>

class TestIpMask final : public QObject
{
    Q_OBJECT

private slots:
    void testMask_data();
    void testMask();
    void testMaskInText_data();
    void testMaskInText();
};

void TestIpMask::testMask_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4 keeps three octets") << "192.168.1.77" << "192.168.1.***";
    QTest::newRow("ipv4 loopback") << "127.0.0.1" << "127.0.0.***";
    QTest::newRow("ipv6 keeps three groups") << "2001:db8:85a3::8a2e:370:7334" << "2001:db8:85a3:***";
    QTest::newRow("ipv6 with leading zero groups") << "::1" << "0:0:0:***";
    QTest::newRow("ipv6 written in full") << "2001:0DB8:0000:0042:0000:8A2E:0370:7334" << "2001:db8:0:***";
    QTest::newRow("ipv4 mapped ipv6 shown as ipv4") << "::ffff:10.1.2.3" << "10.1.2.***";
    QTest::newRow("ipv6 zone suffix ignored") << "fe80::1%eth0" << "fe80:0:0:***";
    QTest::newRow("empty text fully masked") << "" << "***";
    QTest::newRow("host name fully masked") << "example.invalid" << "***";
    QTest::newRow("ipv4 with port fully masked") << "10.0.0.1:443" << "***";
    QTest::newRow("out of range octet fully masked") << "300.1.1.1" << "***";
}

void TestIpMask::testMask()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);

    QCOMPARE(QString::fromStdString(ileadx::maskIpAddress(address.toStdString())), expected);
}

void TestIpMask::testMaskInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("driver message with ipv4") << "connection to server at \"127.0.0.1\", port 55433 failed"
                                              << "connection to server at \"127.0.0.***\", port 55433 failed";
    QTest::newRow("ipv6 in text") << "peer 2001:db8:85a3::8a2e:370:7334 reset" << "peer 2001:db8:85a3:*** reset";
    QTest::newRow("two addresses") << "10.0.0.1 -> 192.168.1.20" << "10.0.0.*** -> 192.168.1.***";
    QTest::newRow("timestamps untouched") << "2026-12-04T19:35:18.440Z done" << "2026-12-04T19:35:18.440Z done";
    QTest::newRow("already masked untouched") << "client=127.0.0.***" << "client=127.0.0.***";
    QTest::newRow("plain text untouched") << "no address here" << "no address here";
}

void TestIpMask::testMaskInText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(QString::fromStdString(ileadx::maskIpAddressesIn(text.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestIpMask)
#include "TestIpMask.moc"
