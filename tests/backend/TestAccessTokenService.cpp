#include "auth/AccessTokenService.h"
#include "common/Clock.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/RSAKey.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <QtTest>

#include <sstream>

using ileadx::AccessTokenService;
using ileadx::Role;

namespace {

const std::string kKey(32, 'k');
constexpr ileadx::EpochMillis kNow = 1'800'000'000'000;

std::string base64Url(const std::string& bytes)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << bytes;
    encoder.close();
    return out.str();
}

// Claims the server would accept, so each test changes one thing only.
Poco::JWT::Token validClaims()
{
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer("ileadx");
    token.setAudience("ileadx-api");
    token.setSubject("user-1");
    token.setId("token-1");
    token.setIssuedAt(Poco::Timestamp(kNow * 1000));
    token.setExpiration(Poco::Timestamp((kNow + 3600 * 1000) * 1000));
    token.payload().set("sid", "session-1");
    token.payload().set("role", "admin");
    return token;
}

// Poco's sign() takes a mutable token, so each caller's copy is signed here.
std::string signWith(const Poco::JWT::Signer& signer, Poco::JWT::Token token, const std::string& algorithm)
{
    return signer.sign(token, algorithm);
}

std::string payloadPart(const Poco::JWT::Token& token)
{
    std::ostringstream out;
    token.payload().stringify(out);
    return base64Url(out.str());
}

} // namespace

class TestAccessTokenService final : public QObject
{
    Q_OBJECT

private slots:
    void testIssuedTokenVerifies();
    void testShortKeyRejected();
    void testRejected_data();
    void testRejected();
    void testExpiryHonoursSkew();
    void testEightHourDefault();
};

void TestAccessTokenService::testIssuedTokenVerifies()
{
    const AccessTokenService service(kKey, {});
    const std::string jwt = service.issue("user-7", "session-9", Role::SuperAdmin, kNow);

    const auto claims = service.tryVerify(jwt, kNow + 1000);
    QVERIFY(claims.has_value());
    QCOMPARE(claims->userId, std::string("user-7"));
    QCOMPARE(claims->sessionId, std::string("session-9"));
    QCOMPARE(claims->role, Role::SuperAdmin);
    QVERIFY(!claims->tokenId.empty());
    QCOMPARE(claims->expiresAt - claims->issuedAt, 8 * 3600 * 1000LL);
}

void TestAccessTokenService::testShortKeyRejected()
{
    QVERIFY_THROWS_EXCEPTION(Poco::InvalidArgumentException, AccessTokenService(std::string(31, 'k'), {}));
}

