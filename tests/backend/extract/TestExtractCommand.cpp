#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// Runs `ileadx-server extract` as support would, on a page saved in a temporary folder.
class TestExtractCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_pagePath;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    static Run runServer(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(ILEADX_SERVER_BINARY), arguments);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                   QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_pagePath = m_folder.filePath("kontakt.html");
        QFile file(m_pagePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE html><html><head><meta name=\"generator\" content=\"WordPress 6.4\"></head><body>\n"
            "            <p>E-Mail: info [at] acme [dot] de</p>\n"
            "            <p>Telefon: 030 1234567<br>Fax: 030 1234568</p>\n"
            "            <a href=\"https://www.linkedin.com/company/acme-gmbh/\">LinkedIn</a>\n"
            "            </body></html>");
    }

    void printsExtractionAsJson()
    {
        const Run run = runServer({"extract", "--country", "DE", m_pagePath, "--url", "https://acme.de/kontakt"});

        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json["emails"].toArray().at(0).toString(), QString("info@acme.de"));
        QCOMPARE(json["phones"].toArray().at(0).toObject()["e164"].toString(), QString("+49301234567"));
        QCOMPARE(json["faxes"].toArray().at(0).toObject()["e164"].toString(), QString("+49301234568"));
        QCOMPARE(json["socialProfiles"].toArray().at(0).toObject()["url"].toString(), QString("https://www.linkedin.com/company/acme-gmbh"));
        QCOMPARE(json["technologies"].toArray().at(0).toObject()["name"].toString(), QString("WordPress"));
    }

    void acceptsEqualsForm()
    {
        const Run run = runServer({"extract", "--country=de", m_pagePath});

        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("info@acme.de"));
    }

    void missingFile()
    {
        const Run run = runServer({"extract", "--country", "DE", m_folder.filePath("missing.html")});

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("file not found"), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void invalidCountry()
    {
        const Run run = runServer({"extract", "--country", "XX", m_pagePath});

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--country 'XX'"), qPrintable(run.err));
    }

    void missingCountry()
    {
        const Run run = runServer({"extract", m_pagePath});

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--country"), qPrintable(run.err));
    }

    void wrongFileCount()
    {
        QCOMPARE(runServer({"extract", "--country", "DE"}).exitCode, 2);
        QCOMPARE(runServer({"extract", "--country", "DE", m_pagePath, m_pagePath}).exitCode, 2);
    }

    void invalidUrl()
    {
        const Run run = runServer({"extract", "--country", "DE", m_pagePath, "--url", "ftp://acme.de/"});

        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--url"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestExtractCommand)
#include "TestExtractCommand.moc"
