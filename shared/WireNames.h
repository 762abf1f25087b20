#pragma once

#include <string_view>

/// JSON field names of the REST API, spelled once for the server and the console.
namespace ileadx::wire {

inline constexpr std::string_view kEmail = "email";
inline constexpr std::string_view kPassword = "password";
inline constexpr std::string_view kRememberMe = "remember_me";
inline constexpr std::string_view kDeviceId = "device_id";
inline constexpr std::string_view kRefreshToken = "refresh_token";
inline constexpr std::string_view kAccessToken = "access_token";
inline constexpr std::string_view kTokenType = "token_type";
inline constexpr std::string_view kExpiresIn = "expires_in";
inline constexpr std::string_view kRefreshExpiresIn = "refresh_expires_in";
inline constexpr std::string_view kSessionId = "session_id";
inline constexpr std::string_view kUser = "user";

inline constexpr std::string_view kId = "id";
inline constexpr std::string_view kRole = "role";
inline constexpr std::string_view kCreatedAt = "created_at";
inline constexpr std::string_view kLastLoginAt = "last_login_at";
inline constexpr std::string_view kPlan = "plan";
inline constexpr std::string_view kUsageResetAt = "usage_reset_at";
inline constexpr std::string_view kEmailQuery = "q";
inline constexpr std::string_view kTwoFactor = "two_factor";

inline constexpr std::string_view kItems = "items";
inline constexpr std::string_view kNextCursor = "next_cursor";
inline constexpr std::string_view kLimit = "limit";
inline constexpr std::string_view kCursor = "cursor";

inline constexpr std::string_view kProblemType = "type";
inline constexpr std::string_view kProblemTitle = "title";
inline constexpr std::string_view kProblemStatus = "status";
inline constexpr std::string_view kProblemDetail = "detail";
inline constexpr std::string_view kRequestId = "request_id";

// Two-factor sign-in and account changes
inline constexpr std::string_view kTwoFactorRequired = "two_factor_required";
inline constexpr std::string_view kChallenge = "challenge";
inline constexpr std::string_view kChallengeExpiresIn = "challenge_expires_in";
inline constexpr std::string_view kCode = "code";
inline constexpr std::string_view kRecoveryCode = "recovery_code";
inline constexpr std::string_view kRecoveryCodes = "recovery_codes";
inline constexpr std::string_view kRecoveryCodesLeft = "recovery_codes_left";
inline constexpr std::string_view kSecret = "secret";
inline constexpr std::string_view kOtpauthUri = "otpauth_uri";
inline constexpr std::string_view kEnabled = "enabled";
inline constexpr std::string_view kPending = "pending";
/// "full", or "two-factor-enrollment" for a session that may only set up two-factor sign-in.
inline constexpr std::string_view kScope = "scope";
inline constexpr std::string_view kCurrentPassword = "current_password";
inline constexpr std::string_view kNewPassword = "new_password";

} // namespace ileadx::wire
