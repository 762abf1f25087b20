#pragma once

#include "http/ApiResponse.h"
#include "shared/Permission.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ileadx {

class ApiRequest;

using RouteHandler = std::function<ApiResponse(ApiRequest&)>;

/// One API route. Every route names the permission it needs; there is no default. A path segment
/// written as `{name}` matches any one non-empty segment and is passed to the handler by name.
struct Route
{
    std::string method;
    std::string path;
    Permission permission = Permission::Count;
    RouteHandler handler;
    /// Rate-limit class from ratelimit/RouteClass.h: "auth", "search", "export" or "default".
    std::string rateLimitClass = "default";
};

/// The table of API routes, matched by method and path template.
class Router final
{
public:
    void add(Route route);

    /// The outcome of matching a request against the table.
    struct Match
    {
        const Route* route = nullptr;
        bool pathKnown = false;   ///< some route has this path, perhaps with another method
        std::string allowedMethods; ///< for the Allow header of a 405 answer
        std::map<std::string, std::string> parameters; ///< values of the `{name}` segments
    };

    Match match(const std::string& method, const std::string& path) const;

    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace ileadx
