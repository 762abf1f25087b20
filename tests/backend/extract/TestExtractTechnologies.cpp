#include "ExtractTestSupport.h"

#include "leads/extract/Extraction.h"
#include "leads/extract/TechnologyRules.h"

#include <Poco/Exception.h>

#include <QtTest>

#include <fstream>
#include <map>
#include <memory>
#include <set>

using namespace ileadx::leads;
using namespace ileadx::leads::test;

using Headers = std::vector<std::pair<std::string, std::string>>;
Q_DECLARE_METATYPE(Headers)

class TestExtractTechnologies : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Extractor> m_extractor;

    // Writes a rules file with one technology whose fields are `ruleFields` and tries to load it.
    static void loadSingleRule(const QTemporaryDir& folder, const std::string& ruleFields)
    {
        const std::string path = folder.filePath("rules.json").toStdString();
        std::ofstream(path) << "{\"technologies\": [{\"name\": \"Broken\", " << ruleFields << "}]}";
        loadTechnologyRules(path);
    }

private slots:
    void initTestCase() { m_extractor = std::make_unique<Extractor>(technologyRulesPath()); }

    void rulesFileCoversSixCategories()
    {
        const std::vector<TechnologyRule> rules = loadTechnologyRules(technologyRulesPath());
        std::map<std::string, int> perCategory;
        for (const TechnologyRule& rule : rules) {
            ++perCategory[rule.category];
            const bool hasPattern = !rule.headers.empty() || !rule.cookies.empty() || !rule.metaGenerator.empty()
                || !rule.scriptSrc.empty() || !rule.html.empty();
            QVERIFY2(hasPattern, rule.name.c_str());
        }

        QVERIFY2(rules.size() >= 40, qPrintable(QString::number(rules.size())));
        for (const std::string_view category : kTechnologyCategories) {
            QVERIFY2(perCategory[std::string(category)] >= 3, std::string(category).c_str());
        }
        QCOMPARE(perCategory.size(), std::size(kTechnologyCategories));
        QCOMPARE(m_extractor->technologyCount(), rules.size());
    }

    void everyRulePatternCompiles()
    {
        for (const TechnologyRule& rule : loadTechnologyRules(technologyRulesPath())) {
            for (const auto* list : {&rule.cookies, &rule.metaGenerator, &rule.scriptSrc, &rule.html}) {
                for (const auto& pattern : *list) {
                    QVERIFY2(pattern->ok(), (rule.name + ": " + pattern->pattern()).c_str());
                }
            }
            for (const auto& [name, pattern] : rule.headers) {
                QVERIFY2(pattern->ok(), (rule.name + ": " + name).c_str());
            }
        }
    }

    void invalidRulesRejected()
    {
        QTemporaryDir folder;
        const std::string unclosedGroup = "\"category\": \"CMS\", \"html\": [\"(unclosed\"]";
        const std::string unknownCategory = "\"category\": \"Toaster\", \"html\": [\"x\"]";
        const std::string unknownImplied = "\"category\": \"CMS\", \"implies\": [\"Nothing\"]";
        const std::string noCategory = "\"html\": [\"x\"]";
        QVERIFY_THROWS_EXCEPTION(Poco::DataFormatException, loadSingleRule(folder, unclosedGroup));
        QVERIFY_THROWS_EXCEPTION(Poco::DataFormatException, loadSingleRule(folder, unknownCategory));
        QVERIFY_THROWS_EXCEPTION(Poco::DataFormatException, loadSingleRule(folder, unknownImplied));
        QVERIFY_THROWS_EXCEPTION(Poco::DataFormatException, loadSingleRule(folder, noCategory));
        QVERIFY_THROWS_EXCEPTION(Poco::FileNotFoundException, loadTechnologyRules(folder.filePath("missing.json").toStdString()));
    }

    void detection_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");

        const auto row = [](const char* name, const std::string& html, const Headers& headers, const QStringList& present,
                            const QStringList& absent) {
            QTest::newRow(name) << QString::fromStdString(html) << headers << present << absent;
        };
        row("wordpress generator", page("", "<meta name=\"generator\" content=\"WordPress 6.4.2\">"), {}, {"WordPress"}, {"Drupal"});
        row("wordpress script src", page("<script src=\"/wp-content/themes/acme/app.js\"></script>"), {}, {"WordPress"}, {});
        row("woocommerce implies wordpress", page("<script src=\"/wp-content/plugins/woocommerce/assets/js/cart.js\"></script>"), {},
            {"WooCommerce", "WordPress"}, {});
        row("drupal header", page("<p>x</p>"), {{"X-Generator", "Drupal 10 (https://www.drupal.org)"}}, {"Drupal"}, {});
        row("typo3 generator", page("", "<meta name=\"generator\" content=\"TYPO3 CMS\">"), {}, {"TYPO3"}, {});
        row("wix header", page("<p>x</p>"), {{"x-wix-request-id", "123"}}, {"Wix"}, {});
        row("shopify script", page("<script src=\"https://cdn.shopify.com/s/files/1/theme.js\"></script>"), {}, {"Shopify"}, {});
        row("shopify cookie", page("<p>x</p>"), {{"Set-Cookie", "_shopify_y=abc; Path=/; Secure"}}, {"Shopify"}, {});
        row("magento init", page("<script type=\"text/x-magento-init\">{}</script>"), {}, {"Magento"}, {});
        row("google analytics gtag", page("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123\"></script>"), {},
            {"Google Analytics"}, {"Google Tag Manager"});
        row("tag manager snippet",
            page("<script>(function(w,d,s,l,i){var j=d.createElement(s);j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-ABC123');</script>"),
            {}, {"Google Tag Manager"}, {});
        row("tag manager noscript", page("<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-ABC123\"></iframe></noscript>"), {},
            {"Google Tag Manager"}, {});
        row("matomo", page("<script>var _paq = window._paq || []; _paq.push(['trackPageView']);</script>"), {}, {"Matomo"}, {});
        row("cloudflare headers", page("<p>x</p>"), {{"Server", "cloudflare"}, {"CF-RAY", "8a1b2c3d4e5f-FRA"}}, {"Cloudflare"}, {"Fastly"});
        row("cloudfront header", page("<p>x</p>"), {{"X-Amz-Cf-Id", "abc"}}, {"Amazon CloudFront"}, {});
        row("vercel header", page("<p>x</p>"), {{"x-vercel-id", "fra1::abc"}}, {"Vercel"}, {});
        row("next.js implies react", page("<div id=\"__next\"></div><script src=\"/_next/static/chunks/main.js\"></script>"), {},
            {"Next.js", "React"}, {"Nuxt"});
        row("nuxt implies vue", page("<div id=\"__nuxt\"></div>"), {}, {"Nuxt", "Vue.js"}, {});
        row("angular version attribute", page("<app-root ng-version=\"17.0.1\"></app-root>"), {}, {"Angular"}, {});
        row("jquery and bootstrap assets",
            page("<script src=\"/js/jquery-3.7.1.min.js\"></script>", "<link rel=\"stylesheet\" href=\"/css/bootstrap.min.css\">"), {},
            {"jQuery", "Bootstrap"}, {});
        row("tailwind variables", page("", "<style>*,::before{--tw-ring-color: rgb(59 130 246 / .5)}</style>"), {}, {"Tailwind CSS"}, {});
        row("name only in visible text",
            page("<p>We moved off WordPress and Shopify. Our theme lived in /wp-content/ and cdn.shopify.com served it. "
                 "id=\"__next\" and googletagmanager.com/gtm.js are just words here.</p>"),
            {}, {}, {"WordPress", "Shopify", "Next.js", "Google Tag Manager"});
        row("links to other sites",
            page("<a href=\"https://www.shopify.com/pricing\">Shopify pricing</a>"
                 "<a href=\"https://cdn.shopify.com/s/files/1/x.js\">file</a><a href=\"https://wordpress.org/wp-content/x\">WP</a>"),
            {}, {}, {"Shopify", "WordPress"});
        row("unrelated server header", page("<p>x</p>"), {{"Server", "nginx/1.22.1"}}, {}, {"Cloudflare", "Netlify"});
    }

    void detection()
    {
        QFETCH(QString, html);
        QFETCH(Headers, headers);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);

        const Extraction result = m_extractor->extract(PageInput{"https://acme.de/", html.toStdString(), headers}, "DE");
        QStringList names;
        for (const Technology& technology : result.technologies) {
            names << QString::fromStdString(technology.name);
        }

        for (const QString& name : present) {
            QVERIFY2(names.contains(name), qPrintable(name + " missing from " + names.join(", ")));
        }
        for (const QString& name : absent) {
            QVERIFY2(!names.contains(name), qPrintable(name + " wrongly detected"));
        }
        if (present.isEmpty()) {
            QVERIFY2(names.isEmpty(), qPrintable(names.join(", ")));
        }
    }

    void categoryReported()
    {
        const Extraction result = m_extractor->extract(PageInput{"", page("<p>x</p>"), {{"Server", "cloudflare"}}}, "DE");

        QCOMPARE(result.technologies.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(result.technologies.front().category), QString("Hosting/CDN"));
    }
};

QTEST_GUILESS_MAIN(TestExtractTechnologies)
#include "TestExtractTechnologies.moc"