void TestAccessTokenService::testRejected_data()
{
    QTest::addColumn<QByteArray>("jwt");

    const Poco::JWT::Signer hs256(kKey);
    const std::string valid = signWith(hs256, validClaims(), Poco::JWT::Signer::ALGO_HS256);
    QVERIFY(AccessTokenService(kKey, {}).tryVerify(valid, kNow).has_value());

    std::string badSignature = valid;
    badSignature.back() = badSignature.back() == 'A' ? 'B' : 'A';
    QTest::newRow("signature altered") << QByteArray::fromStdString(badSignature);

    const Poco::JWT::Signer otherKey(std::string(32, 'x'));
    QTest::newRow("signed with another key")
        << QByteArray::fromStdString(signWith(otherKey, validClaims(), Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Signer hs512(kKey);
    hs512.addAlgorithm(Poco::JWT::Signer::ALGO_HS512);
    QTest::newRow("hs512 with the right key")
        << QByteArray::fromStdString(signWith(hs512, validClaims(), Poco::JWT::Signer::ALGO_HS512));

    const std::string payload = payloadPart(validClaims());
    QTest::newRow("alg none without signature")
        << QByteArray::fromStdString(base64Url(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".");

    // The classic key-confusion attack: an RS256 header with an HMAC over the shared secret.
    const std::string rs256Header = base64Url(R"({"alg":"RS256","typ":"JWT"})");
    const std::string hsSignature = valid.substr(valid.rfind('.') + 1);
    QTest::newRow("rs256 header with hmac signature")
        << QByteArray::fromStdString(rs256Header + "." + payload + "." + hsSignature);

    Poco::JWT::Signer rs256(Poco::SharedPtr<Poco::Crypto::RSAKey>(
        new Poco::Crypto::RSAKey(Poco::Crypto::RSAKey::KL_2048, Poco::Crypto::RSAKey::EXP_LARGE)));
    rs256.addAlgorithm(Poco::JWT::Signer::ALGO_RS256);
    QTest::newRow("rs256 signed with an rsa key")
        << QByteArray::fromStdString(signWith(rs256, validClaims(), Poco::JWT::Signer::ALGO_RS256));

    Poco::JWT::Token promoted = validClaims();
    promoted.payload().set("role", "super_admin");
    const std::string header = valid.substr(0, valid.find('.'));
    QTest::newRow("payload edited after signing")
        << QByteArray::fromStdString(header + "." + payloadPart(promoted) + "." + hsSignature);

    Poco::JWT::Token expired = validClaims();
    expired.setIssuedAt(Poco::Timestamp((kNow - 9 * 3600 * 1000) * 1000));
    expired.setExpiration(Poco::Timestamp((kNow - 3600 * 1000) * 1000));
    QTest::newRow("expired an hour ago") << QByteArray::fromStdString(signWith(hs256, expired, Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Token wrongAudience = validClaims();
    wrongAudience.setAudience("another-api");
    QTest::newRow("wrong audience")
        << QByteArray::fromStdString(signWith(hs256, wrongAudience, Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Token wrongIssuer = validClaims();
    wrongIssuer.setIssuer("someone-else");
    QTest::newRow("wrong issuer") << QByteArray::fromStdString(signWith(hs256, wrongIssuer, Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Token noSession = validClaims();
    noSession.payload().remove("sid");
    QTest::newRow("session claim missing")
        << QByteArray::fromStdString(signWith(hs256, noSession, Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Token unknownRole = validClaims();
    unknownRole.payload().set("role", "root");
    QTest::newRow("unknown role") << QByteArray::fromStdString(signWith(hs256, unknownRole, Poco::JWT::Signer::ALGO_HS256));

    Poco::JWT::Token future = validClaims();
    future.setIssuedAt(Poco::Timestamp((kNow + 3600 * 1000) * 1000));
    QTest::newRow("issued in the future") << QByteArray::fromStdString(signWith(hs256, future, Poco::JWT::Signer::ALGO_HS256));

    QTest::newRow("empty text") << QByteArray();
    QTest::newRow("not a jwt") << QByteArray("definitely-not.a.token");
    QTest::newRow("two parts only") << QByteArray::fromStdString(valid.substr(0, valid.rfind('.')));
}

void TestAccessTokenService::testRejected()
{
    QFETCH(QByteArray, jwt);

    const AccessTokenService service(kKey, {});
    QVERIFY(!service.tryVerify(jwt.toStdString(), kNow).has_value());
}

void TestAccessTokenService::testExpiryHonoursSkew()
{
    AccessTokenService::Settings settings;
    settings.lifetime = std::chrono::seconds(60);
    settings.clockSkew = std::chrono::seconds(30);
    const AccessTokenService service(kKey, settings);
    const std::string jwt = service.issue("user-1", "session-1", Role::User, kNow);

    QVERIFY(service.tryVerify(jwt, kNow + 60 * 1000 + 29 * 1000).has_value());
    QVERIFY(!service.tryVerify(jwt, kNow + 60 * 1000 + 30 * 1000).has_value());
}

void TestAccessTokenService::testEightHourDefault()
{
    const AccessTokenService service(kKey, {});
    QCOMPARE(service.lifetime(), std::chrono::seconds(8 * 3600));
    const std::string jwt = service.issue("user-1", "session-1", Role::User, kNow);
    QVERIFY(service.tryVerify(jwt, kNow + 8 * 3600 * 1000 - 1000).has_value());
    QVERIFY(!service.tryVerify(jwt, kNow + 8 * 3600 * 1000 + 61 * 1000).has_value());
}

QTEST_GUILESS_MAIN(TestAccessTokenService)
#include "TestAccessTokenService.moc"
