#include "Prospect.h"

#include "KeyTable.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Touchline {

namespace {

constexpr KeyTable::Key<ProspectStatus> statusNames[] = {
    {ProspectStatus::New, "new", QT_TRANSLATE_NOOP("Touchline::Status", "New")},
    {ProspectStatus::InCadence, "in_cadence", QT_TRANSLATE_NOOP("Touchline::Status", "In cadence")},
    {ProspectStatus::Replied, "replied", QT_TRANSLATE_NOOP("Touchline::Status", "Replied")},
    {ProspectStatus::MeetingBooked, "meeting_booked",
        QT_TRANSLATE_NOOP("Touchline::Status", "Meeting booked")},
    {ProspectStatus::Won, "won", QT_TRANSLATE_NOOP("Touchline::Status", "Won")},
    {ProspectStatus::Lost, "lost", QT_TRANSLATE_NOOP("Touchline::Status", "Lost")},
    {ProspectStatus::DoNotContact, "do_not_contact",
        QT_TRANSLATE_NOOP("Touchline::Status", "Do not contact")},
};

} // namespace

bool isValidEmail(const QString &email)
{
    // Deliberately simple: one @, a non-empty local part, a dotted domain, no spaces.
    static const QRegularExpression pattern(QStringLiteral(R"(^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$)"));
    return pattern.match(email).hasMatch();
}

bool isValidWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

bool isValidPhone(const QString &phone)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\+?[0-9 ()./-]{3,30}$)"));
    return pattern.match(phone).hasMatch()
        && std::count_if(phone.cbegin(), phone.cend(), [](QChar c) { return c.isDigit(); }) >= 3;
}

QString statusKey(ProspectStatus status)
{
    return KeyTable::keyOf(statusNames, status);
}

bool statusFromKey(const QString &key, ProspectStatus *status)
{
    return KeyTable::fromKey(statusNames, key, status);
}

QString statusDisplayName(ProspectStatus status)
{
    return QCoreApplication::translate(
        "Touchline::Status", KeyTable::entryOf(statusNames, status).display);
}

QString fieldDisplayName(ProspectField field)
{
    // QT_TRANSLATE_NOOP marks each name for lupdate; translated() looks it up.
    const auto translated = [](const char *text) -> QString {
        return QCoreApplication::translate("Touchline::ProspectField", text);
    };
    switch (field) {
    case ProspectField::FirstName:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "First name"));
    case ProspectField::LastName:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Last name"));
    case ProspectField::Company:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Company"));
    case ProspectField::Title:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Title"));
    case ProspectField::Email:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Email"));
    case ProspectField::Phone:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Phone"));
    case ProspectField::LinkedInUrl:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "LinkedIn"));
    case ProspectField::Owner:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Owner"));
    case ProspectField::Status:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Status"));
    case ProspectField::CreatedAt:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Created"));
    case ProspectField::LastTouchAt:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Last touch"));
    case ProspectField::NextDueAt:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Next due"));
    case ProspectField::TouchCount:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Touches"));
    case ProspectField::TimeZone:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Time zone"));
    case ProspectField::AgreedNextTouchAt:
        return translated(QT_TRANSLATE_NOOP("Touchline::ProspectField", "Agreed next touch"));
    }
    Q_UNREACHABLE();
}

QList<ProspectStatus> allStatuses()
{
    return KeyTable::valuesOf(statusNames);
}

