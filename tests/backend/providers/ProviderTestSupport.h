#pragma once

#include "support/LocalWebServer.h"

#include "leads/providers/ListingProvider.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <QTest>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <functional>
#include <optional>
#include <string>

namespace ileadx::test {

/// Sends `body` with `status` and `contentType`.
inline void reply(Poco::Net::HTTPServerResponse& response, int status, const std::string& body,
                  const std::string& contentType = "application/json")
{
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType(contentType);
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send() << body;
}

/// Holds every request until release(), so a client with a short timeout gives up first. The test
/// calls release() before the server goes away, so no handler thread outlives the server.
class StalledReplies
{
public:
    LocalWebServer::Handler handler() const
    {
        return [state = m_state](const LocalWebServer::RecordedRequest&, Poco::Net::HTTPServerResponse& response) {
            std::unique_lock lock(state->mutex);
            ++state->active;
            state->changed.wait_for(lock, std::chrono::seconds(10), [&] { return state->released; });
            lock.unlock();
            reply(response, 200, "{}");
            lock.lock();
            --state->active;
            state->changed.notify_all();
        };
    }

    /// Lets the held requests finish and waits until their handlers have returned.
    void release()
    {
        std::unique_lock lock(m_state->mutex);
        m_state->released = true;
        m_state->changed.notify_all();
        m_state->changed.wait_for(lock, std::chrono::seconds(10), [&] { return m_state->active == 0; });
    }

private:
    struct State
    {
        std::mutex mutex;
        std::condition_variable changed;
        bool released = false;
        int active = 0;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

inline Poco::JSON::Object::Ptr parseObject(const std::string& text)
{
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// Runs `search` and returns the kind of the ProviderError it throws, or nothing when it throws
/// none. Other exceptions pass through to QTest, which fails the test.
inline std::optional<leads::ProviderErrorKind> errorKindOf(const std::function<void()>& search, std::string* message = nullptr)
{
    try {
        search();
    } catch (const leads::ProviderError& error) {
        if (message) {
            *message = error.what();
        }
        return error.kind();
    }
    return std::nullopt;
}

/// Returns the name of the ProviderError kind that `search` throws, or "no error".
inline QString thrownKind(const std::function<void()>& search, std::string* message = nullptr)
{
    const auto kind = errorKindOf(search, message);
    return kind ? QString::fromStdString(leads::toString(*kind)) : QStringLiteral("no error");
}

} // namespace ileadx::test
