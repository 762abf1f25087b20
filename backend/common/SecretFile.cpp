#include "common/SecretFile.h"

#include "common/Random.h"

#include <Poco/Exception.h>
#include <Poco/File.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace ileadx {

namespace {

void writeNewSecret(const std::string& path, const std::string& secret)
{
    // O_EXCL makes two processes starting at once agree on one secret instead of overwriting it.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        throw Poco::FileException("cannot create secret file", path);
    }
    const ssize_t written = ::write(fd, secret.data(), secret.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written != static_cast<ssize_t>(secret.size()) || !synced) {
        throw Poco::FileException("cannot write secret file", path);
    }
}

} // namespace

std::string loadOrCreateSecret(const std::string& path, std::size_t byteCount)
{
    if (!Poco::File(path).exists()) {
        writeNewSecret(path, randomBytes(byteCount));
    }

    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Poco::FileException("cannot read secret file", path);
    }
    std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (secret.size() < byteCount) {
        throw Poco::DataFormatException("secret file is shorter than required", path);
    }
    return secret;
}

} // namespace ileadx
