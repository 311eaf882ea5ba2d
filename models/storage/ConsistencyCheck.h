#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Touchline {

class Database;

// One thing wrong in a Touchline file, with a sentence fit to show a user.
struct ConsistencyProblem
{
    enum class Kind {
        Integrity,          // PRAGMA integrity_check: the file itself is damaged
        ForeignKey,         // a row refers to a row that does not exist
        TouchNumbering,     // numbered touches of a prospect are not numbered 1..n in time order
        InboundNumbered,    // a touch that is not numbered (inbound, meeting, note) has a number
        TouchCount,         // prospects.touch_count differs from the numbered touches
        LastTouch,          // prospects.last_touch_at differs from the latest touch
        RunningEnrollments, // a prospect runs more than one cadence at a time
        UnknownValue, // a status, state, channel, direction or outcome Touchline does not know
        // an enrollment's state, next step, end or due time (or its prospect's
        // next_due_at) differs from what the cadence engine derives
        EnrollmentProgress,
    };

    Kind kind = Kind::Integrity;
    QString table;    // empty when SQLite reports on the file as a whole
    qint64 rowId = 0; // 0 when the problem is not about one row
    QString message;
};

// A stable name for each kind ("touch_numbering"), for scripts and tests.
QString problemKindKey(ConsistencyProblem::Kind kind);

// Checks what SQLite checks (integrity, foreign keys) and the rules Touchline's
// own code keeps, such as the touch numbering and the columns derived from touches
// and from the cadences.
class ConsistencyCheck
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ConsistencyCheck)
public:
    // A file broken in one systematic way could have a problem on every row; the
    // rest of each kind is summed up in one last line.
    static constexpr int defaultLimitPerKind = 100;

    explicit ConsistencyCheck(Database &db);

    void setLimitPerKind(int limit) { m_limitPerKind = limit; }

    // Reads the whole file in one snapshot. Returns false only when the checks
    // could not run; the problems found are in `problems`, none when all is well.
    bool run(QList<ConsistencyProblem> *problems, Error *error) const;

private:
    Database &m_db;
    int m_limitPerKind = defaultLimitPerKind;
};

} // namespace Touchline
