#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace ileadx {

/// An error that ends a request with a problem+json answer (RFC 9457). Handlers and services
/// throw it; ApiRequestHandler turns it into the response, in one place. `detail` is shown to the
/// client, so it must never carry a secret, an SQL text or whether an email is registered.
class ApiException : public std::exception
{
public:
    ApiException(int status, std::string_view type, std::string title, std::string detail = {});

    int status() const { return m_status; }
    const std::string& type() const { return m_type; }
    const std::string& title() const { return m_title; }
    const std::string& detail() const { return m_detail; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfterSeconds; }

    /// Adds a Retry-After header to the answer.
    ApiException& withRetryAfter(int seconds);

    const char* what() const noexcept override { return m_title.c_str(); }

private:
    int m_status = 500;
    std::string m_type;
    std::string m_title;
    std::string m_detail;
    std::optional<int> m_retryAfterSeconds;
};

/// 503 with Retry-After: a bounded resource (such as the password hashing slots) stayed busy.
class ServiceBusyException final : public ApiException
{
public:
    ServiceBusyException(std::string detail, int retryAfterSeconds);
};

/// 400 with a field-level reason, for a request body or query that fails validation.
ApiException invalidRequest(std::string detail);

/// 401 for a missing, malformed, expired or revoked access token. The detail never says which.
ApiException unauthorized();

} // namespace ileadx
