#include "searches/SearchWorkerPool.h"

#include "logging/LogEvent.h"
#include "searches/SearchRepository.h"
#include "searches/SearchRunner.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace ileadx {

namespace {

Poco::Logger& searchLog()
{
    return Poco::Logger::get("ileadx.searches");
}

} // namespace

SearchWorkerPool::SearchWorkerPool(SearchRepository& searches, SearchRunner& runner, Settings settings)
    : m_searches(searches)
    , m_runner(runner)
    , m_settings(settings)
{
}

SearchWorkerPool::~SearchWorkerPool()
{
    stop();
}

void SearchWorkerPool::start()
{
    std::lock_guard lock(m_mutex);
    if (!m_threads.empty()) {
        return;
    }
    // NOTE: with several servers on one database this also re-queues the jobs the other servers
    // are running; recovery assumes one server per database.
    const auto [requeued, failed] = m_searches.recoverInterrupted(m_settings.maxAttempts, nowMillis());
    if (requeued > 0 || failed > 0) {
        searchLog().warning("recovered searches interrupted by a stop: %d queued again, %d failed after %d attempts",
                            requeued, failed, m_settings.maxAttempts);
    }
    m_stopping = false;
    m_stopRequested = false;
    m_lastPollMillis = nowMillis();
    for (int index = 0; index < m_settings.workers; ++index) {
        m_threads.emplace_back([this] { workLoop(); });
    }
    searchLog().information("search worker pool started with %d workers", m_settings.workers);
}

void SearchWorkerPool::stop()
{
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        if (m_threads.empty()) {
            return;
        }
        m_stopping = true;
        m_stopRequested = true;
        threads.swap(m_threads);
    }
    m_wakeup.notify_all();
    for (std::thread& thread : threads) {
        thread.join();
    }
    searchLog().information("search worker pool stopped");
}

void SearchWorkerPool::wake()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_wakeups;
    }
    m_wakeup.notify_one();
}

void SearchWorkerPool::cancel(const std::string& searchId)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_cancelFlags.find(searchId);
    if (found != m_cancelFlags.end()) {
        found->second->store(true);
    }
}

int SearchWorkerPool::runningJobs() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_cancelFlags.size());
}

WorkStatus SearchWorkerPool::status() const
{
    WorkStatus result;
    {
        std::lock_guard lock(m_mutex);
        result.workers = static_cast<int>(m_threads.size());
        result.busy = static_cast<int>(m_cancelFlags.size());
    }
    const std::int64_t silentMillis = nowMillis() - m_lastPollMillis.load();
    // Workers busy with long searches do not poll, so only a pool with an idle worker can stall.
    result.stalled = result.workers > 0 && result.busy < result.workers &&
                     silentMillis > 3 * m_settings.pollInterval.count();
    return result;
}

void SearchWorkerPool::workLoop()
{
    while (!m_stopRequested) {
        m_lastPollMillis = nowMillis();
        std::optional<SearchRecord> search;
        try {
            search = m_searches.claimNextQueued(nowMillis());
        } catch (const std::exception& error) {
            // Any exception here would end the thread and the process, and a busy database
            // (ServiceBusyException) is expected under load, so the worker tries again later.
            searchLog().error("claiming a queued search failed: %s", errorText(error));
        }
        if (search) {
            runJob(*search);
            continue;
        }
        std::unique_lock lock(m_mutex);
        m_wakeup.wait_for(lock, m_settings.pollInterval, [this] { return m_stopping || m_wakeups > 0; });
        if (m_wakeups > 0) {
            --m_wakeups;
        }
    }
}

void SearchWorkerPool::runJob(const SearchRecord& search)
{
    auto flag = std::make_shared<std::atomic<bool>>(false);
    {
        std::lock_guard lock(m_mutex);
        m_cancelFlags[search.id] = flag;
    }
    const auto cancelled = [this, flag] { return flag->load() || m_stopRequested.load(); };
    searchLog().information("search %s started (attempt %d)", search.id, search.attempts);

    SearchRunResult result;
    try {
        result = m_runner.run(search, cancelled);
    } catch (const std::exception& error) {
        searchLog().error("search %s failed: %s", search.id, errorText(error));
        result.status = SearchStatus::Failed;
        result.reason = "The search failed because of an internal error.";
    }
    {
        std::lock_guard lock(m_mutex);
        m_cancelFlags.erase(search.id);
    }

    try {
        if (!result.diagnosticsJson.empty()) {
            m_searches.saveDiagnostics(search.id, result.diagnosticsJson);
        }
        if (result.status == SearchStatus::Cancelled && !flag->load()) {
            // The server is stopping: the row stays "running" and the next start resumes it.
            searchLog().information("search %s interrupted by the server stop", search.id);
            return;
        }
        if (result.status != SearchStatus::Cancelled) {
            m_searches.finish(search.id, result.status, result.reason, nowMillis());
        }
        searchLog().information("search %s ended: %s", search.id, std::string(searchStatusName(result.status)));
    } catch (const std::exception& error) {
        searchLog().error("storing the end of search %s failed: %s", search.id, errorText(error));
    }
}

} // namespace ileadx
