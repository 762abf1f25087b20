#pragma once

#include <functional>
#include <string>
#include <vector>

namespace ileadx {

class AuthService;
class RateLimiter;
class StepUpPolicy;

/// One setting a super admin may change while the server runs. Values travel as text: "true" or
/// "false" for a boolean, decimal digits for an integer.
struct SettingDefinition
{
    enum class Kind
    {
        Boolean,
        Integer,
    };

    std::string key;
    Kind kind = Kind::Integer;
    int minimum = 0; ///< integers only
    int maximum = 0; ///< integers only
    std::string description;
    std::function<std::string()> read;              ///< the value in force now
    std::function<void(const std::string&)> apply;  ///< puts a validated value into force
};

/// Returns the settings that change at run time: the two-factor policy for admins, the session
/// limit, the step-up window and the rate limit of each route class.
std::vector<SettingDefinition> runtimeSettings(AuthService& auth, StepUpPolicy& stepUp, RateLimiter& limiter);

} // namespace ileadx
