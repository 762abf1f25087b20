#pragma once

#include "health/WorkStatus.h"
#include "searches/SearchRecord.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ileadx {

class SearchRepository;
class SearchRunner;

/// A fixed number of threads that claim queued searches from the database and run them. The
/// queue is the `searches` table itself, so jobs survive a restart: start() re-queues the jobs a
/// stopped server left running, or fails those already interrupted `maxAttempts` times.
class SearchWorkerPool final
{
public:
    struct Settings
    {
        int workers = 2;
        int maxAttempts = 2;
        /// How often idle workers look for queued jobs that wake() did not announce, such as jobs
        /// queued by another server on the same database.
        std::chrono::milliseconds pollInterval{2000};
    };

    SearchWorkerPool(SearchRepository& searches, SearchRunner& runner, Settings settings);
    ~SearchWorkerPool();
    SearchWorkerPool(const SearchWorkerPool&) = delete;
    SearchWorkerPool& operator=(const SearchWorkerPool&) = delete;

    /// Recovers interrupted jobs and starts the threads.
    void start();

    /// Asks running jobs to stop and waits for the threads. Jobs stopped this way stay "running"
    /// in the database, so the next start() resumes them.
    void stop();

    /// Wakes an idle worker because a job was queued.
    void wake();

    /// Asks the job running `searchId` in this process, if any, to stop.
    void cancel(const std::string& searchId);

    /// Jobs running in this process now.
    int runningJobs() const;

    /// Returns the number of threads, how many run a job, and whether the idle ones stopped
    /// polling the queue for longer than three poll intervals.
    WorkStatus status() const;

private:
    void workLoop();
    void runJob(const SearchRecord& search);

    SearchRepository& m_searches;
    SearchRunner& m_runner;
    Settings m_settings;

    mutable std::mutex m_mutex;
    std::condition_variable m_wakeup;
    bool m_stopping = false;
    int m_wakeups = 0;
    std::map<std::string, std::shared_ptr<std::atomic<bool>>> m_cancelFlags;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<std::int64_t> m_lastPollMillis{0}; ///< when an idle worker last looked for a job
};

} // namespace ileadx
