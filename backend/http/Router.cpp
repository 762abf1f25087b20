#include "http/Router.h"

#include <Poco/Exception.h>

namespace ileadx {

void Router::add(Route route)
{
    // A route without a permission would be reachable by anyone, so it is a programming error.
    if (route.permission == Permission::Count || !route.handler) {
        throw Poco::InvalidArgumentException("route has no permission or no handler", route.path);
    }
    m_routes.push_back(std::move(route));
}

Router::Match Router::match(const std::string& method, const std::string& path) const
{
    Match result;
    for (const Route& route : m_routes) {
        if (route.path != path) {
            continue;
        }
        result.pathKnown = true;
        if (!result.allowedMethods.empty()) {
            result.allowedMethods += ", ";
        }
        result.allowedMethods += route.method;
        if (route.method == method) {
            result.route = &route;
        }
    }
    return result;
}

} // namespace ileadx
