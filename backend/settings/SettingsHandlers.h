#pragma once

namespace ileadx {

class Router;
class SettingsService;

/// Adds GET and PUT /api/v1/admin/settings.
void addSettingsRoutes(Router& router, SettingsService& settings);

} // namespace ileadx
