#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Touchline {

enum class ProspectStatus {
    New,
    InCadence,
    Replied,
    MeetingBooked,
    Won,
    Lost,
    DoNotContact,
};

// Stable names stored in the database and used by the CLI ("in_cadence", ...).
QString statusKey(ProspectStatus status);
// Parses a key written by statusKey(); returns false for anything else.
bool statusFromKey(const QString &key, ProspectStatus *status);
QString statusDisplayName(ProspectStatus status);
QList<ProspectStatus> allStatuses();

// The editable fields of a prospect, one value per column the table shows.
enum class ProspectField {
    FirstName,
    LastName,
    Company,
    Title,
    Email,
    Phone,
    LinkedInUrl,
    Owner,
    Status,
    CreatedAt,
    LastTouchAt,
    NextDueAt,
    TouchCount,
    // Edited in the form, not shown as table columns:
    TimeZone,
    AgreedNextTouchAt,
};

struct Prospect
{
    qint64 id = 0;
    QString firstName;
    QString lastName;
    QString company;
    QString title;
    QString email;
    QString phone;
    QString linkedInUrl;
    qint64 ownerId = 0; // 0: nobody
    QString ownerName;  // read-only, joined from users
    ProspectStatus status = ProspectStatus::New;
    QDateTime createdAt;
    QDateTime lastTouchAt;       // maintained from the touches
    QDateTime nextDueAt;         // maintained from the enrollments
    int touchCount = 0;          // numbered (outbound) touches so far
    bool emailBounced = false;   // set by a bounced email, cleared when the address changes
    QString timeZone;            // IANA id such as "Europe/Paris"; empty: unknown
    QDateTime agreedNextTouchAt; // agreed with the prospect; overrides the cadence's due time
    qint64 rowVersion = 0;       // bumped on every update; detects concurrent edits

    QString displayName() const;
    bool operator==(const Prospect &other) const;
    bool operator!=(const Prospect &other) const { return !(*this == other); }
};

struct FieldError
{
    ProspectField field;
    QString message;
};

// Checks the values a user can type. An empty list means the prospect can be stored.
QList<FieldError> validateProspect(const Prospect &prospect);

// Trims surrounding white space from every text field, as a form would.
Prospect normalizedProspect(Prospect prospect);

} // namespace Touchline
