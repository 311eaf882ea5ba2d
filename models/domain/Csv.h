#pragma once

#include <QString>
#include <QVariant>
#include <QVariantList>

// RFC 4180 CSV, shared by every CSV the program writes (the CLI's output, the
// dashboard's export), so that they read the same in a spreadsheet.
namespace Touchline::Csv {

// One field: null as empty, QDateTime as ISO 8601 UTC, other values as
// QVariant::toString(); quoted when it holds a comma, quote or line break. Text
// that a spreadsheet would run as a formula gets a leading apostrophe.
QString cell(const QVariant &value);

// The fields joined by commas, ended by CRLF.
QString record(const QVariantList &values);

// A cell as read back: without the apostrophe cell() put before a formula start.
QString plainText(const QString &cell);

} // namespace Touchline::Csv
