#include "http/ClientAddress.h"

#include <Poco/Exception.h>
#include <QtTest>

using ileadx::parseTrustedProxies;
using ileadx::resolveClientAddress;

class TestClientAddress final : public QObject
{
    Q_OBJECT

private slots:
    void testResolve_data();
    void testResolve();
    void testInvalidProxyListRejected();
};

void TestClientAddress::testResolve_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("forwardedFor");
    QTest::addColumn<QString>("trusted");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no proxy configured ignores header") << "203.0.113.5" << "198.51.100.1" << "" << "203.0.113.5";
    QTest::newRow("untrusted peer cannot forge header") << "203.0.113.5" << "10.0.0.1" << "192.0.2.10" << "203.0.113.5";
    QTest::newRow("trusted proxy forwards client") << "192.0.2.10" << "198.51.100.7" << "192.0.2.10" << "198.51.100.7";
    QTest::newRow("rightmost untrusted hop wins")
        << "192.0.2.10" << "1.2.3.4, 198.51.100.7, 192.0.2.11" << "192.0.2.10, 192.0.2.11" << "198.51.100.7";
    QTest::newRow("only proxies in header gives peer") << "192.0.2.10" << "192.0.2.10" << "192.0.2.10" << "192.0.2.10";
    QTest::newRow("garbage hop stops at peer") << "192.0.2.10" << "198.51.100.7, not-an-ip" << "192.0.2.10"
                                               << "192.0.2.10";
    QTest::newRow("ipv6 client through proxy") << "192.0.2.10" << "2001:db8::7" << "192.0.2.10" << "2001:db8::7";
    QTest::newRow("ipv6 proxy written differently") << "2001:db8:0:0::1" << "198.51.100.9" << "2001:db8::1"
                                                    << "198.51.100.9";
    QTest::newRow("empty header gives peer") << "192.0.2.10" << "" << "192.0.2.10" << "192.0.2.10";
}

void TestClientAddress::testResolve()
{
    QFETCH(QString, peer);
    QFETCH(QString, forwardedFor);
    QFETCH(QString, trusted);
    QFETCH(QString, expected);

    const std::string resolved =
        resolveClientAddress(peer.toStdString(), forwardedFor.toStdString(), parseTrustedProxies(trusted.toStdString()));
    QCOMPARE(QString::fromStdString(resolved), expected);
}

void TestClientAddress::testInvalidProxyListRejected()
{
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, parseTrustedProxies("192.0.2.1, proxy.example.com"));
    QCOMPARE(parseTrustedProxies(" 192.0.2.1 ,, 2001:db8::1 ").size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestClientAddress)
#include "TestClientAddress.moc"
