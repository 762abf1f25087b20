#pragma once

#include "http/ApiRequestHandler.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace ileadx {

/// Creates one ApiRequestHandler per request; the router and services outlive the server.
class RequestHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    RequestHandlerFactory(const Router& router, AuthService& auth, HttpSettings settings);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& m_router;
    AuthService& m_auth;
    HttpSettings m_settings;
};

} // namespace ileadx
