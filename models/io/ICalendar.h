#pragma once

#include "storage/EnrollmentRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Touchline {

// Due touches as an iCalendar file (RFC 5545) that calendar apps import.
class ICalendar
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ICalendar)
public:
    // One VEVENT per item, at its due time in UTC, 15 minutes long; SUMMARY says
    // what to do and with whom ("Email Jane Doe (Acme)"), DESCRIPTION the step,
    // cadence and contact details. UIDs are stable for an enrollment's step, so
    // importing a newer export updates events instead of doubling them. Text
    // escaped, CRLF line ends, lines folded at 75 octets. `stamp` is DTSTAMP.
    static QString write(const QList<DueItem> &items, const QDateTime &stamp);
};

} // namespace Touchline
