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

// The name of a field as the table's header and the forms show it.
QString fieldDisplayName(ProspectField field);

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
    // Who made the last change and when, read-only like ownerName. The name is
    // empty when unknown, or when a touch or a cadence changed the status.
    QDateTime updatedAt;
    QString updatedByName;

    QString displayName() const;
    bool operator==(const Prospect &other) const;
    bool operator!=(const Prospect &other) const { return !(*this == other); }
};

struct FieldError
{
    ProspectField field;
    QString message;
};

// The checks validateProspect() makes of single values (already trimmed).
bool isValidEmail(const QString &email);
bool isValidWebUrl(const QString &text); // http(s) with a host
bool isValidPhone(const QString &phone);

// Checks the values a user can type. An empty list means the prospect can be stored.
QList<FieldError> validateProspect(const Prospect &prospect);

// The text member behind a field, or nullptr for fields that are not free text.
QString Prospect::*prospectTextMember(ProspectField field);
// The fields people edit, in the form's order; the others are derived or fixed.
QList<ProspectField> editableFields();
// Whether a and b hold the same value in this editable field.
bool sameFieldValue(const Prospect &a, const Prospect &b, ProspectField field);
// Copies one editable field; the owner's name travels with its id.
void copyProspectField(const Prospect &from, Prospect *to, ProspectField field);
// The editable fields whose values differ between a and b.
QList<ProspectField> changedFields(const Prospect &a, const Prospect &b);

// Edits of one row by two people who both started from `base`: the fields both
// changed, to different values. Saving `mine` over `theirs` must not silently
// overwrite these.
QList<ProspectField> conflictingFields(
    const Prospect &base, const Prospect &mine, const Prospect &theirs);
// `theirs` with the fields `mine` changed from `base` taken from `mine`: the
// merge of two edits, where mine wins the conflicting fields.
Prospect mergedProspect(const Prospect &base, const Prospect &mine, const Prospect &theirs);

// Trims surrounding white space from every text field, as a form would.
Prospect normalizedProspect(Prospect prospect);

} // namespace Touchline
