#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace Touchline::SqlUtil {

// A JSON array of ids, bound to `IN (SELECT value FROM json_each(?))` so that
// lists of any length stay a single bound value.
QString idsToJson(const QList<qint64> &ids);

// A value for a NOT NULL text column: Qt binds a null QString as NULL.
QVariant text(const QString &value);

// A foreign key value: NULL for 0.
QVariant idOrNull(qint64 id);

// An SQL condition, true for the touches that carry touch numbers (isNumbered()
// in domain/Touch.h), for the columns of `touches` under this alias ("" or "t.").
// Built from the domain's keys, never from user input.
QString numberedTouchCondition(const QString &alias = QString());

// An SQL condition, true for running enrollments (isRunning() in
// domain/Cadence.h), for the columns of `enrollments` under this alias.
QString runningEnrollmentCondition(const QString &alias = QString());

} // namespace Touchline::SqlUtil
