#pragma once

namespace ileadx {

class Router;
class SearchRepository;
class SearchService;

/// Adds the customer routes under /api/v1/searches and the admin routes under
/// /api/v1/admin/searches.
void addSearchRoutes(Router& router, SearchService& service, SearchRepository& searches);

} // namespace ileadx
