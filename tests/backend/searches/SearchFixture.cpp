#include "SearchFixture.h"

#include "common/Random.h"
#include "searches/SearchRepository.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"

namespace ileadx::test {

SearchFixture::SearchFixture(const QString& dialect, std::map<std::string, std::string> overrides)
    : database(dialect)
{
    overrides["database.url"] = database.url();
    server = std::make_unique<TestServer>(overrides);
    passwords[kCustomer] = server->createAccount(kCustomer, Role::User);
    passwords[kOtherCustomer] = server->createAccount(kOtherCustomer, Role::User);
    passwords[kAdmin] = server->createAccount(kAdmin, Role::Admin);
}

SearchFixture::~SearchFixture()
{
    server.reset();
}

std::string SearchFixture::signIn(const std::string& email)
{
    const HttpReply reply = client()->postJson("/api/v1/auth/login", credentialsJson(email, passwords.at(email)));
    if (reply.status != 200 || !reply.json()) {
        return {};
    }
    return reply.json()->getValue<std::string>("access_token");
}

std::string SearchFixture::userId(const std::string& email)
{
    return UserRepository(server->runtime().database()).findByEmail(email)->id;
}

std::unique_ptr<HttpsClient> SearchFixture::client() const
{
    return std::make_unique<HttpsClient>(server->port(), server->certificatePath());
}

SearchRecord SearchFixture::seedSearch(const std::string& email, SearchStatus status)
{
    SearchRecord search;
    search.id = newId();
    search.userId = userId(email);
    search.query = "bakery";
    search.location = "Alderbrook";
    search.countryCode = "US";
    search.maxResults = 20;
    search.providers = {"listings_file"};
    search.status = status;
    search.createdAt = nowMillis();
    Poco::Data::Session session = server->runtime().database().session();
    server->runtime().searches().insert(session, search);
    return search;
}

LeadRecord SearchFixture::seedLead(const std::string& searchId, const std::string& name, int score,
                                   const std::string& email, const std::string& phone)
{
    LeadRecord lead;
    lead.id = newId();
    lead.searchId = searchId;
    lead.dedupeKey = "name:" + name;
    lead.name = name;
    lead.address = "1 Main Street";
    lead.countryCode = "US";
    lead.website = "http://www.example.test/";
    lead.category = "bakery";
    if (!email.empty()) {
        lead.emails = {email};
    }
    if (!phone.empty()) {
        lead.phones = {phone};
    }
    lead.score = score;
    lead.scoreReasons = {"+10 test"};
    lead.provider = "listings_file";
    lead.providerId = name;
    lead.createdAt = nowMillis();
    Transaction transaction(server->runtime().database());
    server->runtime().searches().insertLead(transaction.session(), lead);
    transaction.commit();
    return lead;
}

std::string problemType(const HttpReply& reply)
{
    const Poco::JSON::Object::Ptr json = reply.json();
    return json ? json->optValue<std::string>("type", "") : std::string();
}

} // namespace ileadx::test
