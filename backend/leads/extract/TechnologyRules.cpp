#include "leads/extract/TechnologyRules.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <algorithm>
#include <map>

namespace ileadx::leads {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::unique_ptr<RE2> compilePattern(const std::string& technology, const std::string& pattern)
{
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    auto compiled = std::make_unique<RE2>(pattern, options);
    if (!compiled->ok()) {
        throw Poco::DataFormatException("technology rule '" + technology + "': invalid pattern '" + pattern
                                        + "': " + compiled->error());
    }
    return compiled;
}

std::vector<std::unique_ptr<RE2>> compileList(const std::string& technology, const Object& rule, const std::string& field)
{
    std::vector<std::unique_ptr<RE2>> patterns;
    const Array::Ptr list = rule.getArray(field);
    if (!list) {
        if (rule.has(field)) {
            throw Poco::DataFormatException("technology rule '" + technology + "': " + field + " must be an array of patterns");
        }
        return patterns;
    }
    for (const Poco::Dynamic::Var& pattern : *list) {
        patterns.push_back(compilePattern(technology, pattern.toString()));
    }
    return patterns;
}

void compileHeaders(const Object& object, TechnologyRule& rule)
{
    const Object::Ptr headers = object.getObject("headers");
    if (!headers) {
        return;
    }
    for (const auto& [name, pattern] : *headers) {
        rule.headers.emplace_back(Poco::toLower(name), compilePattern(rule.name, pattern.toString()));
    }
}

std::string requiredString(const Object& object, const std::string& field, std::size_t index)
{
    const std::string value = object.optValue<std::string>(field, "");
    if (value.empty()) {
        throw Poco::DataFormatException("technology rule " + std::to_string(index + 1) + " has no " + field);
    }
    return value;
}

TechnologyRule compileRule(const Object& object, std::size_t index)
{
    TechnologyRule rule;
    rule.name = requiredString(object, "name", index);
    rule.category = requiredString(object, "category", index);
    const auto known = std::find(std::begin(kTechnologyCategories), std::end(kTechnologyCategories), rule.category);
    if (known == std::end(kTechnologyCategories)) {
        throw Poco::DataFormatException("technology rule '" + rule.name + "': unknown category '" + rule.category + "'");
    }
    compileHeaders(object, rule);
    rule.cookies = compileList(rule.name, object, "cookies");
    rule.metaGenerator = compileList(rule.name, object, "metaGenerator");
    rule.scriptSrc = compileList(rule.name, object, "scriptSrc");
    rule.html = compileList(rule.name, object, "html");
    return rule;
}

// Resolves "implies" names to rule indexes once every rule is known.
void linkImplies(const Array& technologies, std::vector<TechnologyRule>& rules)
{
    std::map<std::string, std::size_t> indexByName;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (!indexByName.emplace(rules[i].name, i).second) {
            throw Poco::DataFormatException("technology rule '" + rules[i].name + "' appears twice");
        }
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Array::Ptr implies = technologies.getObject(static_cast<unsigned int>(i))->getArray("implies");
        for (std::size_t j = 0; implies && j < implies->size(); ++j) {
            const std::string name = implies->getElement<std::string>(static_cast<unsigned int>(j));
            const auto found = indexByName.find(name);
            if (found == indexByName.end()) {
                throw Poco::DataFormatException("technology rule '" + rules[i].name + "' implies unknown '" + name + "'");
            }
            rules[i].implies.push_back(found->second);
        }
    }
}

} // namespace

std::vector<TechnologyRule> loadTechnologyRules(const std::string& path)
{
    if (!Poco::File(path).exists()) {
        throw Poco::FileNotFoundException("technology rules file", path);
    }
    Poco::FileInputStream input(path);
    Poco::JSON::Parser parser;
    const Object::Ptr root = parser.parse(input).extract<Object::Ptr>();
    const Array::Ptr technologies = root->getArray("technologies");
    if (!technologies) {
        throw Poco::DataFormatException("technology rules file has no \"technologies\" array", path);
    }
    std::vector<TechnologyRule> rules;
    for (std::size_t i = 0; i < technologies->size(); ++i) {
        const Object::Ptr object = technologies->getObject(static_cast<unsigned int>(i));
        if (!object) {
            throw Poco::DataFormatException("technology rule " + std::to_string(i + 1) + " is not an object", path);
        }
        rules.push_back(compileRule(*object, i));
    }
    linkImplies(*technologies, rules);
    return rules;
}

} // namespace ileadx::leads
