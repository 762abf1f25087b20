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
inline constexpr std::string_view kNotFound = "urn:ileadx:problem:not-found";
inline constexpr std::string_view kMethodNotAllowed = "urn:ileadx:problem:method-not-allowed";
inline constexpr std::string_view kServiceBusy = "urn:ileadx:problem:service-busy";
inline constexpr std::string_view kRateLimited = "urn:ileadx:problem:rate-limited";
inline constexpr std::string_view kInternal = "urn:ileadx:problem:internal-error";

} // namespace ileadx::problem
