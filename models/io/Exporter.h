#pragma once

#include "domain/Prospect.h"
#include "storage/EnrollmentRepository.h"
#include "storage/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace Touchline {

class Database;

// Writes the file's data in the formats other tools read. Every export goes to
// a temporary file renamed over the target when complete (QSaveFile), so a
// failed export never leaves half a file behind.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::Exporter)
public:
    // How far an export is, in prospects or touches; returning false cancels it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit Exporter(Database &db);

    // Reported by the CSV and vCard exports as they go. A cancelled export
    // fails with Error::Kind::Cancelled and leaves the target as it was.
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // UTF-8 CSV with a header, Csv::cell() neutralising formulas. The columns
    // are the ones ProspectFileReader maps back under the Touchline preset.
    bool prospectsCsv(const QString &path, const QList<qint64> &prospectIds, Error *error);
    // The touches of these prospects (empty: of all), in the columns
    // TouchFileReader reads; `written` receives how many.
    bool touchesCsv(const QString &path, const QList<qint64> &prospectIds, Error *error,
        int *written = nullptr);
    bool vCards(const QString &path, const QList<qint64> &prospectIds, Error *error);
    // The due list under this filter as events (ICalendar).
    bool dueCalendar(const QString &path, const DueFilter &filter, Error *error);

private:
    // `header`, then the text of each page of prospects (these ids, or all).
    bool saveProspects(const QString &path, const QList<qint64> &prospectIds, const QString &header,
        const std::function<QString(const QList<Prospect> &)> &pageText, Error *error);
    bool save(
        const QString &path, const std::function<bool(QIODevice *, Error *)> &write, Error *error);

    // False with `error` filled once the user cancelled.
    bool report(qint64 done, qint64 total, Error *error) const;

    Database &m_db;
    Progress m_progress;
};

} // namespace Touchline
