#include "Exporter.h"

#include "ICalendar.h"
#include "VCard.h"
#include "domain/Csv.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QDir>
#include <QSaveFile>

namespace Touchline {

namespace {

// Prospects are read this many at a time, so that an export of any size needs
// little memory and few queries.
constexpr qsizetype pageSize = 1000;

// Keys, not translated: another Touchline reads them back whatever its language.
const QVariantList prospectHeader = {
    QStringLiteral("first_name"),
    QStringLiteral("last_name"),
    QStringLiteral("company"),
    QStringLiteral("title"),
    QStringLiteral("email"),
    QStringLiteral("phone"),
    QStringLiteral("linkedin_url"),
    QStringLiteral("owner"),
    QStringLiteral("status"),
    QStringLiteral("time_zone"),
    QStringLiteral("created_at"),
    QStringLiteral("last_touch_at"),
    QStringLiteral("next_due_at"),
    QStringLiteral("touch_count"),
};

const QVariantList touchHeader = {
    QStringLiteral("prospect_email"),
    QStringLiteral("prospect_linkedin_url"),
    QStringLiteral("prospect_name"),
    QStringLiteral("channel"),
    QStringLiteral("direction"),
    QStringLiteral("outcome"),
    QStringLiteral("occurred_at"),
    QStringLiteral("touch_number"),
    QStringLiteral("notes"),
    QStringLiteral("author"),
};

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

QVariantList prospectRecord(const Prospect &p)
{
    return {p.firstName, p.lastName, p.company, p.title, p.email, p.phone, p.linkedInUrl,
        p.ownerName, statusKey(p.status), p.timeZone, timeOrNull(p.createdAt),
        timeOrNull(p.lastTouchAt), timeOrNull(p.nextDueAt), p.touchCount};
}

QVariantList touchRecord(const ExportedTouch &exported)
{
    const Touch &t = exported.touch;
    return {exported.prospectEmail, exported.prospectLinkedInUrl, exported.prospectName,
        channelKey(t.channel), directionKey(t.direction), outcomeKey(t.outcome),
        timeOrNull(t.occurredAt), t.touchNumber ? QVariant(t.touchNumber) : QVariant(), t.notes,
        t.authorName};
}

// The prospects to export: these ids, or every prospect, the oldest first (an
// import adds them in this order, so that exporting its file again gives the
// same rows in the same order).
bool prospectIdsToExport(const ProspectRepository &repository, const QList<qint64> &ids,
    QList<qint64> *result, Error *error)
{
    if (!ids.isEmpty()) {
        *result = ids;
        return true;
    }
    ProspectQuery all;
    all.sortOrder = Qt::AscendingOrder;
    return repository.ids(all, result, error);
}

// Calls `use` with the prospects a page at a time and the count used so far;
// stops when it returns false.
bool forEachPage(const ProspectRepository &repository, const QList<qint64> &ids,
    const std::function<bool(const QList<Prospect> &, qsizetype used)> &use, Error *error)
{
    QList<Prospect> prospects;
    for (qsizetype start = 0; start < ids.size(); start += pageSize) {
        if (!repository.fetch(ids.mid(start, pageSize), &prospects, error)
            || !use(prospects, std::min(ids.size(), start + pageSize)))
            return false;
    }
    return true;
}

// Touches are reported every this many, which costs nothing next to writing them.
constexpr int touchesPerReport = 1000;

bool writeText(QIODevice *device, const QString &text, Error *error)
{
    const QByteArray bytes = text.toUtf8();
    if (device->write(bytes) == bytes.size())
        return true;
    return fail(error, Error::Kind::Io, device->errorString());
}

} // namespace

Exporter::Exporter(Database &db)
    : m_db(db)
{
}

bool Exporter::report(qint64 done, qint64 total, Error *error) const
{
    if (!m_progress || m_progress(done, total))
        return true;
    return fail(
        error, Error::Kind::Cancelled, tr("The export was cancelled; nothing was written."));
}

bool Exporter::save(
    const QString &path, const std::function<bool(QIODevice *, Error *)> &write, Error *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            error, Error::Kind::Io, tr("Cannot write %1: %2").arg(shown, file.errorString()));
    Error writeError;
    // Without commit(), QSaveFile removes its temporary file: the target stays as it was.
    if (!write(&file, &writeError)) {
        if (error) {
            *error = writeError;
            if (writeError.kind == Error::Kind::Io)
                error->message = tr("Cannot write %1: %2").arg(shown, writeError.message);
        }
        return false;
    }
    if (!file.commit())
        return fail(
            error, Error::Kind::Io, tr("Cannot write %1: %2").arg(shown, file.errorString()));
    return true;
}

bool Exporter::prospectsCsv(const QString &path, const QList<qint64> &prospectIds, Error *error)
{
    return saveProspects(
        path, prospectIds, Csv::record(prospectHeader),
        [](const QList<Prospect> &prospects) {
            QString text;
            for (const Prospect &prospect : prospects)
                text += Csv::record(prospectRecord(prospect));
            return text;
        },
        error);
}

bool Exporter::touchesCsv(
    const QString &path, const QList<qint64> &prospectIds, Error *error, int *written)
{
    const TouchRepository touches(m_db);
    qint64 total = 0;
    // Counted only for a progress report: it costs a pass over the index.
    if (m_progress && !touches.countForExport(prospectIds, &total, error))
        return false;
    int count = 0;
    const bool saved = save(
        path,
        [&](QIODevice *device, Error *writeError) {
            if (!writeText(device, Csv::record(touchHeader), writeError))
                return false;
            bool ok = true;
            const bool read = touches.forExport(
                prospectIds,
                [&](const ExportedTouch &exported) {
                    ok = writeText(device, Csv::record(touchRecord(exported)), writeError);
                    count += ok ? 1 : 0;
                    if (ok && count % touchesPerReport == 0)
                        ok = report(count, total, writeError);
                    return ok;
                },
                writeError);
            return read && ok && report(count, total, writeError);
        },
        error);
    if (saved && written)
        *written = count;
    return saved;
}

bool Exporter::vCards(const QString &path, const QList<qint64> &prospectIds, Error *error)
{
    return saveProspects(path, prospectIds, QString(), VCard::write, error);
}

bool Exporter::saveProspects(const QString &path, const QList<qint64> &prospectIds,
    const QString &header, const std::function<QString(const QList<Prospect> &)> &pageText,
    Error *error)
{
    const ProspectRepository repository(m_db);
    QList<qint64> ids;
    if (!prospectIdsToExport(repository, prospectIds, &ids, error))
        return false;
    return save(
        path,
        [&](QIODevice *device, Error *writeError) {
            return writeText(device, header, writeError)
                && forEachPage(
                    repository, ids,
                    [&](const QList<Prospect> &prospects, qsizetype used) {
                        return writeText(device, pageText(prospects), writeError)
                            && report(used, ids.size(), writeError);
                    },
                    writeError);
        },
        error);
}

bool Exporter::dueCalendar(const QString &path, const DueFilter &filter, Error *error)
{
    QList<DueItem> items;
    if (!EnrollmentRepository(m_db).due(filter, &items, error))
        return false;
    const QString text = ICalendar::write(items, QDateTime::currentDateTimeUtc());
    return save(
        path,
        [&](QIODevice *device, Error *writeError) { return writeText(device, text, writeError); },
        error);
}

} // namespace Touchline
