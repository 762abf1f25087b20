#pragma once

#include <string_view>

/// Stable `type` URIs of the server's problem+json answers (RFC 9457). The console maps each one to
/// a translated message, so a type never changes once released; add new ones instead.
namespace ileadx::problem {

inline constexpr std::string_view kPrefix = "urn:ileadx:problem:";

inline constexpr std::string_view kInvalidJson = "urn:ileadx:problem:invalid-json";
inline constexpr std::string_view kInvalidRequest = "urn:ileadx:problem:invalid-request";
inline constexpr std::string_view kUnsupportedMediaType = "urn:ileadx:problem:unsupported-media-type";
inline constexpr std::string_view kPayloadTooLarge = "urn:ileadx:problem:payload-too-large";
inline constexpr std::string_view kWeakPassword = "urn:ileadx:problem:weak-password";
inline constexpr std::string_view kInvalidCredentials = "urn:ileadx:problem:invalid-credentials";
inline constexpr std::string_view kInvalidRefreshToken = "urn:ileadx:problem:invalid-refresh-token";
inline constexpr std::string_view kUnauthorized = "urn:ileadx:problem:unauthorized";
inline constexpr std::string_view kForbidden = "urn:ileadx:problem:forbidden";
/// 403 for a sensitive change from a session that signed in too long ago: sign in again first.
inline constexpr std::string_view kStepUpRequired = "urn:ileadx:problem:step-up-required";
/// 403 for a session that may only set up two-factor sign-in, which admins must do first.
inline constexpr std::string_view kTwoFactorEnrollmentRequired = "urn:ileadx:problem:two-factor-enrollment-required";
/// A TOTP or recovery code that is wrong, expired or already used.
inline constexpr std::string_view kInvalidTwoFactorCode = "urn:ileadx:problem:invalid-two-factor-code";
/// 401 for a sign-in challenge that is unknown, expired, already used or out of attempts.
inline constexpr std::string_view kInvalidTwoFactorChallenge = "urn:ileadx:problem:invalid-two-factor-challenge";
/// 409 for a two-factor change that does not fit the account's state, such as enrolling twice.
inline constexpr std::string_view kTwoFactorConflict = "urn:ileadx:problem:two-factor-conflict";
inline constexpr std::string_view kNotFound = "urn:ileadx:problem:not-found";
inline constexpr std::string_view kMethodNotAllowed = "urn:ileadx:problem:method-not-allowed";
inline constexpr std::string_view kServiceBusy = "urn:ileadx:problem:service-busy";
inline constexpr std::string_view kRateLimited = "urn:ileadx:problem:rate-limited";
/// 403 when the account's plan allows no more searches, leads or exports this billing period.
inline constexpr std::string_view kPlanLimitReached = "urn:ileadx:problem:plan-limit-reached";
/// 409 for cancelling a search that has already completed, failed or been cancelled.
inline constexpr std::string_view kSearchFinished = "urn:ileadx:problem:search-finished";
inline constexpr std::string_view kInternal = "urn:ileadx:problem:internal-error";

} // namespace ileadx::problem
