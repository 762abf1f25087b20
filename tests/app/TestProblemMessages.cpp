#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

#include "net/ApiError.h"
#include "net/ProblemMessages.h"
#include "shared/ProblemTypes.h"

namespace {

QString typeString(std::string_view type)
{
    return QString::fromLatin1(type.data(), static_cast<qsizetype>(type.size()));
}

ApiError problemError(const QString& type, const QString& title = QStringLiteral("Server title"), int status = 400)
{
    ApiError error;
    error.kind = ApiError::Kind::Problem;
    error.httpStatus = status;
    error.problemType = type;
    error.problemTitle = title;
    return error;
}

// Reads every problem type URI from the shared header, so that a type added there without a console
// message fails this test.
QStringList problemTypesFromHeader()
{
    QFile header(QStringLiteral(ILEADX_PROBLEM_TYPES_HEADER));
    if (!header.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString text = QString::fromUtf8(header.readAll());
    const QRegularExpression uri(QStringLiteral("\"(urn:ileadx:problem:[a-z0-9-]+)\""));

    QStringList types;
    for (const QRegularExpressionMatch& match : uri.globalMatch(text)) {
        types.append(match.captured(1));
    }
    return types;
}

} // namespace

class TestProblemMessages : public QObject
{
    Q_OBJECT

private slots:
    void testKnownProblemType_data();
    void testKnownProblemType();
    void testEveryHeaderTypeHasMessage();
    void testEveryTypeTranslatedToGerman();
    void testUnknownTypeFallback_data();
    void testUnknownTypeFallback();
    void testInternalErrorNamesRequestId();
    void testNetworkError_data();
    void testNetworkError();
    void testClientSideKind_data();
    void testClientSideKind();
};

void TestProblemMessages::testKnownProblemType_data()
{
    QTest::addColumn<QString>("type");

    namespace problem = ileadx::problem;
    QTest::newRow("invalid json has a message") << typeString(problem::kInvalidJson);
    QTest::newRow("invalid request has a message") << typeString(problem::kInvalidRequest);
    QTest::newRow("unsupported media type has a message") << typeString(problem::kUnsupportedMediaType);
    QTest::newRow("payload too large has a message") << typeString(problem::kPayloadTooLarge);
    QTest::newRow("weak password has a message") << typeString(problem::kWeakPassword);
    QTest::newRow("invalid credentials has a message") << typeString(problem::kInvalidCredentials);
    QTest::newRow("invalid refresh token has a message") << typeString(problem::kInvalidRefreshToken);
    QTest::newRow("unauthorized has a message") << typeString(problem::kUnauthorized);
    QTest::newRow("forbidden has a message") << typeString(problem::kForbidden);
    QTest::newRow("not found has a message") << typeString(problem::kNotFound);
    QTest::newRow("method not allowed has a message") << typeString(problem::kMethodNotAllowed);
    QTest::newRow("service busy has a message") << typeString(problem::kServiceBusy);
    QTest::newRow("internal error has a message") << typeString(problem::kInternal);
}

void TestProblemMessages::testKnownProblemType()
{
    QFETCH(QString, type);

    const QString message = ProblemMessages::describe(problemError(type));

    QVERIFY(!message.isEmpty());
    QVERIFY2(message != QStringLiteral("Server title"), "a known type must not fall back to the server's title");
    QCOMPARE(message, ProblemMessages::messageForProblemType(type));
}

void TestProblemMessages::testEveryHeaderTypeHasMessage()
{
    const QStringList types = problemTypesFromHeader();
    QVERIFY2(types.size() >= 13, "the problem types header could not be read or lists fewer types than expected");

    for (const QString& type : types) {
        QVERIFY2(!ProblemMessages::messageForProblemType(type).isEmpty(), qPrintable(type));
    }
}

void TestProblemMessages::testEveryTypeTranslatedToGerman()
{
    const QStringList types = problemTypesFromHeader();
    QVERIFY(!types.isEmpty());

    QStringList english;
    for (const QString& type : types) {
        english.append(ProblemMessages::messageForProblemType(type));
    }

    QTranslator german;
    QVERIFY2(german.load(QStringLiteral("ileadx_de"), QStringLiteral(ILEADX_TRANSLATIONS_DIR)),
             "ileadx_de.qm is missing from the build's translations folder");
    QCoreApplication::installTranslator(&german);

    for (qsizetype i = 0; i < types.size(); ++i) {
        const QString translated = ProblemMessages::messageForProblemType(types.at(i));
        QVERIFY2(!translated.isEmpty(), qPrintable(types.at(i)));
        QVERIFY2(translated != english.at(i), qPrintable(QStringLiteral("untranslated: ") + types.at(i)));
    }
    QCoreApplication::removeTranslator(&german);
}

void TestProblemMessages::testUnknownTypeFallback_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expectedPart");

