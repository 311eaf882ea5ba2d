#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Touchline {

class Database;

// A backup of a Touchline file found in a folder.
struct BackupFile
{
    QString path;
    QDateTime madeAt; // local time, read from the name
};

// Consistent copies of a Touchline file, named after the file and the local time
// they were made: "prospects-backup-2026-03-01-174502.touchline" for
// prospects.touchline, with "-2", "-3"... added when that name is taken.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Backup)
public:
    enum class Result { Finished, Cancelled, Failed };
    // Told how many pages are copied of how many after each step; false cancels.
    using Progress = std::function<bool(qint64 copied, qint64 total)>;

    // Pages copied per step. The file is locked against writers only during a
    // step (a few milliseconds), so teammates keep working during a long copy.
    static constexpr int pagesPerStep = 1024;

    // Copies the file `db` has open into `folder` (the file's own folder when
    // empty) with SQLite's online backup, on `db`'s connection, which may be
    // read-only. The copy is written under a temporary name and renamed when
    // complete, so a failed or cancelled backup leaves no file, and an existing
    // file is never overwritten. On success `backupPath` holds the new file.
    static Result make(const Database &db, const QString &folder, QString *backupPath, Error *error,
        const Progress &progress = {});

    // The name of a backup of `databasePath` made at `madeAt`; `copy` > 1 tells
    // apart backups made within the same second.
    static QString fileName(const QString &databasePath, const QDateTime &madeAt, int copy = 1);

    // The backups of `databasePath` in `folder` (its own folder when empty),
    // newest first. Files with other names are ignored.
    static QList<BackupFile> list(const QString &databasePath, const QString &folder = QString());
    static std::optional<BackupFile> latest(
        const QString &databasePath, const QString &folder = QString());
};

} // namespace Touchline
