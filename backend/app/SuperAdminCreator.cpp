#include "app/SuperAdminCreator.h"

#include "auth/AuthService.h"
#include "common/Random.h"

namespace ileadx {

namespace {

// 18 random bytes become 24 base64url characters: 144 bits, far past any guessing attack.
constexpr std::size_t kGeneratedPasswordBytes = 18;

} // namespace

void createSuperAdmin(AuthService& auth, const std::string& email, std::ostream& out)
{
    const std::string password = randomToken(kGeneratedPasswordBytes);
    const UserRecord user = auth.createAccount(email, password, Role::SuperAdmin);
    out << "Created super admin " << user.email << "\n"
        << "Password (shown once): " << password << "\n"
        << "Store it in a password manager now; the server keeps only a hash of it." << std::endl;
}

} // namespace ileadx
