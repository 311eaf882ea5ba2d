#include "AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Touchline::AppSettings {

namespace {

const QString recentFilesKey = QStringLiteral("files/recent");
const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString prospectHeaderKey = QStringLiteral("prospects/header");
const QString splitterKey = QStringLiteral("window/splitter");
const QString newestFirstKey = QStringLiteral("timeline/newestFirst");
const QString settlingDaysKey = QStringLiteral("dashboard/settlingDays");
const QString ownerFilterKey = QStringLiteral("prospects/ownerFilter");
const QString ownerFilterUserKey = QStringLiteral("prospects/ownerFilterUser");
const QString userNameKey = QStringLiteral("user/name");
const QString schedulingLinkKey = QStringLiteral("user/schedulingLink");
const QString importFolderKey = QStringLiteral("files/importFolder");
const QString exportFolderKey = QStringLiteral("files/exportFolder");

QByteArray bytes(const QString &key)
{
    return QSettings().value(key).toByteArray();
}

void setBytes(const QString &key, const QByteArray &value)
{
    QSettings().setValue(key, value);
}

QString savedFolder(const QString &key)
{
    const QString saved = QSettings().value(key).toString();
    if (!saved.isEmpty() && QFileInfo(saved).isDir())
        return saved;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

} // namespace

QStringList recentFiles()
{
    return QSettings().value(recentFilesKey).toStringList();
}

void addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentFilesKey, files);
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(recentFilesKey, files);
}

QByteArray windowGeometry()
{
    return bytes(geometryKey);
}

void setWindowGeometry(const QByteArray &geometry)
{
    setBytes(geometryKey, geometry);
}

QByteArray windowState()
{
    return bytes(stateKey);
}

void setWindowState(const QByteArray &state)
{
    setBytes(stateKey, state);
}

QByteArray prospectHeaderState()
{
    return bytes(prospectHeaderKey);
}

void setProspectHeaderState(const QByteArray &state)
{
    setBytes(prospectHeaderKey, state);
}

QByteArray splitterState()
{
    return bytes(splitterKey);
}

void setSplitterState(const QByteArray &state)
{
    setBytes(splitterKey, state);
}

bool timelineNewestFirst()
{
    return QSettings().value(newestFirstKey, true).toBool();
}

void setTimelineNewestFirst(bool newestFirst)
{
    QSettings().setValue(newestFirstKey, newestFirst);
}

int settlingDays(int fallback)
{
    bool ok = false;
    const int days = QSettings().value(settlingDaysKey).toInt(&ok);
    return ok && days > 0 ? days : fallback;
}

void setSettlingDays(int days)
{
    QSettings().setValue(settlingDaysKey, days);
}

OwnerFilter prospectOwnerFilter(QString *userName)
{
    const QSettings settings;
    const QString filter = settings.value(ownerFilterKey).toString();
    *userName = settings.value(ownerFilterUserKey).toString();
    if (filter == QLatin1String("mine"))
        return OwnerFilter::Mine;
    return filter == QLatin1String("user") && !userName->isEmpty() ? OwnerFilter::User
                                                                   : OwnerFilter::Everyone;
}

void setProspectOwnerFilter(OwnerFilter filter, const QString &userName)
{
    QSettings settings;
    settings.setValue(ownerFilterKey,
        filter == OwnerFilter::Mine       ? QStringLiteral("mine")
            : filter == OwnerFilter::User ? QStringLiteral("user")
                                          : QStringLiteral("everyone"));
    settings.setValue(ownerFilterUserKey, filter == OwnerFilter::User ? userName : QString());
}

QString userName()
{
    if (hasUserName())
        return QSettings().value(userNameKey).toString().trimmed();
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")).trimmed();
    return login.isEmpty() ? QDir::home().dirName() : login;
}

bool hasUserName()
{
    return !QSettings().value(userNameKey).toString().trimmed().isEmpty();
}

void setUserName(const QString &name)
{
    QSettings().setValue(userNameKey, name.trimmed());
}

QString schedulingLink()
{
    return QSettings().value(schedulingLinkKey).toString().trimmed();
}

void setSchedulingLink(const QString &link)
{
    QSettings().setValue(schedulingLinkKey, link.trimmed());
}

QString importFolder()
{
    return savedFolder(importFolderKey);
}

void setImportFolder(const QString &folder)
{
    QSettings().setValue(importFolderKey, folder);
}

QString exportFolder()
{
    return savedFolder(exportFolderKey);
}

void setExportFolder(const QString &folder)
{
    QSettings().setValue(exportFolderKey, folder);
}

} // namespace Touchline::AppSettings
