#include <QTest>

#include "net/CertificateFingerprint.h"

class TestCertificateFingerprint : public QObject
{
    Q_OBJECT

private slots:
    void testColonHexRoundTrip();
    void testParse_data();
    void testParse();
};

void TestCertificateFingerprint::testColonHexRoundTrip()
{
    QByteArray digest(CertificateFingerprint::kSize, '\0');
    for (int i = 0; i < digest.size(); ++i) {
        digest[i] = static_cast<char>(i * 7 + 3);
    }

    const QString text = CertificateFingerprint::toColonHex(digest);

    QCOMPARE(text.size(), CertificateFingerprint::kSize * 3 - 1);
    QVERIFY(text.startsWith(QStringLiteral("03:0A:11:")));
    QCOMPARE(CertificateFingerprint::fromHex(text), digest);
}

void TestCertificateFingerprint::testParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    const QString plain = QStringLiteral("ab").repeated(32);
    QTest::newRow("plain lower-case hex accepted") << plain << true;
    QTest::newRow("surrounding spaces accepted") << QStringLiteral("  ") + plain + QStringLiteral("\n") << true;
    QTest::newRow("too short rejected") << QStringLiteral("ab").repeated(31) << false;
    QTest::newRow("too long rejected") << QStringLiteral("ab").repeated(33) << false;
    QTest::newRow("non-hex character rejected") << QStringLiteral("zz") + QStringLiteral("ab").repeated(31) << false;
    QTest::newRow("empty text rejected") << QString() << false;
}

void TestCertificateFingerprint::testParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    const QByteArray digest = CertificateFingerprint::fromHex(text);

    QCOMPARE(digest.size(), valid ? CertificateFingerprint::kSize : 0);
}

QTEST_GUILESS_MAIN(TestCertificateFingerprint)
#include "TestCertificateFingerprint.moc"
