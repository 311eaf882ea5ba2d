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

} // namespace Touchline::SqlUtil
