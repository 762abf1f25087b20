#include "sessions/DeviceLabel.h"

#include <QtTest>

class TestDeviceLabel final : public QObject
{
    Q_OBJECT

private slots:
    void testLabel_data();
    void testLabel();
};

void TestDeviceLabel::testLabel_data()
{
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QString>("label");

    QTest::newRow("firefox on windows")
        << "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0"
        << "Firefox 121 on Windows";
    QTest::newRow("chrome on macos")
        << "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
           "Safari/537.36"
        << "Chrome 120 on macOS";
    QTest::newRow("edge is not chrome")
        << "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
           "Safari/537.36 Edg/120.0.2210.61"
        << "Edge 120 on Windows";
    QTest::newRow("safari on iphone")
        << "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
           "Version/17.1 Mobile/15E148 Safari/604.1"
        << "Safari 17 on iOS";
    QTest::newRow("chrome on android is android")
        << "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile "
           "Safari/537.36"
        << "Chrome 120 on Android";
    QTest::newRow("console keeps full version")
        << "iLeadX-Console/0.1.0 (Debian GNU/Linux 12 (bookworm); Qt 6.4.2)" << "iLeadX Console 0.1.0 on Linux";
    QTest::newRow("curl") << "curl/7.88.1" << "curl 7.88.1";
    QTest::newRow("empty") << "" << "Unknown device";
    QTest::newRow("unknown client") << "SomeBot/2.0" << "Unknown device";
    QTest::newRow("control characters do not leak") << "\x1b[31mFirefox/9\x1b[0m" << "Firefox 9";
}

void TestDeviceLabel::testLabel()
{
    QFETCH(QString, userAgent);
    QFETCH(QString, label);

    QCOMPARE(QString::fromStdString(ileadx::deviceLabelFromUserAgent(userAgent.toStdString())), label);
}

QTEST_GUILESS_MAIN(TestDeviceLabel)
#include "TestDeviceLabel.moc"
