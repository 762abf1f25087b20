#pragma once

namespace ileadx {

class HealthSampler;
class ReadinessProbe;
class Router;

/// Adds GET /readyz for load balancers and the admin routes that read the health sampler's current
/// state and history. GET /healthz is served by LivenessRequestHandler.
void addHealthRoutes(Router& router, ReadinessProbe& readiness, HealthSampler& sampler);

} // namespace ileadx
