#include "health/HealthJson.h"

#include <Poco/JSON/Array.h>

#include <cmath>

namespace ileadx {

namespace {

// Two decimals are finer than any threshold and keep the responses short.
double rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

Poco::JSON::Object::Ptr checkJson(const HealthCheck& check, bool withThresholds)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("name", check.name);
    json->set("level", std::string(healthLevelName(check.level)));
    if (check.value) {
        json->set("value", rounded(*check.value));
    } else {
        json->set("value", Poco::Dynamic::Var());
    }
    if (!check.unit.empty()) {
        json->set("unit", check.unit);
    }
    if (withThresholds && check.threshold) {
        Poco::JSON::Object::Ptr thresholds = new Poco::JSON::Object;
        thresholds->set("amber", check.threshold->amber);
        thresholds->set("red", check.threshold->red);
        json->set("thresholds", thresholds);
    }
    json->set("detail", check.detail);
    return json;
}

} // namespace

Poco::JSON::Object::Ptr healthSampleJson(const HealthSample& sample, bool withThresholds)
{
    Poco::JSON::Array::Ptr checks = new Poco::JSON::Array;
    for (const HealthCheck& check : sample.checks) {
        checks->add(checkJson(check, withThresholds));
    }
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("sampled_at", formatIso8601(sample.sampledAt));
    json->set("level", std::string(healthLevelName(sample.level)));
    json->set("checks", checks);
    return json;
}

} // namespace ileadx
