#include "leads/extract/JsonLd.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

namespace ileadx::leads {

namespace {

// Poco's parser rejects deeper documents itself (default depth 128); this bounds the walk too.
constexpr int kMaxWalkDepth = 64;

void appendStrings(const Poco::Dynamic::Var& value, std::vector<std::string>& out)
{
    if (value.isString()) {
        out.push_back(Poco::trim(value.extract<std::string>()));
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const Poco::Dynamic::Var& item : *value.extract<Poco::JSON::Array::Ptr>()) {
            if (item.isString()) {
                out.push_back(Poco::trim(item.extract<std::string>()));
            }
        }
    }
}

std::string withoutMailto(const std::string& value)
{
    return Poco::icompare(value, 0, 7, std::string("mailto:")) == 0 ? value.substr(7) : value;
}

void walk(const Poco::Dynamic::Var& value, int depth, JsonLdContacts& contacts)
{
    if (depth > kMaxWalkDepth) {
        return;
    }
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const Poco::Dynamic::Var& item : *value.extract<Poco::JSON::Array::Ptr>()) {
            walk(item, depth + 1, contacts);
        }
        return;
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
        return;
    }
    for (const auto& [key, member] : *value.extract<Poco::JSON::Object::Ptr>()) {
        if (key == "email") {
            std::vector<std::string> emails;
            appendStrings(member, emails);
            for (const std::string& email : emails) {
                contacts.emails.push_back(withoutMailto(email));
            }
        } else if (key == "telephone") {
            appendStrings(member, contacts.telephones);
        } else if (key == "faxNumber") {
            appendStrings(member, contacts.faxNumbers);
        } else if (key == "sameAs") {
            appendStrings(member, contacts.sameAs);
        } else {
            walk(member, depth + 1, contacts);
        }
    }
}

} // namespace

JsonLdContacts readJsonLd(const std::vector<std::string>& blocks)
{
    JsonLdContacts contacts;
    for (const std::string& block : blocks) {
        if (block.size() > kMaxJsonLdBytes) {
            continue;
        }
        try {
            Poco::JSON::Parser parser;
            walk(parser.parse(block), 0, contacts);
        } catch (const Poco::Exception&) {
            continue; // a broken block on someone's page is common and not our error
        }
    }
    return contacts;
}

} // namespace ileadx::leads
