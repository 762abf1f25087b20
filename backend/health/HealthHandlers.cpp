#include "health/HealthHandlers.h"

#include "health/HealthJson.h"
#include "health/HealthSampler.h"
#include "health/ReadinessProbe.h"
#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Router.h"
#include "shared/WireNames.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

namespace ileadx {

namespace {

ApiResponse readinessAnswer(ReadinessProbe& probe)
{
    ReadinessProbe::Result result = probe.check();
    return ApiResponse::json(result.ready ? 200 : 503, result.body);
}

void addSamplerSettings(Poco::JSON::Object& body, const HealthSampler& sampler)
{
    body.set("sample_seconds", static_cast<Poco::Int64>(sampler.settings().interval.count()));
    body.set("history_size", static_cast<Poco::UInt64>(sampler.settings().historySize));
}

ApiResponse currentHealth(HealthSampler& sampler)
{
    // Until the timer's first sample lands, the request takes one itself.
    std::optional<HealthSample> sample = sampler.latest();
    if (!sample) {
        sample = sampler.sampleNow();
    }
    Poco::JSON::Object::Ptr body = healthSampleJson(*sample, true);
    addSamplerSettings(*body, sampler);
    return ApiResponse::json(200, body);
}

std::size_t historyLimit(const ApiRequest& request, std::size_t historySize)
{
    const std::optional<std::string> text = request.queryParameter(std::string(wire::kLimit));
    if (!text) {
        return historySize;
    }
    Poco::UInt64 limit = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(*text, limit) || limit < 1 || limit > historySize) {
        throw invalidRequest("'limit' must be a whole number from 1 to " + std::to_string(historySize) + ".");
    }
    return static_cast<std::size_t>(limit);
}

ApiResponse healthHistory(ApiRequest& request, HealthSampler& sampler)
{
    const std::size_t limit = historyLimit(request, sampler.settings().historySize);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const HealthSample& sample : sampler.history(limit)) {
        items->add(healthSampleJson(sample, false));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    addSamplerSettings(*body, sampler);
    body->set(std::string(wire::kItems), items);
    return ApiResponse::json(200, body);
}

} // namespace

void addHealthRoutes(Router& router, ReadinessProbe& readiness, HealthSampler& sampler)
{
    router.add({"GET", "/readyz", Permission::Public, [&readiness](ApiRequest&) { return readinessAnswer(readiness); }});
    router.add({"GET", "/api/v1/admin/health", Permission::HealthRead,
                [&sampler](ApiRequest&) { return currentHealth(sampler); }});
    router.add({"GET", "/api/v1/admin/health/history", Permission::HealthRead,
                [&sampler](ApiRequest& request) { return healthHistory(request, sampler); }});
}

} // namespace ileadx
