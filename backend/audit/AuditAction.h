#pragma once

#include <array>
#include <string_view>

/// The action types and target types the audit trail records. Stored rows and API filters use
/// these exact strings, so a released value never changes and a new kind of event gets a new one.
namespace ileadx::audit {

namespace action {

inline constexpr std::string_view kUserDeleted = "user.deleted";
inline constexpr std::string_view kUserRoleChanged = "user.role_changed";
inline constexpr std::string_view kUserPlanChanged = "user.plan_changed";
inline constexpr std::string_view kSignInSucceeded = "auth.sign_in_succeeded";
inline constexpr std::string_view kSignInFailed = "auth.sign_in_failed";
inline constexpr std::string_view kTwoFactorFailed = "auth.two_factor_failed";
inline constexpr std::string_view kRefreshTokenReused = "auth.refresh_token_reused";
inline constexpr std::string_view kSignedOut = "auth.signed_out";
inline constexpr std::string_view kSettingsChanged = "settings.changed";
inline constexpr std::string_view kUsageReset = "usage.reset";
inline constexpr std::string_view kSessionRevoked = "session.revoked";
inline constexpr std::string_view kTwoFactorEnabled = "two_factor.enabled";
inline constexpr std::string_view kTwoFactorDisabled = "two_factor.disabled";
inline constexpr std::string_view kPasswordChanged = "auth.password_changed";
inline constexpr std::string_view kStepUpSucceeded = "auth.step_up_succeeded";

/// Every action type, for validating the `action` filter of the audit route.
inline constexpr std::array kAll{
    kUserDeleted,      kUserRoleChanged, kUserPlanChanged, kSignInSucceeded, kSignInFailed,
    kTwoFactorFailed,  kRefreshTokenReused, kSignedOut,    kSettingsChanged, kUsageReset,
    kSessionRevoked,   kTwoFactorEnabled, kTwoFactorDisabled, kPasswordChanged, kStepUpSucceeded,
};

/// Returns whether `name` is one of the action types above.
constexpr bool isKnown(std::string_view name)
{
    for (std::string_view known : kAll) {
        if (known == name) {
            return true;
        }
    }
    return false;
}

} // namespace action

namespace target {

/// A user account, identified by its user id.
inline constexpr std::string_view kUser = "user";
/// A session (one signed-in device), identified by its session id.
inline constexpr std::string_view kSession = "session";
/// An account the server could not identify, such as a sign-in with an unknown address. The
/// target id stays empty, so addresses of people without an account are never stored.
inline constexpr std::string_view kAccount = "account";
/// The system settings, identified by the changed setting's key.
inline constexpr std::string_view kSettings = "settings";

} // namespace target

} // namespace ileadx::audit
