#include "auth/CommonPasswordList.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

#include <fstream>

namespace ileadx {

CommonPasswordList CommonPasswordList::load(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        throw Poco::FileNotFoundException("cannot open the common password list", path);
    }

    CommonPasswordList list;
    std::string line;
    while (std::getline(in, line)) {
        Poco::trimInPlace(line);
        if (!line.empty() && line.front() != '#') {
            list.m_passwords.insert(Poco::toLower(line));
        }
    }
    return list;
}

bool CommonPasswordList::contains(std::string_view password) const
{
    return m_passwords.contains(Poco::toLower(std::string(password)));
}

} // namespace ileadx