    QTest::newRow("unknown type shows server title")
        << QStringLiteral("urn:ileadx:problem:quota-exceeded") << QStringLiteral("Monthly search quota exceeded")
        << 403 << QStringLiteral("Monthly search quota exceeded");
    QTest::newRow("empty type shows server title")
        << QString() << QStringLiteral("Bad Gateway") << 502 << QStringLiteral("Bad Gateway");
    QTest::newRow("no title names the status") << QString() << QString() << 502 << QStringLiteral("502");
    QTest::newRow("untyped 401 reads as expired session")
        << QString() << QString() << 401 << ProblemMessages::messageForProblemType(typeString(ileadx::problem::kUnauthorized));
    QTest::newRow("untyped 429 reads as busy")
        << QString() << QString() << 429 << ProblemMessages::messageForProblemType(typeString(ileadx::problem::kServiceBusy));
}

void TestProblemMessages::testUnknownTypeFallback()
{
    QFETCH(QString, type);
    QFETCH(QString, title);
    QFETCH(int, status);
    QFETCH(QString, expectedPart);

    const QString message = ProblemMessages::describe(problemError(type, title, status));

    QVERIFY2(message.contains(expectedPart), qPrintable(message));
}

void TestProblemMessages::testInternalErrorNamesRequestId()
{
    ApiError error = problemError(typeString(ileadx::problem::kInternal), QStringLiteral("Internal Server Error"), 500);
    error.requestId = QStringLiteral("req-7f3a");

    const QString message = ProblemMessages::describe(error);

    QVERIFY2(message.contains(QStringLiteral("req-7f3a")), qPrintable(message));
}

void TestProblemMessages::testNetworkError_data()
{
    QTest::addColumn<int>("networkError");

    QTest::newRow("connection refused") << int(QNetworkReply::ConnectionRefusedError);
    QTest::newRow("host not found") << int(QNetworkReply::HostNotFoundError);
    QTest::newRow("remote host closed") << int(QNetworkReply::RemoteHostClosedError);
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError);
    QTest::newRow("tls handshake failed") << int(QNetworkReply::SslHandshakeFailedError);
    QTest::newRow("temporary network failure") << int(QNetworkReply::TemporaryNetworkFailureError);
    QTest::newRow("proxy refused") << int(QNetworkReply::ProxyConnectionRefusedError);
    QTest::newRow("unknown network error") << int(QNetworkReply::UnknownNetworkError);
}

void TestProblemMessages::testNetworkError()
{
    QFETCH(int, networkError);

    ApiError error;
    error.kind = ApiError::Kind::Network;
    error.networkError = static_cast<QNetworkReply::NetworkError>(networkError);
    error.technicalDetail = QStringLiteral("Qt internal detail 0x1234");

    const QString message = ProblemMessages::describe(error);

    QVERIFY(!message.isEmpty());
    QVERIFY2(!message.contains(QStringLiteral("0x1234")), "Qt's technical text must not reach the user");
    QVERIFY2(message.endsWith(QLatin1Char('.')), "messages are full sentences");
}

void TestProblemMessages::testClientSideKind_data()
{
    QTest::addColumn<int>("kind");

    QTest::newRow("timeout has a message") << int(ApiError::Kind::Timeout);
    QTest::newRow("oversized response has a message") << int(ApiError::Kind::ResponseTooLarge);
    QTest::newRow("unknown certificate has a message") << int(ApiError::Kind::UnknownCertificate);
    QTest::newRow("changed certificate has a message") << int(ApiError::Kind::CertificateChanged);
    QTest::newRow("unreadable response has a message") << int(ApiError::Kind::InvalidResponse);
    QTest::newRow("missing session has a message") << int(ApiError::Kind::NotSignedIn);
    QTest::newRow("invalid server url has a message") << int(ApiError::Kind::InvalidServerUrl);
}

void TestProblemMessages::testClientSideKind()
{
    QFETCH(int, kind);

    ApiError error;
    error.kind = static_cast<ApiError::Kind>(kind);

    QVERIFY(!ProblemMessages::describe(error).isEmpty());
}

QTEST_GUILESS_MAIN(TestProblemMessages)
#include "TestProblemMessages.moc"
