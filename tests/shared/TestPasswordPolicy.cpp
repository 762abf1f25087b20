#include "shared/PasswordPolicy.h"

#include <QtTest>

using ileadx::PasswordPolicy;
using Verdict = ileadx::PasswordPolicy::Verdict;

Q_DECLARE_METATYPE(ileadx::PasswordPolicy::Verdict)

class TestPasswordPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void testCheck_data();
    void testCheck();
};

void TestPasswordPolicy::testCheck_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("email");
    QTest::addColumn<Verdict>("expected");

    QTest::newRow("twelve characters accepted") << QByteArray("abcdefghijk1") << QByteArray() << Verdict::Accepted;
    QTest::newRow("eleven characters too short") << QByteArray("abcdefghijk") << QByteArray() << Verdict::TooShort;
    QTest::newRow("empty too short") << QByteArray() << QByteArray() << Verdict::TooShort;
    QTest::newRow("spaces count as characters") << QByteArray("correct horse") << QByteArray() << Verdict::Accepted;
    // Twelve code points in 36 bytes: length is counted in characters, not bytes.
    QTest::newRow("multibyte characters counted once")
        << QByteArray("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83"
                      "\xbc\xe3\x83\x89\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82")
        << QByteArray() << Verdict::Accepted;
    QTest::newRow("eleven multibyte characters too short")
        << QByteArray("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83"
                      "\xbc\xe3\x83\x89\xe3\x81\xa7\xe3\x81\x99")
        << QByteArray() << Verdict::TooShort;
    QTest::newRow("maximum length accepted") << QByteArray(256, 'x') << QByteArray() << Verdict::Accepted;
    QTest::newRow("over maximum length rejected, not truncated") << QByteArray(257, 'x') << QByteArray()
                                                                 << Verdict::TooLong;
    QTest::newRow("invalid utf8 rejected") << QByteArray("abcdefghijk\xff") << QByteArray()
                                           << Verdict::InvalidEncoding;
    QTest::newRow("truncated utf8 sequence rejected") << QByteArray("abcdefghijkl\xe6\x97") << QByteArray()
                                                      << Verdict::InvalidEncoding;
    QTest::newRow("whole email inside rejected") << QByteArray("x-Jane.Doe@Example.com-1") << QByteArray("jane.doe@example.com")
                                                 << Verdict::ContainsEmail;
    QTest::newRow("local part inside rejected") << QByteArray("janedoe-secret-99") << QByteArray("janedoe@example.com")
                                                << Verdict::ContainsEmail;
    QTest::newRow("short local part ignored") << QByteArray("a-long-passphrase") << QByteArray("a@example.com")
                                              << Verdict::Accepted;
}

void TestPasswordPolicy::testCheck()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, email);
    QFETCH(Verdict, expected);

    const Verdict verdict = PasswordPolicy::check(std::string_view(password.constData(), password.size()),
                                                  std::string_view(email.constData(), email.size()));
    QCOMPARE(static_cast<int>(verdict), static_cast<int>(expected));
}

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "TestPasswordPolicy.moc"
