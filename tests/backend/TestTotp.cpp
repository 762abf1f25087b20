#include "twofactor/RecoveryCodes.h"
#include "twofactor/Totp.h"
#include "twofactor/TotpSecretBox.h"

#include "common/Random.h"

#include <Poco/Exception.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <sodium.h>

namespace totp = ileadx::totp;
namespace recovery = ileadx::recovery;

class TestTotp final : public QObject
{
    Q_OBJECT

private slots:
    void testRfcVectors_data();
    void testRfcVectors();
    void testMatchesOathtool_data();
    void testMatchesOathtool();
    void testVerify_data();
    void testVerify();
    void testReplayedCodeIsRejected();
    void testBase32RoundTrip();
    void testProvisioningUri();
    void testSecretBox();
    void testSecretBoxKeyFile();
    void testRecoveryCodes();
};

namespace {

// The shared secret of RFC 6238 Appendix B for HMAC-SHA-1: the 20 ASCII bytes below.
const std::string kRfcSecret = "12345678901234567890";

// A fixed moment in the middle of a 30-second step, so the neighbour steps are unambiguous.
constexpr std::int64_t kNow = 1'764'000'015;

QString runOathtool(const QString& base32Secret, std::int64_t unixSeconds)
{
    QProcess oathtool;
    oathtool.start("oathtool", {"--totp", "-b", base32Secret, "--now=@" + QString::number(unixSeconds)});
    if (!oathtool.waitForFinished(10000) || oathtool.exitCode() != 0) {
        return {};
    }
    return QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
}

} // namespace

void TestTotp::testRfcVectors_data()
{
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("59 seconds after the epoch") << qint64(59) << "94287082";
    QTest::newRow("1111111109") << qint64(1111111109) << "07081804";
    QTest::newRow("1111111111") << qint64(1111111111) << "14050471";
    QTest::newRow("1234567890") << qint64(1234567890) << "89005924";
    QTest::newRow("2000000000") << qint64(2000000000) << "69279037";
    QTest::newRow("20000000000, past 2038") << qint64(20000000000) << "65353130";
}

void TestTotp::testRfcVectors()
{
    QFETCH(qint64, unixSeconds);
    QFETCH(QString, expected);

    QCOMPARE(QString::fromStdString(totp::code(kRfcSecret, unixSeconds, 8)), expected);
}

void TestTotp::testMatchesOathtool_data()
{
    QTest::addColumn<qint64>("unixSeconds");

    QTest::newRow("rfc moment 59") << qint64(59);
    QTest::newRow("rfc moment 1234567890") << qint64(1234567890);
    QTest::newRow("a moment in 2025") << qint64(kNow);
    QTest::newRow("last second of a step") << qint64(kNow + 14);
}

void TestTotp::testMatchesOathtool()
{
    QFETCH(qint64, unixSeconds);

    for (const std::string& secret : {kRfcSecret, totp::generateSecret()}) {
        const QString base32 = QString::fromStdString(totp::toBase32(secret));
        const QString expected = runOathtool(base32, unixSeconds);
        QVERIFY2(!expected.isEmpty(), "oathtool did not run");
        QCOMPARE(QString::fromStdString(totp::code(secret, unixSeconds)), expected);
    }
}

void TestTotp::testVerify_data()
{
    QTest::addColumn<int>("stepOffset");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("current step accepted") << 0 << true;
    QTest::newRow("one step behind accepted") << -1 << true;
    QTest::newRow("one step ahead accepted") << 1 << true;
    QTest::newRow("two steps behind rejected") << -2 << false;
    QTest::newRow("two steps ahead rejected") << 2 << false;
}

void TestTotp::testVerify()
{
    QFETCH(int, stepOffset);
    QFETCH(bool, accepted);

    const std::string secret = totp::generateSecret();
    const std::int64_t codeTime = kNow + stepOffset * static_cast<std::int64_t>(totp::kPeriodSeconds);
    const std::optional<std::int64_t> step = totp::verify(secret, totp::code(secret, codeTime), kNow, std::nullopt);

    QCOMPARE(step.has_value(), accepted);
    if (accepted) {
        QCOMPARE(*step, totp::timeStep(codeTime));
    }
}

void TestTotp::testReplayedCodeIsRejected()
{
    const std::string secret = totp::generateSecret();
    const std::string current = totp::code(secret, kNow);

    const std::optional<std::int64_t> first = totp::verify(secret, current, kNow, std::nullopt);
    QVERIFY(first.has_value());
    QVERIFY(!totp::verify(secret, current, kNow, first).has_value());
    QVERIFY(!totp::verify(secret, current, kNow + 20, first).has_value());

    // A code from before the last accepted step is rejected too, even inside the drift window.
    const std::string previous = totp::code(secret, kNow - totp::kPeriodSeconds);
    QVERIFY(!totp::verify(secret, previous, kNow, first).has_value());

    // The next step's code is still accepted once.
    const std::string next = totp::code(secret, kNow + totp::kPeriodSeconds);
    QCOMPARE(totp::verify(secret, next, kNow, first), std::optional<std::int64_t>(*first + 1));

    QVERIFY(!totp::verify(secret, "12345", kNow, std::nullopt).has_value());
    QVERIFY(!totp::verify(secret, "12345a", kNow, std::nullopt).has_value());
    QVERIFY(!totp::verify(secret, "", kNow, std::nullopt).has_value());
}

