#include "searches/SearchHandlers.h"

#include "http/ApiException.h"
#include "http/ApiRequest.h"
#include "http/Pagination.h"
#include "http/Router.h"
#include "searches/LeadExport.h"
#include "searches/SearchJson.h"
#include "searches/SearchRepository.h"
#include "searches/SearchService.h"
#include "shared/WireNames.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

namespace ileadx {

namespace {

// Leads read from the database per batch of an export; the batch bounds the export's memory.
constexpr int kExportBatchSize = 1000;

// Splits a cursor "NUMBER:ID"; throws the invalid-cursor 400 for any other shape.
std::pair<Poco::Int64, std::string> numberAndId(const std::string& plain)
{
    const std::size_t colon = plain.find(':');
    Poco::Int64 number = 0;
    if (colon == std::string::npos || colon + 1 >= plain.size() ||
        !Poco::NumberParser::tryParse64(plain.substr(0, colon), number)) {
        pagination::throwInvalidCursor();
    }
    return {number, plain.substr(colon + 1)};
}

std::optional<SearchCursor> searchCursor(const ApiRequest& request)
{
    const std::string plain = pagination::cursorText(request);
    if (plain.empty()) {
        return std::nullopt;
    }
    const auto [createdAt, id] = numberAndId(plain);
    return SearchCursor{createdAt, id};
}

std::optional<LeadCursor> leadCursor(const ApiRequest& request)
{
    const std::string plain = pagination::cursorText(request);
    if (plain.empty()) {
        return std::nullopt;
    }
    const auto [score, id] = numberAndId(plain);
    return LeadCursor{static_cast<int>(score), id};
}

std::optional<bool> booleanParameter(const ApiRequest& request, const std::string& name)
{
    const std::optional<std::string> text = request.queryParameter(name);
    if (!text) {
        return std::nullopt;
    }
    if (*text != "true" && *text != "false") {
        throw invalidRequest("'" + name + "' must be true or false.");
    }
    return *text == "true";
}

LeadFilter leadFilter(const ApiRequest& request)
{
    LeadFilter filter;
    if (const std::optional<std::string> text = request.queryParameter("min_score")) {
        int score = 0;
        if (!Poco::NumberParser::tryParse(*text, score) || score < 0 || score > 100) {
            throw invalidRequest("'min_score' must be a whole number from 0 to 100.");
        }
        filter.minScore = score;
    }
    filter.hasEmail = booleanParameter(request, "has_email");
    filter.hasPhone = booleanParameter(request, "has_phone");
    return filter;
}

SearchFilter adminSearchFilter(const ApiRequest& request)
{
    SearchFilter filter;
    if (const std::optional<std::string> text = request.queryParameter("user_id")) {
        if (text->empty() || text->size() > 64) {
            throw invalidRequest("'user_id' must be an account id.");
        }
        filter.userId = *text;
    }
    if (const std::optional<std::string> text = request.queryParameter("status")) {
        filter.status = parseSearchStatus(*text);
        if (!filter.status) {
            throw invalidRequest("'status' must be queued, running, completed, failed or cancelled.");
        }
    }
    return filter;
}

Poco::JSON::Object::Ptr page(const Poco::JSON::Array::Ptr& items, const std::optional<std::string>& nextCursor)
{
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set(std::string(wire::kItems), items);
    body->set(std::string(wire::kNextCursor), nextCursor ? Poco::Dynamic::Var(*nextCursor) : Poco::Dynamic::Var());
    return body;
}

ApiResponse searchPage(std::vector<SearchRecord> searches, int limit, bool withOwner)
{
    const bool hasMore = pagination::trimToPage(searches, limit);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const SearchRecord& search : searches) {
        items->add(searchToJson(search, withOwner));
    }
    std::optional<std::string> next;
    if (hasMore) {
        next = pagination::encodeCursor(std::to_string(searches.back().createdAt) + ':' + searches.back().id);
    }
    return ApiResponse::json(200, page(items, next));
}

ApiResponse createSearch(ApiRequest& request, SearchService& service)
{
    const NewSearch fields = parseNewSearch(request.jsonObject(), service.configuredProviders());
    const SearchRecord search = service.create(request.claims(), fields);
    ApiResponse response = ApiResponse::json(202, searchToJson(search));
    response.headers.emplace_back("Location", "/api/v1/searches/" + search.id);
    return response;
}

ApiResponse listLeads(ApiRequest& request, SearchService& service, SearchRepository& searches)
{
    const int limit = pagination::pageSize(request);
    const LeadFilter filter = leadFilter(request);
    const std::optional<LeadCursor> cursor = leadCursor(request);
    const SearchRecord search = service.findOwn(request.claims(), request.pathParameter("id"));

    std::vector<LeadRecord> leads = searches.listLeads(search.id, filter, limit + 1, cursor);
    const bool hasMore = pagination::trimToPage(leads, limit);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const LeadRecord& lead : leads) {
        items->add(leadToJson(lead));
    }
    std::optional<std::string> next;
    if (hasMore) {
        next = pagination::encodeCursor(std::to_string(leads.back().score) + ':' + leads.back().id);
    }
    Poco::JSON::Object::Ptr body = page(items, next);
    body->set("search", searchToJson(search));
    return ApiResponse::json(200, body);
}

