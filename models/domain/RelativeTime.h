#pragma once

#include <QDateTime>
#include <QString>

namespace Touchline {

// "just now", "5 minutes ago", "yesterday", "3 days ago"; older than four weeks,
// or in the future, the date itself. Days are counted in `now`'s time zone.
QString relativeTimeText(const QDateTime &then, const QDateTime &now);

// Whole calendar days from `then` to `now`, in `now`'s time zone.
qint64 daysBetween(const QDateTime &then, const QDateTime &now);

} // namespace Touchline
