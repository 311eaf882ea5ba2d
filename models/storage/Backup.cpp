#include "Backup.h"

#include "Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>

namespace Touchline {

namespace {

const QString timeFormat = QStringLiteral("yyyy-MM-dd-HHmmss");
const QString suffix = QStringLiteral(".touchline");
const QString partSuffix = QStringLiteral(".part");

// When others write so often that the copy keeps starting over, the rest is
// copied in one step, holding off writers for that long, so that it ends.
constexpr int restartsBeforeOneStep = 3;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

// Closes the copy and removes it with its journal unless it was finished.
class PartFile
{
public:
    explicit PartFile(const QString &path)
        : m_path(path)
    {
    }
    ~PartFile()
    {
        close();
        if (!m_kept) {
            QFile::remove(m_path);
            QFile::remove(m_path + QStringLiteral("-journal"));
        }
    }
    PartFile(const PartFile &) = delete;
    PartFile &operator=(const PartFile &) = delete;

    int open()
    {
        return sqlite3_open_v2(QFile::encodeName(m_path).constData(), &m_handle,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    }
    sqlite3 *handle() const { return m_handle; }
    int close()
    {
        const int rc = sqlite3_close(m_handle);
        m_handle = nullptr;
        return rc;
    }
    void keep() { m_kept = true; }

private:
    QString m_path;
    sqlite3 *m_handle = nullptr;
    bool m_kept = false;
};

Error copyError(int code, const QString &source, const QString &target)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Error::Kind::Busy,
            Backup::tr("%1 is busy: another user or program kept it locked for more than %2 "
                       "seconds while it was being backed up. Try again in a moment.")
                .arg(shown(source))
                .arg(Database::busyTimeoutMs / 1000)};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {Error::Kind::Corrupt,
            Backup::tr("Cannot back up %1: it is damaged (%2).")
                .arg(shown(source), QString::fromUtf8(sqlite3_errstr(code)))};
    default:
        return {Error::Kind::Io,
            Backup::tr("Cannot back up %1 to %2: %3.")
                .arg(shown(source), shown(target), QString::fromUtf8(sqlite3_errstr(code)))};
    }
}

bool checkFolder(const QString &source, const QString &folder, Error *error)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return fail(error, Error::Kind::NotFound,
            Backup::tr("Cannot back up %1: the folder %2 does not exist.")
                .arg(shown(source), shown(folder)));
    if (!info.isDir())
        return fail(error, Error::Kind::Invalid,
            Backup::tr("Cannot back up %1: %2 is not a folder.").arg(shown(source), shown(folder)));
    if (!info.isWritable())
        return fail(error, Error::Kind::ReadOnly,
            Backup::tr("Cannot back up %1: you may not write to the folder %2.")
                .arg(shown(source), shown(folder)));
    return true;
}

// The first name in `folder` that neither a backup nor a backup being written has.
QString freeName(const QDir &folder, const QString &source, const QDateTime &madeAt)
{
    for (int copy = 1;; ++copy) {
        const QString path = folder.filePath(Backup::fileName(source, madeAt, copy));
        if (!QFileInfo::exists(path) && !QFileInfo::exists(path + partSuffix))
            return path;
    }
}

} // namespace

QString Backup::fileName(const QString &databasePath, const QDateTime &madeAt, int copy)
{
    QString name = QFileInfo(databasePath).completeBaseName() + QStringLiteral("-backup-")
        + madeAt.toString(timeFormat);
    if (copy > 1)
        name += QStringLiteral("-%1").arg(copy);
    return name + suffix;
}