ApiResponse exportLeads(ApiRequest& request, SearchService& service, SearchRepository& searches)
{
    const std::optional<leadexport::Format> format =
        leadexport::parseFormat(request.queryParameter("format").value_or("csv"));
    if (!format) {
        throw invalidRequest("'format' must be csv or json.");
    }
    const bool byteOrderMark = booleanParameter(request, "bom").value_or(false);
    const LeadFilter filter = leadFilter(request);
    const SearchRecord search = service.startExport(request.claims(), request.pathParameter("id"));

    const leadexport::BatchSource source = [&searches, id = search.id, filter](const std::optional<LeadCursor>& cursor) {
        return searches.listLeads(id, filter, kExportBatchSize, cursor);
    };
    ApiResponse response;
    if (*format == leadexport::Format::Csv) {
        response = ApiResponse::streamed(200, "text/csv; charset=utf-8; header=present",
                                         [source, byteOrderMark](std::ostream& out) {
                                             leadexport::writeCsv(out, source, byteOrderMark);
                                         });
    } else {
        response = ApiResponse::streamed(200, "application/json", [source, search](std::ostream& out) {
            leadexport::writeJson(out, search, source);
        });
    }
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + leadexport::fileName(search, *format) + "\"");
    return response;
}

ApiResponse diagnostics(ApiRequest& request, SearchService& service, SearchRepository& searches)
{
    const SearchRecord search = service.findAny(request.pathParameter("id"));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("search", searchToJson(search, true));
    const std::optional<std::string> text = searches.diagnostics(search.id);
    if (text) {
        Poco::JSON::Parser parser;
        body->set("diagnostics", parser.parse(*text));
    } else {
        body->set("diagnostics", Poco::Dynamic::Var());
    }
    return ApiResponse::json(200, body);
}

} // namespace

void addSearchRoutes(Router& router, SearchService& service, SearchRepository& searches)
{
    router.add({"POST", "/api/v1/searches", Permission::SearchesOwn,
                [&service](ApiRequest& request) { return createSearch(request, service); }, "search"});
    router.add({"GET", "/api/v1/searches", Permission::SearchesOwn, [&service](ApiRequest& request) {
                    const int limit = pagination::pageSize(request);
                    return searchPage(service.listOwn(request.claims(), limit + 1, searchCursor(request)), limit, false);
                }});
    router.add({"GET", "/api/v1/searches/{id}", Permission::SearchesOwn, [&service](ApiRequest& request) {
                    return ApiResponse::json(200, searchToJson(service.findOwn(request.claims(), request.pathParameter("id"))));
                }});
    router.add({"DELETE", "/api/v1/searches/{id}", Permission::SearchesOwn, [&service](ApiRequest& request) {
                    return ApiResponse::json(200, searchToJson(service.cancel(request.claims(), request.pathParameter("id"))));
                }});
    router.add({"GET", "/api/v1/searches/{id}/leads", Permission::SearchesOwn,
                [&service, &searches](ApiRequest& request) { return listLeads(request, service, searches); }});
    router.add({"GET", "/api/v1/searches/{id}/export", Permission::SearchesOwn,
                [&service, &searches](ApiRequest& request) { return exportLeads(request, service, searches); },
                "export"});

    router.add({"GET", "/api/v1/admin/searches", Permission::SearchesReadAll, [&searches](ApiRequest& request) {
                    const int limit = pagination::pageSize(request);
                    const SearchFilter filter = adminSearchFilter(request);
                    return searchPage(searches.list(filter, limit + 1, searchCursor(request)), limit, true);
                }});
    router.add({"GET", "/api/v1/admin/searches/{id}/diagnostics", Permission::SearchesReadAll,
                [&service, &searches](ApiRequest& request) { return diagnostics(request, service, searches); }});
}

} // namespace ileadx
