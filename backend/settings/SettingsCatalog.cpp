#include "settings/SettingsCatalog.h"

#include "auth/AuthService.h"
#include "auth/StepUpPolicy.h"
#include "ratelimit/RateLimiter.h"
#include "ratelimit/RouteClass.h"

namespace ileadx {

namespace {

constexpr int kMaxRatePerMinute = 1000000;

SettingDefinition integerSetting(std::string key, int minimum, int maximum, std::string description)
{
    SettingDefinition setting;
    setting.key = std::move(key);
    setting.kind = SettingDefinition::Kind::Integer;
    setting.minimum = minimum;
    setting.maximum = maximum;
    setting.description = std::move(description);
    return setting;
}

// Adds the rate and burst settings of one route class.
void addRateLimitSettings(std::vector<SettingDefinition>& settings, RateLimiter& limiter, std::string routeClass)
{
    SettingDefinition rate = integerSetting("rate_limits." + routeClass + ".per_minute", 1, kMaxRatePerMinute,
                                            "refill rate of the " + routeClass + " limit, in requests a minute");
    rate.read = [&limiter, routeClass] { return std::to_string(limiter.rule(routeClass).perMinute); };
    rate.apply = [&limiter, routeClass](const std::string& value) {
        RateLimitRule rule = limiter.rule(routeClass);
        rule.perMinute = std::stoi(value);
        limiter.setRule(routeClass, rule);
    };
    settings.push_back(std::move(rate));

    SettingDefinition burst = integerSetting("rate_limits." + routeClass + ".burst", 1, kMaxRatePerMinute,
                                             "requests of the " + routeClass + " limit allowed at once");
    burst.read = [&limiter, routeClass] { return std::to_string(limiter.rule(routeClass).burst); };
    burst.apply = [&limiter, routeClass](const std::string& value) {
        RateLimitRule rule = limiter.rule(routeClass);
        rule.burst = std::stoi(value);
        limiter.setRule(routeClass, rule);
    };
    settings.push_back(std::move(burst));
}

} // namespace

std::vector<SettingDefinition> runtimeSettings(AuthService& auth, StepUpPolicy& stepUp, RateLimiter& limiter)
{
    std::vector<SettingDefinition> settings;

    SettingDefinition twoFactor;
    twoFactor.key = "two_factor.required_for_admins";
    twoFactor.kind = SettingDefinition::Kind::Boolean;
    twoFactor.description = "whether admins and super admins must set up two-factor sign-in before anything else";
    twoFactor.read = [&auth] { return std::string(auth.requiresTwoFactorForAdmins() ? "true" : "false"); };
    twoFactor.apply = [&auth](const std::string& value) { auth.setRequireTwoFactorForAdmins(value == "true"); };
    settings.push_back(std::move(twoFactor));

    SettingDefinition sessions = integerSetting("sessions.max_per_user", 1, 1000,
                                                "sessions one account holds at once; the oldest is revoked beyond it");
    sessions.read = [&auth] { return std::to_string(auth.maxSessionsPerUser()); };
    sessions.apply = [&auth](const std::string& value) { auth.setMaxSessionsPerUser(std::stoi(value)); };
    settings.push_back(std::move(sessions));

    SettingDefinition window = integerSetting("auth.step_up_minutes", 0, 24 * 60,
                                              "how recent a sign-in or TOTP code sensitive actions need, in minutes");
    window.read = [&stepUp] { return std::to_string(stepUp.windowMinutes()); };
    window.apply = [&stepUp](const std::string& value) { stepUp.setWindowMinutes(std::stoi(value)); };
    settings.push_back(std::move(window));

    for (std::string_view routeClass : routeclass::kAll) {
        addRateLimitSettings(settings, limiter, std::string(routeClass));
    }
    return settings;
}

} // namespace ileadx