Backup::Result Backup::make(const Database &db, const QString &folder, QString *backupPath,
    Error *error, const Progress &progress)
{
    const QString source = db.path();
    const QDir target(folder.isEmpty() ? QFileInfo(source).absolutePath() : folder);
    if (!checkFolder(source, target.absolutePath(), error))
        return Result::Failed;
    sqlite3 *sourceHandle = db.handle();
    if (!sourceHandle) {
        fail(error, Error::Kind::Io,
            tr("Cannot back up %1: the file is not open in SQLite.").arg(shown(source)));
        return Result::Failed;
    }

    const QString finalPath = freeName(target, source, QDateTime::currentDateTime());
    PartFile part(finalPath + partSuffix);
    if (const int rc = part.open(); rc != SQLITE_OK) {
        const Error e = copyError(rc, source, finalPath);
        fail(error, e.kind, e.message);
        return Result::Failed;
    }
    sqlite3_backup *backup = sqlite3_backup_init(part.handle(), "main", sourceHandle, "main");
    if (!backup) {
        const Error e = copyError(sqlite3_errcode(part.handle()), source, finalPath);
        fail(error, e.kind, e.message);
        return Result::Failed;
    }

    int step = pagesPerStep;
    int restarts = 0;
    int lastRemaining = -1;
    int rc = SQLITE_OK;
    bool cancelled = false;
    while (rc == SQLITE_OK) {
        rc = sqlite3_backup_step(backup, step);
        const int remaining = sqlite3_backup_remaining(backup);
        // Another connection wrote to the file: the copy started over.
        if (rc == SQLITE_OK && lastRemaining >= 0 && remaining > lastRemaining
            && ++restarts >= restartsBeforeOneStep)
            step = -1;
        lastRemaining = remaining;
        if (rc == SQLITE_OK && progress) {
            const int total = sqlite3_backup_pagecount(backup);
            cancelled = !progress(total - remaining, total);
            if (cancelled)
                break;
        }
    }
    sqlite3_backup_finish(backup);
    if (cancelled)
        return Result::Cancelled;
    if (rc != SQLITE_DONE) {
        const Error e = copyError(rc, source, finalPath);
        fail(error, e.kind, e.message);
        return Result::Failed;
    }
    // A copy of a file in WAL mode would need its -wal and -shm files next to
    // it; a backup is one file.
    rc = sqlite3_exec(part.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        rc = part.close();
    if (rc != SQLITE_OK) {
        const Error e = copyError(rc, source, finalPath);
        fail(error, e.kind, e.message);
        return Result::Failed;
    }
    // rename() refuses to replace a file someone made meanwhile.
    if (!QFile::rename(finalPath + partSuffix, finalPath)) {
        fail(error, Error::Kind::Io,
            tr("Cannot back up %1: the copy could not be named %2.")
                .arg(shown(source), shown(finalPath)));
        return Result::Failed;
    }
    part.keep();
    if (backupPath)
        *backupPath = finalPath;
    return Result::Finished;
}

QList<BackupFile> Backup::list(const QString &databasePath, const QString &folder)
{
    const QFileInfo database(databasePath);
    const QDir dir(folder.isEmpty() ? database.absolutePath() : folder);
    const QRegularExpression pattern(
        QStringLiteral("^%1-backup-(\\d{4}-\\d{2}-\\d{2}-\\d{6})"
                       "(?:-(\\d+))?%2$")
            .arg(QRegularExpression::escape(database.completeBaseName()),
                QRegularExpression::escape(suffix)));
    struct Found
    {
        BackupFile file;
        int copy;
    };
    QList<Found> found;
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        const QRegularExpressionMatch match = pattern.match(entry.fileName());
        if (!match.hasMatch())
            continue;
        const QDateTime madeAt = QDateTime::fromString(match.captured(1), timeFormat);
        if (!madeAt.isValid())
            continue;
        const int copy = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
        found.append({{entry.absoluteFilePath(), madeAt}, copy});
    }
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        return a.file.madeAt != b.file.madeAt ? a.file.madeAt > b.file.madeAt : a.copy > b.copy;
    });
    QList<BackupFile> result;
    result.reserve(found.size());
    for (const Found &f : std::as_const(found))
        result.append(f.file);
    return result;
}

std::optional<BackupFile> Backup::latest(const QString &databasePath, const QString &folder)
{
    const QList<BackupFile> backups = list(databasePath, folder);
    if (backups.isEmpty())
        return std::nullopt;
    return backups.first();
}

} // namespace Touchline
