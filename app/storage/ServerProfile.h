#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

/// A server that the console signed in to, remembered to fill the sign-in form next time.
struct ServerProfile
{
    QUrl url;
    QString lastEmail;
    QDateTime lastUsedAt;
};