QString Prospect::displayName() const
{
    const QString name = QStringList {firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    if (!name.isEmpty())
        return name;
    if (!email.isEmpty())
        return email;
    return company;
}

bool Prospect::operator==(const Prospect &other) const
{
    return id == other.id && firstName == other.firstName && lastName == other.lastName
        && company == other.company && title == other.title && email == other.email
        && phone == other.phone && linkedInUrl == other.linkedInUrl && ownerId == other.ownerId
        && status == other.status && createdAt == other.createdAt
        && lastTouchAt == other.lastTouchAt && nextDueAt == other.nextDueAt
        && touchCount == other.touchCount && emailBounced == other.emailBounced
        && rowVersion == other.rowVersion && timeZone == other.timeZone
        && agreedNextTouchAt == other.agreedNextTouchAt;
}

QList<ProspectField> editableFields()
{
    return {ProspectField::FirstName, ProspectField::LastName, ProspectField::Company,
        ProspectField::Title, ProspectField::Email, ProspectField::Phone,
        ProspectField::LinkedInUrl, ProspectField::Owner, ProspectField::Status,
        ProspectField::TimeZone, ProspectField::AgreedNextTouchAt};
}

QString Prospect::*prospectTextMember(ProspectField field)
{
    switch (field) {
    case ProspectField::FirstName:
        return &Prospect::firstName;
    case ProspectField::LastName:
        return &Prospect::lastName;
    case ProspectField::Company:
        return &Prospect::company;
    case ProspectField::Title:
        return &Prospect::title;
    case ProspectField::Email:
        return &Prospect::email;
    case ProspectField::Phone:
        return &Prospect::phone;
    case ProspectField::LinkedInUrl:
        return &Prospect::linkedInUrl;
    case ProspectField::TimeZone:
        return &Prospect::timeZone;
    default:
        return nullptr;
    }
}

void copyProspectField(const Prospect &from, Prospect *to, ProspectField field)
{
    if (QString Prospect::*text = prospectTextMember(field)) {
        to->*text = from.*text;
        return;
    }
    switch (field) {
    case ProspectField::Owner:
        to->ownerId = from.ownerId;
        to->ownerName = from.ownerName;
        break;
    case ProspectField::Status:
        to->status = from.status;
        break;
    case ProspectField::AgreedNextTouchAt:
        to->agreedNextTouchAt = from.agreedNextTouchAt;
        break;
    default:
        Q_UNREACHABLE();
    }
}

bool sameFieldValue(const Prospect &a, const Prospect &b, ProspectField field)
{
    if (QString Prospect::*text = prospectTextMember(field))
        return a.*text == b.*text;
    switch (field) {
    case ProspectField::Owner:
        return a.ownerId == b.ownerId;
    case ProspectField::Status:
        return a.status == b.status;
    case ProspectField::AgreedNextTouchAt:
        return a.agreedNextTouchAt == b.agreedNextTouchAt;
    default:
        Q_UNREACHABLE();
    }
}

QList<ProspectField> changedFields(const Prospect &a, const Prospect &b)
{
    QList<ProspectField> changed;
    for (ProspectField field : editableFields()) {
        if (!sameFieldValue(a, b, field))
            changed.append(field);
    }
    return changed;
}

QList<ProspectField> conflictingFields(
    const Prospect &base, const Prospect &mine, const Prospect &theirs)
{
    QList<ProspectField> conflicts;
    for (ProspectField field : changedFields(base, mine)) {
        if (!sameFieldValue(base, theirs, field) && !sameFieldValue(mine, theirs, field))
            conflicts.append(field);
    }
    return conflicts;
}

Prospect mergedProspect(const Prospect &base, const Prospect &mine, const Prospect &theirs)
{
    Prospect merged = theirs;
    for (ProspectField field : changedFields(base, mine))
        copyProspectField(mine, &merged, field);
    return merged;
}

Prospect normalizedProspect(Prospect prospect)
{
    for (QString *text :
        {&prospect.firstName, &prospect.lastName, &prospect.company, &prospect.title,
            &prospect.email, &prospect.phone, &prospect.linkedInUrl, &prospect.timeZone})
        *text = text->trimmed();
    return prospect;
}

QList<FieldError> validateProspect(const Prospect &prospect)
{
    QList<FieldError> errors;
    if (prospect.firstName.trimmed().isEmpty() && prospect.lastName.trimmed().isEmpty()
        && prospect.company.trimmed().isEmpty() && prospect.email.trimmed().isEmpty())
        errors.append({ProspectField::FirstName,
            QCoreApplication::translate(
                "Touchline::Prospect", "Enter at least a name, a company or an email address.")});
    const QString email = prospect.email.trimmed();
    if (!email.isEmpty() && !isValidEmail(email))
        errors.append({ProspectField::Email,
            QCoreApplication::translate("Touchline::Prospect",
                "\"%1\" is not a valid email address (expected name@example.com).")
                .arg(email)});
    const QString phone = prospect.phone.trimmed();
    if (!phone.isEmpty() && !isValidPhone(phone))
        errors.append({ProspectField::Phone,
            QCoreApplication::translate("Touchline::Prospect",
                "\"%1\" is not a phone number (digits, spaces, + ( ) . - only).")
                .arg(phone)});
    const QString linkedIn = prospect.linkedInUrl.trimmed();
    if (!linkedIn.isEmpty() && !isValidWebUrl(linkedIn))
        errors.append({ProspectField::LinkedInUrl,
            QCoreApplication::translate("Touchline::Prospect",
                "\"%1\" is not a web address; LinkedIn profiles start with https://.")
                .arg(linkedIn)});
    const QString zone = prospect.timeZone.trimmed();
    if (!zone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        errors.append({ProspectField::TimeZone,
            QCoreApplication::translate("Touchline::Prospect",
                "\"%1\" is not a time zone this computer knows; use a name such as "
                "Europe/Paris or America/New_York.")
                .arg(zone)});
    for (const auto &[field, text] : {std::pair {ProspectField::FirstName, &prospect.firstName},
             std::pair {ProspectField::LastName, &prospect.lastName},
             std::pair {ProspectField::Company, &prospect.company},
             std::pair {ProspectField::Title, &prospect.title}}) {
        if (text->trimmed().size() > 200)
            errors.append({field,
                QCoreApplication::translate(
                    "Touchline::Prospect", "This field is limited to 200 characters.")});
    }
    return errors;
}

} // namespace Touchline
