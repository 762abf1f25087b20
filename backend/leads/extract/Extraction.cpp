#include "leads/extract/Extraction.h"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <algorithm>

namespace ileadx::leads {

namespace {

template <typename T, typename Key>
void appendMissing(std::vector<T>& total, const std::vector<T>& page, Key key)
{
    for (const T& item : page) {
        const bool present = std::any_of(total.begin(), total.end(), [&](const T& existing) { return key(existing) == key(item); });
        if (!present) {
            total.push_back(item);
        }
    }
}

Poco::JSON::Array::Ptr phonesToJson(const std::vector<PhoneNumber>& phones)
{
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const PhoneNumber& phone : phones) {
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
        object->set("e164", phone.e164);
        object->set("source", phone.source);
        array->add(object);
    }
    return array;
}

} // namespace

void mergeInto(Extraction& total, const Extraction& page)
{
    appendMissing(total.emails, page.emails, [](const std::string& email) { return Poco::toLower(email); });
    appendMissing(total.phones, page.phones, [](const PhoneNumber& phone) { return phone.e164; });
    appendMissing(total.faxes, page.faxes, [](const PhoneNumber& fax) { return fax.e164; });
    appendMissing(total.socialProfiles, page.socialProfiles, [](const SocialProfile& profile) { return Poco::toLower(profile.url); });
    appendMissing(total.technologies, page.technologies, [](const Technology& technology) { return technology.name; });
}

Poco::JSON::Object::Ptr toJson(const Extraction& extraction)
{
    Poco::JSON::Array::Ptr emails = new Poco::JSON::Array;
    for (const std::string& email : extraction.emails) {
        emails->add(email);
    }
    Poco::JSON::Array::Ptr profiles = new Poco::JSON::Array;
    for (const SocialProfile& profile : extraction.socialProfiles) {
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
        object->set("network", profile.network);
        object->set("url", profile.url);
        profiles->add(object);
    }
    Poco::JSON::Array::Ptr technologies = new Poco::JSON::Array;
    for (const Technology& technology : extraction.technologies) {
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
        object->set("name", technology.name);
        object->set("category", technology.category);
        technologies->add(object);
    }

    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("emails", emails);
    json->set("phones", phonesToJson(extraction.phones));
    json->set("faxes", phonesToJson(extraction.faxes));
    json->set("socialProfiles", profiles);
    json->set("technologies", technologies);
    return json;
}

} // namespace ileadx::leads
