#pragma once

#include <QByteArray>
#include <QStringList>

namespace Touchline::AppSettings {

// The one place that names the QSettings keys of the desktop app.
QStringList recentFiles();
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);
constexpr int maxRecentFiles = 8;

QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState();
void setWindowState(const QByteArray &state);
QByteArray prospectHeaderState();
void setProspectHeaderState(const QByteArray &state);

QByteArray splitterState();
void setSplitterState(const QByteArray &state);

bool timelineNewestFirst();
void setTimelineNewestFirst(bool newestFirst);

// The dashboard's "settled after" days; `fallback` until the user picks some.
int settlingDays(int fallback);
void setSettlingDays(int days);

// The prospect table's owner filter. A user is kept by name: ids differ
// between files, names mean the same teammate in each.
enum class OwnerFilter { Everyone, Mine, User };
OwnerFilter prospectOwnerFilter(QString *userName);
void setProspectOwnerFilter(OwnerFilter filter, const QString &userName = QString());

// The name touches are logged under: the login name until the user sets one.
QString userName();
// Whether the user has chosen a name; first start asks until they do.
bool hasUserName();
void setUserName(const QString &name);

// The user's booking page, for the {{scheduling_link}} placeholder; empty until set.
QString schedulingLink();
void setSchedulingLink(const QString &link);

// The folders the last import read from and the last export wrote to; the
// user's documents folder until then.
QString importFolder();
void setImportFolder(const QString &folder);
QString exportFolder();
void setExportFolder(const QString &folder);

} // namespace Touchline::AppSettings
