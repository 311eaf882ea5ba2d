#pragma once

#include <QDateTime>
#include <QString>

// How imports read the values of a file, the same for prospects and touches.
namespace Touchline::ImportValues {

// A header as compared: lower case, accents dropped, punctuation and runs of
// space as one space ("E-mail Address" and "e_mail address" read alike).
QString headerKey(const QString &header);

// A LinkedIn profile as compared: without scheme, "www.", query or final slash,
// in lower case.
QString linkedInProfileKey(const QString &url);

// ISO 8601 with or without an offset (none: this computer's time zone), with a
// space for the T as spreadsheets write it ("2025-01-31 09:30"), or a date
// alone (its start); invalid for anything else.
QDateTime timeFromText(const QString &text);

} // namespace Touchline::ImportValues
