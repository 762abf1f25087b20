#pragma once

#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>

struct ApiError;

/// Turns failed API calls into translated sentences for the user: network failures by their Qt
/// error code, server responses by their stable problem type (see shared/ProblemTypes.h).
class ProblemMessages final
{
    Q_DECLARE_TR_FUNCTIONS(ProblemMessages)

public:
    /// Returns the sentence to show for `error`. It names what failed and what to do next and never
    /// contains raw technical text, except for the server's own title when the problem type is unknown.
    static QString describe(const ApiError& error);

    /// Returns the sentence for a known problem type, or an empty string for a type this version of
    /// the console does not know.
    static QString messageForProblemType(const QString& type, const QString& requestId = {});

    /// Returns the sentence for a transfer that failed before any HTTP status arrived.
    static QString messageForNetworkError(QNetworkReply::NetworkError error);

private:
    static QString messageForHttpStatus(const ApiError& error);
};
