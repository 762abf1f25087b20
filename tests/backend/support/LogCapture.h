#pragma once

#include <QByteArray>

#include <string>

namespace ileadx::test {

/// Sends this process's Poco log lines (level information and up) to a file in the folder named
/// by ILEADX_TEST_LOG_DIR, once per process; does nothing when the variable is unset. TestLogScan
/// reads those files after the other suites and fails on any secret or unmasked address in them.
void captureServerLogs();

/// Notes a secret the test used or received (a password or a token), so TestLogScan can check
/// that no log line contains it. Does nothing when ILEADX_TEST_LOG_DIR is unset.
void recordSecret(const std::string& secret);

/// Stores the standard error of a server process a test ran, for the same scan.
void keepProcessLog(const QByteArray& standardError);

} // namespace ileadx::test
