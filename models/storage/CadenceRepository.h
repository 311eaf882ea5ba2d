#pragma once

#include "Error.h"
#include "domain/Cadence.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

class QSqlDatabase;

namespace Touchline {

class Database;

// What pointed at a step that a save removed (touches that fulfilled it, skips,
// snoozes), so that undoing the save can point them at it again.
struct StepLinks
{
    qint64 stepId = 0;
    QList<qint64> touchIds;
    QList<qint64> skipEventIds;
    QList<qint64> snoozedEnrollmentIds;
};

// Cadences and their steps. A cadence is saved whole: steps are matched by id, so
// a step keeps its id (and the touches that fulfilled it) through renames,
// rewording and reordering. When a save changes when steps are due (waits, send
// windows, the steps' order or number), the enrollments of the cadence are
// evaluated again in the same transaction (EnrollmentRepository::refreshCadence()).
class CadenceRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::CadenceRepository)

public:
    explicit CadenceRepository(Database &db);

    // Every cadence with its steps, archived ones too, by name.
    bool list(QList<Cadence> *cadences, Error *error) const;
    std::optional<Cadence> get(qint64 cadenceId, Error *error) const;
    // A cadence by its id (digits) or its name (case-insensitive).
    std::optional<Cadence> find(const QString &idOrName, Error *error) const;
    // Running (active, paused or bounced) enrollments per cadence id.
    bool runningCounts(QHash<qint64, int> *counts, Error *error) const;

    // Validates and stores a new cadence; fills in ids, positions and times. Ids
    // already set are kept, so that redo puts back what undo removed.
    bool add(Cadence *cadence, Error *error);
    // Stores the cadence as given. Refuses with Error::Kind::Conflict when the
    // stored cadence was changed since `expectedUpdatedAt` (someone else saved).
    // `removed` receives the links of the steps it removed; `relink` points
    // links of a previous save back at their (re-added) steps.
    bool save(Cadence *cadence, const QDateTime &expectedUpdatedAt, QList<StepLinks> *removed,
        const QList<StepLinks> &relink, Error *error);
    // Removes a cadence nobody was ever enrolled in (undoing its creation).
    // Cadences with history are archived instead.
    bool remove(qint64 cadenceId, Error *error);
    // A free name for a copy: "Name (copy)", "Name (copy 2)", ...
    bool copyName(const QString &name, QString *copy, Error *error) const;

    // Inserts a cadence and its steps on a connection inside the caller's
    // transaction; also used to set up a new file.
    static bool insert(QSqlDatabase &db, Cadence *cadence, Error *error);

private:
    bool readCadences(
        const QString &where, const QVariant &value, QList<Cadence> *cadences, Error *error) const;
    // The first cadence `where` selects; NotFound with `notFound` when there is none.
    std::optional<Cadence> readOne(
        const QString &where, const QVariant &value, const QString &notFound, Error *error) const;
    // Fills in the ids and positions of the cadence's steps.
    bool storeSteps(Cadence *cadence, const QList<CadenceStep> &before, QList<StepLinks> *removed,
        Error *error);
    bool relinkSteps(const QList<StepLinks> &links, Error *error);
    // Refuses a name that a cadence other than `cadenceId` (0: none) has.
    bool checkNameFree(const QString &name, qint64 cadenceId, Error *error) const;
    static QString nameTaken(const QString &name);

    Database &m_db;
};

} // namespace Touchline
