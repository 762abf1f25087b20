#include "http/Router.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <string_view>

namespace ileadx {

void Router::add(Route route)
{
    // A route without a permission would be reachable by anyone, so it is a programming error.
    if (route.permission == Permission::Count || !route.handler) {
        throw Poco::InvalidArgumentException("route has no permission or no handler", route.path);
    }
    m_routes.push_back(std::move(route));
}

namespace {

// Matches `path` against a template such as "/api/v1/me/sessions/{id}", filling `parameters`.
bool matchTemplate(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& parameters)
{
    if (pattern.find('{') == std::string::npos) {
        return pattern == path;
    }

    std::size_t patternPos = 0;
    std::size_t pathPos = 0;
    std::map<std::string, std::string> captured;
    while (patternPos < pattern.size() && pathPos < path.size()) {
        const std::size_t patternEnd = std::min(pattern.find('/', patternPos + 1), pattern.size());
        const std::size_t pathEnd = std::min(path.find('/', pathPos + 1), path.size());
        const std::string_view patternSegment(pattern.data() + patternPos, patternEnd - patternPos);
        const std::string_view pathSegment(path.data() + pathPos, pathEnd - pathPos);

        if (patternSegment.size() > 3 && patternSegment.substr(0, 2) == "/{" && patternSegment.back() == '}') {
            if (pathSegment.size() < 2) {
                return false;
            }
            const std::string name(patternSegment.substr(2, patternSegment.size() - 3));
            captured[name] = std::string(pathSegment.substr(1));
        } else if (patternSegment != pathSegment) {
            return false;
        }
        patternPos = patternEnd;
        pathPos = pathEnd;
    }
    if (patternPos != pattern.size() || pathPos != path.size()) {
        return false;
    }
    parameters = std::move(captured);
    return true;
}

} // namespace

Router::Match Router::match(const std::string& method, const std::string& path) const
{
    Match result;
    for (const Route& route : m_routes) {
        std::map<std::string, std::string> parameters;
        if (!matchTemplate(route.path, path, parameters)) {
            continue;
        }
        result.pathKnown = true;
        if (!result.allowedMethods.empty()) {
            result.allowedMethods += ", ";
        }
        result.allowedMethods += route.method;
        if (route.method == method) {
            result.route = &route;
            result.parameters = std::move(parameters);
        }
    }
    return result;
}

} // namespace ileadx
