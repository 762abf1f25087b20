#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace ileadx {

/// Passwords that attackers try first, loaded from a text file with one password per line. Lookups
/// ignore letter case, because "Password1234" is as weak as "password1234".
class CommonPasswordList final
{
public:
    /// An empty list, which accepts every password.
    CommonPasswordList() = default;

    /// Loads `path`. Throws Poco::FileNotFoundException when the file cannot be opened.
    static CommonPasswordList load(const std::string& path);

    bool contains(std::string_view password) const;
    std::size_t size() const { return m_passwords.size(); }

private:
    std::unordered_set<std::string> m_passwords;
};

} // namespace ileadx
