#include "http/RequestHandlerFactory.h"

namespace ileadx {

RequestHandlerFactory::RequestHandlerFactory(const Router& router, AuthService& auth, HttpSettings settings)
    : m_router(router)
    , m_auth(auth)
    , m_settings(settings)
{
}

Poco::Net::HTTPRequestHandler* RequestHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
    return new ApiRequestHandler(m_router, m_auth, m_settings);
}

} // namespace ileadx
