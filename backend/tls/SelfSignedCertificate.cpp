#include "tls/SelfSignedCertificate.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

namespace ileadx {

namespace {

constexpr long kValidityDays = 825;

struct FileCloser
{
    void operator()(FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;
using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertificatePtr = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char* what)
{
    if (!ok) {
        throw Poco::IOException("OpenSSL failed while creating the self-signed certificate", what);
    }
}

FilePtr openForWriting(const std::string& path, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        throw Poco::FileException("cannot create", path);
    }
    return FilePtr(::fdopen(fd, "w"));
}

void addExtension(X509* certificate, int nid, const std::string& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    check(extension != nullptr, "extension");
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

CertificatePtr makeCertificate(EVP_PKEY* key, const std::string& hostName)
{
    CertificatePtr certificate(X509_new(), &X509_free);
    check(certificate != nullptr, "X509_new");
    X509_set_version(certificate.get(), 2);

    unsigned char serial[16];
    check(RAND_bytes(serial, sizeof serial) == 1, "RAND_bytes");
    serial[0] &= 0x7F; // a positive serial number, as RFC 5280 requires
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);

    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValidityDays * 24 * 3600);
    X509_set_pubkey(certificate.get(), key);

    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("iLeadX"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(hostName.c_str()),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    std::string altNames = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!hostName.empty() && hostName != "localhost") {
        altNames += ",DNS:" + hostName;
    }
    addExtension(certificate.get(), NID_subject_alt_name, altNames);
    addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(certificate.get(), NID_ext_key_usage, "serverAuth");

    check(X509_sign(certificate.get(), key, EVP_sha256()) > 0, "X509_sign");
    return certificate;
}

} // namespace

CertificateFiles ensureSelfSignedCertificate(const std::string& directory, const std::string& hostName)
{
    CertificateFiles files{Poco::Path(directory, "server-certificate.pem").toString(),
                           Poco::Path(directory, "server-key.pem").toString()};
    if (Poco::File(files.certificatePath).exists() && Poco::File(files.privateKeyPath).exists()) {
        return files;
    }

    KeyPtr key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    check(key != nullptr, "EVP_EC_gen");
    CertificatePtr certificate = makeCertificate(key.get(), hostName);

    {
        FilePtr keyFile = openForWriting(files.privateKeyPath, 0600);
        check(PEM_write_PrivateKey(keyFile.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
              "PEM_write_PrivateKey");
    }
    FilePtr certificateFile = openForWriting(files.certificatePath, 0644);
    check(PEM_write_X509(certificateFile.get(), certificate.get()) == 1, "PEM_write_X509");
    return files;
}

std::string certificateFingerprint(const std::string& certificatePath)
{
    FilePtr file(std::fopen(certificatePath.c_str(), "r"));
    if (!file) {
        throw Poco::FileNotFoundException("cannot open certificate", certificatePath);
    }
    CertificatePtr certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!certificate) {
        throw Poco::DataFormatException("not a PEM certificate", certificatePath);
    }

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    check(X509_digest(certificate.get(), EVP_sha256(), digest, &length) == 1, "X509_digest");

    std::string fingerprint;
    char hex[4];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : ":%02X", digest[i]);
        fingerprint += hex;
    }
    return fingerprint;
}

} // namespace ileadx
