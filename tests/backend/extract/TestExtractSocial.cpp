#include "ExtractTestSupport.h"

#include "leads/extract/Extraction.h"
#include "leads/extract/SocialLinks.h"

#include <QtTest>

using namespace ileadx::leads;
using namespace ileadx::leads::test;

class TestExtractSocial : public QObject
{
    Q_OBJECT

private slots:
    void profileUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("network"); // empty: no profile
        QTest::addColumn<QString>("profile");

        const auto yes = [](const char* url, const char* network, const char* profile) {
            QTest::newRow(url) << url << network << profile;
        };
        const auto no = [](const char* url) { QTest::newRow(url) << url << "" << ""; };

        yes("https://www.linkedin.com/company/acme-gmbh/", "linkedin", "https://www.linkedin.com/company/acme-gmbh");
        yes("https://de.linkedin.com/in/jane-doe?trk=public", "linkedin", "https://www.linkedin.com/in/jane-doe");
        yes("https://www.linkedin.com/school/tu-berlin/about/", "linkedin", "https://www.linkedin.com/school/tu-berlin");
        no("https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Facme.de");
        no("https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Facme.de");
        no("https://www.linkedin.com/posts/acme_activity-123");
        yes("https://www.facebook.com/AcmeGmbH", "facebook", "https://www.facebook.com/AcmeGmbH");
        yes("http://facebook.com/AcmeGmbH/#reviews", "facebook", "https://www.facebook.com/AcmeGmbH");
        yes("https://m.facebook.com/profile.php?id=100012345678&ref=x", "facebook", "https://www.facebook.com/profile.php?id=100012345678");
        no("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme.de");
        no("https://www.facebook.com/sharer.php?u=https%3A%2F%2Facme.de");
        no("https://www.facebook.com/AcmeGmbH/posts/123456");
        no("https://www.facebook.com/profile.php");
        yes("https://twitter.com/acme_de", "x", "https://x.com/acme_de");
        yes("https://x.com/acme_de/", "x", "https://x.com/acme_de");
        yes("https://twitter.com/intent/follow?screen_name=acme_de", "x", "https://x.com/acme_de");
        yes("https://x.com/intent/user?screen_name=acme_de", "x", "https://x.com/acme_de");
        no("https://twitter.com/intent/tweet?text=hello&url=https%3A%2F%2Facme.de");
        no("https://twitter.com/share?url=https%3A%2F%2Facme.de");
        no("https://x.com/acme_de/status/1234567890");
        yes("https://www.instagram.com/acme.shop/", "instagram", "https://www.instagram.com/acme.shop");
        yes("//www.instagram.com/acme.shop", "instagram", "https://www.instagram.com/acme.shop");
        no("https://www.instagram.com/p/Cxyz123/");
        no("https://www.instagram.com/reel/Cxyz123/");
        yes("https://www.youtube.com/@AcmeChannel", "youtube", "https://www.youtube.com/@AcmeChannel");
        yes("https://www.youtube.com/@AcmeChannel/videos", "youtube", "https://www.youtube.com/@AcmeChannel");
        yes("https://www.youtube.com/channel/UC1234abcd", "youtube", "https://www.youtube.com/channel/UC1234abcd");
        yes("https://youtube.com/c/Acme", "youtube", "https://www.youtube.com/c/Acme");
        yes("https://m.youtube.com/user/acmevideos", "youtube", "https://www.youtube.com/user/acmevideos");
        no("https://www.youtube.com/watch?v=abc123");
        no("https://www.youtube.com/shorts/abc123");
        no("https://www.youtube.com/embed/abc123");
        no("https://youtu.be/abc123");
        yes("https://www.tiktok.com/@acme", "tiktok", "https://www.tiktok.com/@acme");
        no("https://www.tiktok.com/@acme/video/7234567890");
        yes("https://www.pinterest.com/acmeshop/", "pinterest", "https://www.pinterest.com/acmeshop");
        yes("https://de.pinterest.com/acmeshop", "pinterest", "https://www.pinterest.com/acmeshop");
        no("https://www.pinterest.com/pin/123456789/");
        no("https://www.pinterest.com/pin/create/button/?url=x");
        no("https://mysite.wix.com/acme");
        no("https://notfacebook.com/acme");
        no("https://facebook.com.attacker.example/acme");
        no("https://www.linkedin.com.example/company/acme");
        no("mailto:info@facebook.com");
        no("javascript:void(0)");
        no("/company/acme");
    }

    void profileUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, network);
        QFETCH(QString, profile);

        const std::optional<SocialProfile> result = socialProfileFromUrl(url.toStdString());

        QCOMPARE(result.has_value(), !network.isEmpty());
        if (result) {
            QCOMPARE(QString::fromStdString(result->network), network);
            QCOMPARE(QString::fromStdString(result->url), profile);
        }
    }

    void pageProfilesDeduplicated()
    {
        const std::string body = "\n"
            "            <footer>\n"
            "              <a href=\"https://www.facebook.com/AcmeGmbH/\">Facebook</a>\n"
            "              <a href=\"https://facebook.com/AcmeGmbH?ref=footer\">Facebook</a>\n"
            "              <a href=\"https://www.facebook.com/sharer/sharer.php?u=https://acme.de\">Share</a>\n"
            "              <a href=\"https://www.linkedin.com/company/acme-gmbh\">LinkedIn</a>\n"
            "            </footer>\n"
            "            <script type=\"application/ld+json\">\n"
            "              {\"@type\": \"Organization\", \"sameAs\": [\"https://twitter.com/acme_de\", \"https://www.linkedin.com/company/acme-gmbh/\"]}\n"
            "            </script>";
        const Extractor extractor(technologyRulesPath());

        const Extraction result = extractor.extract(PageInput{"https://acme.de/", page(body), {}}, "DE");

        QCOMPARE(result.socialProfiles.size(), std::size_t{3});
        QCOMPARE(QString::fromStdString(result.socialProfiles[0].url), QString("https://www.facebook.com/AcmeGmbH"));
        QCOMPARE(QString::fromStdString(result.socialProfiles[1].network), QString("linkedin"));
        QCOMPARE(QString::fromStdString(result.socialProfiles[2].url), QString("https://x.com/acme_de"));
    }
};

QTEST_GUILESS_MAIN(TestExtractSocial)
#include "TestExtractSocial.moc"
