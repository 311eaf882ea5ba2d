#pragma once

#include "domain/Cadence.h"
#include "domain/Prospect.h"
#include "domain/Touch.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlDatabase;

namespace Touchline {
class Database;
}

// Rows written with plain SQL, for the tables and columns that no repository
// writes yet, and table dumps to compare whole database states. Each function
// returns a failure value (false, 0 or an empty list) and logs the SQL error.
namespace Touchline::Test {

// A prospect with the given name, company and email; every other field default.
Prospect makeProspect(const QString &firstName, const QString &lastName,
    const QString &company = {}, const QString &email = {});

// Runs one statement with bound values on the database's connection.
bool execSql(Database &db, const QString &sql, const QVariantList &values = {});

// Inserts the prospects in one transaction, without validation or Database::changed;
// returns their ids in order, or an empty list on failure.
QList<qint64> insertProspects(Database &db, const QList<Prospect> &prospects);

// An enrollment of the prospect in the first default cadence; returns its id.
qint64 insertEnrollment(
    Database &db, qint64 prospectId, const QString &state, const QDateTime &enrolledAt);

// An outbound email touch, linked to an enrollment and the cadence step at
// `touchNumber` when `enrollmentId` is not 0; returns its id.
qint64 insertTouch(Database &db, qint64 prospectId, qint64 enrollmentId, int touchNumber,
    const QDateTime &occurredAt, const QString &notes = {});

// `count` prospects (P0, P1... at p0@example.com...), each with `touches`
// outbound emails numbered from 1, in one transaction; the n-th touch of all
// is at `at` plus n % `times` minutes. Their ids, or an empty list on failure.
QList<qint64> insertProspectsWithTouches(
    Database &db, int count, int touches, const QDateTime &at, int times = 1);

// A cadence step; -1/-1 minutes: any time of day.
CadenceStep makeStep(TouchChannel channel, int waitDays, int windowStartMinute = -1,
    int windowEndMinute = -1, bool businessDays = false);

// A touch spelled in one word, "channel/direction/outcome" ("email/in/replied"),
// at `at`; a misspelt spec stops the test run.
Touch makeTouch(qint64 prospectId, const QString &spec, const QDateTime &at);

// enroll() starts enrollments now; this moves one's start to a fixed time, so that
// touches on fixed past dates count, and derives it again.
bool backdateEnrollment(Database &db, qint64 enrollmentId, const QDateTime &enrolledAt);
// Sets a prospect's IANA time zone (no repository writes it yet) and derives its
// enrollment again, so that due times do not depend on the machine's zone.
bool setTimeZone(Database &db, qint64 prospectId, const QString &zoneId);

// Every row of a table with every column, ordered by the first column.
QList<QVariantList> tableRows(Database &db, const QString &table);
// The same without some columns, such as the updated_at and row_version that
// every write of a prospect changes (undo included).
QList<QVariantList> tableRows(Database &db, const QString &table, const QStringList &skipColumns);
// The same on any connection, such as one to a file of an older format.
QList<QVariantList> tableRows(
    const QSqlDatabase &connection, const QString &table, const QStringList &skipColumns = {});

// Everything a touch change may write, without the columns every prospect write
// bumps, to compare before and after an undo.
struct TouchTables
{
    QList<QVariantList> prospects, touches, events;

    static TouchTables of(Database &db);
    bool operator==(const TouchTables &other) const
    {
        return prospects == other.prospects && touches == other.touches && events == other.events;
    }
};

// What ConsistencyCheck finds in the file, one message a problem (or the check's own
// error); empty when the derived columns and events agree with the rows.
QStringList consistencyProblems(Database &db);

// SHA-256 of a file's bytes, to prove it was not written; empty when unreadable.
QByteArray fileChecksum(const QString &path);

// Changes the connection's busy timeout, so that lock tests need not wait 5 s.
bool setBusyTimeout(Database &db, int milliseconds);

} // namespace Touchline::Test