void TestTotp::testBase32RoundTrip()
{
    QCOMPARE(QString::fromStdString(totp::toBase32(kRfcSecret)), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    const std::string secret = totp::generateSecret();
    QCOMPARE(secret.size(), totp::kSecretBytes);
    const std::string base32 = totp::toBase32(secret);
    QCOMPARE(base32.size(), std::size_t(32));
    QCOMPARE(totp::fromBase32(base32), std::optional<std::string>(secret));
    QCOMPARE(totp::fromBase32(QString::fromStdString(base32).toLower().toStdString()), std::optional<std::string>(secret));
    QVERIFY(!totp::fromBase32("not base32!").has_value());
}

void TestTotp::testProvisioningUri()
{
    QCOMPARE(QString::fromStdString(totp::provisioningUri("iLeadX", "ann+sales@example.com", "GEZDGNBV")),
             "otpauth://totp/iLeadX:ann%2Bsales%40example.com?secret=GEZDGNBV&issuer=iLeadX"
             "&algorithm=SHA1&digits=6&period=30");
    QCOMPARE(QString::fromStdString(totp::provisioningUri("Acme & Co", "a b", "AB")),
             "otpauth://totp/Acme%20%26%20Co:a%20b?secret=AB&issuer=Acme%20%26%20Co"
             "&algorithm=SHA1&digits=6&period=30");
}

void TestTotp::testSecretBox()
{
    const ileadx::TotpSecretBox box(ileadx::randomBytes(crypto_secretbox_KEYBYTES));
    const std::string secret = totp::generateSecret();

    const std::string sealed = box.seal(secret);
    QCOMPARE(box.open(sealed), std::optional<std::string>(secret));
    QVERIFY(box.seal(secret) != sealed);

    const ileadx::TotpSecretBox otherKey(ileadx::randomBytes(crypto_secretbox_KEYBYTES));
    QVERIFY(!otherKey.open(sealed).has_value());

    std::string altered = sealed;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    QVERIFY(!box.open(altered).has_value());
    QVERIFY(!box.open("").has_value());
    QVERIFY(!box.open("***").has_value());

    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, ileadx::TotpSecretBox("too short"));
}

void TestTotp::testSecretBoxKeyFile()
{
    QTemporaryDir dataDirectory;
    QVERIFY(dataDirectory.isValid());
    const std::string path = dataDirectory.path().toStdString();

    const std::string sealed = ileadx::TotpSecretBox::fromDataDirectory(path).seal("secret");
    const QString keyFile = dataDirectory.filePath(ileadx::TotpSecretBox::kKeyFileName);
    QVERIFY(QFile::exists(keyFile));
    QCOMPARE(QFileInfo(keyFile).size(), qint64(crypto_secretbox_KEYBYTES));

    const QFile::Permissions groupAndOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                              QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QVERIFY(QFile::permissions(keyFile).testFlag(QFile::ReadOwner));
    QCOMPARE(QFile::permissions(keyFile) & groupAndOthers, QFile::Permissions());
    QCOMPARE(ileadx::TotpSecretBox::fromDataDirectory(path).open(sealed), std::optional<std::string>("secret"));
}

void TestTotp::testRecoveryCodes()
{
    const std::vector<std::string> codes = recovery::generate();
    QCOMPARE(int(codes.size()), recovery::kCodeCount);

    const QRegularExpression shape("^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$");
    QSet<QString> distinct;
    for (const std::string& code : codes) {
        QVERIFY2(shape.match(QString::fromStdString(code)).hasMatch(), code.c_str());
        distinct.insert(QString::fromStdString(code));
    }
    QCOMPARE(distinct.size(), recovery::kCodeCount);

    // Typed with capitals or without dashes, a code still hashes the same.
    const std::string& code = codes.front();
    const std::string typed = QString::fromStdString(recovery::normalize(code)).toUpper().toStdString();
    QCOMPARE(recovery::hash(typed), recovery::hash(code));
    QVERIFY(recovery::hash(codes[0]) != recovery::hash(codes[1]));
    QCOMPARE(recovery::hash(code).size(), std::size_t(64));
}

QTEST_GUILESS_MAIN(TestTotp)
#include "TestTotp.moc"
