#include "searches/SearchRecord.h"

#include <array>
#include <utility>

namespace ileadx {

namespace {

constexpr std::array<std::pair<SearchStatus, std::string_view>, 5> kNames{{
    {SearchStatus::Queued, "queued"},
    {SearchStatus::Running, "running"},
    {SearchStatus::Completed, "completed"},
    {SearchStatus::Failed, "failed"},
    {SearchStatus::Cancelled, "cancelled"},
}};

} // namespace

std::string_view searchStatusName(SearchStatus status)
{
    for (const auto& [value, name] : kNames) {
        if (value == status) {
            return name;
        }
    }
    return "failed";
}

std::optional<SearchStatus> parseSearchStatus(std::string_view name)
{
    for (const auto& [value, text] : kNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

bool isFinished(SearchStatus status)
{
    return status == SearchStatus::Completed || status == SearchStatus::Failed || status == SearchStatus::Cancelled;
}

} // namespace ileadx
