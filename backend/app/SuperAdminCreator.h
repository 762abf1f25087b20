#pragma once

#include <ostream>
#include <string>

namespace ileadx {

class AuthService;

/// Creates a super admin with a generated password and writes the password to `out` once; it is
/// stored only as an Argon2id hash. Throws ApiException for an invalid address and
/// Poco::ExistsException when the address is taken.
void createSuperAdmin(AuthService& auth, const std::string& email, std::ostream& out);

} // namespace ileadx
