#pragma once

#include "support/HttpsClient.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

#include "searches/SearchRecord.h"

#include <map>
#include <memory>
#include <string>

namespace ileadx::test {

/// A server on the database of one dialect, with a customer, a second customer and an admin.
struct SearchFixture
{
    explicit SearchFixture(const QString& dialect, std::map<std::string, std::string> overrides = {});
    ~SearchFixture();

    /// Signs in and returns the access token, or an empty string when the sign-in failed.
    std::string signIn(const std::string& email);
    std::string userId(const std::string& email);

    /// A new connection for each request, so one request's outcome cannot affect the next.
    std::unique_ptr<HttpsClient> client() const;

    /// Stores a search directly, bypassing the queue and the plan limits.
    SearchRecord seedSearch(const std::string& email, SearchStatus status);

    /// Stores a lead directly with the given name, score, email and phone.
    LeadRecord seedLead(const std::string& searchId, const std::string& name, int score, const std::string& email = {},
                        const std::string& phone = {});

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::map<std::string, std::string> passwords;
};

inline constexpr const char* kCustomer = "customer@example.com";
inline constexpr const char* kOtherCustomer = "other@example.com";
inline constexpr const char* kAdmin = "admin@example.com";

/// Returns the problem type of a problem+json reply, or an empty string.
std::string problemType(const HttpReply& reply);

} // namespace ileadx::test
