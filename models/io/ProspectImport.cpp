#include "ProspectImport.h"

#include "ImportValues.h"
#include "TextDecoder.h"
#include "VCard.h"
#include "domain/Csv.h"
#include "domain/KeyTable.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Touchline {

namespace {

constexpr KeyTable::Key<ImportField> fieldNames[] = {
    {ImportField::Ignore, "ignore", QT_TRANSLATE_NOOP("Touchline::ImportField", "(Ignore)")},
    {ImportField::FullName, "full_name", QT_TRANSLATE_NOOP("Touchline::ImportField", "Full name")},
    {ImportField::FirstName, "first_name",
        QT_TRANSLATE_NOOP("Touchline::ImportField", "First name")},
    {ImportField::LastName, "last_name", QT_TRANSLATE_NOOP("Touchline::ImportField", "Last name")},
    {ImportField::Company, "company", QT_TRANSLATE_NOOP("Touchline::ImportField", "Company")},
    {ImportField::Title, "title", QT_TRANSLATE_NOOP("Touchline::ImportField", "Job title")},
    {ImportField::Email, "email", QT_TRANSLATE_NOOP("Touchline::ImportField", "Email")},
    {ImportField::Phone, "phone", QT_TRANSLATE_NOOP("Touchline::ImportField", "Phone")},
    {ImportField::LinkedInUrl, "linkedin_url",
        QT_TRANSLATE_NOOP("Touchline::ImportField", "LinkedIn or web address")},
    {ImportField::Notes, "notes", QT_TRANSLATE_NOOP("Touchline::ImportField", "Notes")},
    {ImportField::Owner, "owner", QT_TRANSLATE_NOOP("Touchline::ImportField", "Owner")},
    {ImportField::Status, "status", QT_TRANSLATE_NOOP("Touchline::ImportField", "Status")},
    {ImportField::TimeZone, "time_zone", QT_TRANSLATE_NOOP("Touchline::ImportField", "Time zone")},
    {ImportField::CreatedAt, "created_at", QT_TRANSLATE_NOOP("Touchline::ImportField", "Created")},
};

constexpr KeyTable::Key<ImportPreset> presetNames[] = {
    {ImportPreset::Auto, "auto", QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Detect")},
    {ImportPreset::Touchline, "touchline",
        QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Touchline export")},
    {ImportPreset::LinkedIn, "linkedin",
        QT_TRANSLATE_NOOP("Touchline::ImportPreset", "LinkedIn connections")},
    {ImportPreset::Google, "google",
        QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Google Contacts")},
    {ImportPreset::Outlook, "outlook", QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Outlook")},
    {ImportPreset::HubSpot, "hubspot", QT_TRANSLATE_NOOP("Touchline::ImportPreset", "HubSpot")},
    {ImportPreset::Salesforce, "salesforce",
        QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Salesforce")},
    {ImportPreset::Spreadsheet, "spreadsheet",
        QT_TRANSLATE_NOOP("Touchline::ImportPreset", "Spreadsheet")},
    {ImportPreset::VCard, "vcard", QT_TRANSLATE_NOOP("Touchline::ImportPreset", "vCard")},
};

constexpr KeyTable::Key<DuplicateAction> duplicateActionNames[] = {
    {DuplicateAction::Skip, "skip", nullptr},
    {DuplicateAction::UpdateEmpty, "update", nullptr},
    {DuplicateAction::Overwrite, "overwrite", nullptr},
};

struct HeaderName
{
    const char *key; // as ImportValues::headerKey() writes it
    ImportField field;
};

using F = ImportField;
using ImportValues::headerKey;
using ImportValues::linkedInProfileKey;
using ImportValues::timeFromText;

// Header names common to spreadsheets in English, French and German, and to
// the exports below wherever they agree.
constexpr HeaderName commonNames[] = {
    {"name", F::FullName},
    {"full name", F::FullName},
    {"contact", F::FullName},
    {"contact name", F::FullName},
    {"nom complet", F::FullName},
    {"vollstandiger name", F::FullName},
    {"first name", F::FirstName},
    {"firstname", F::FirstName},
    {"first", F::FirstName},
    {"given name", F::FirstName},
    {"forename", F::FirstName},
    {"prenom", F::FirstName},
    {"vorname", F::FirstName},
    {"last name", F::LastName},
    {"lastname", F::LastName},
    {"last", F::LastName},
    {"surname", F::LastName},
    {"family name", F::LastName},
    {"nom", F::LastName},
    {"nom de famille", F::LastName},
    {"nachname", F::LastName},
    {"familienname", F::LastName},
    {"company", F::Company},
    {"company name", F::Company},
    {"organization", F::Company},
    {"organisation", F::Company},
    {"organization name", F::Company},
    {"account", F::Company},
    {"account name", F::Company},
    {"employer", F::Company},
    {"societe", F::Company},
    {"entreprise", F::Company},
    {"firma", F::Company},
    {"unternehmen", F::Company},
    {"title", F::Title},
    {"job title", F::Title},
    {"position", F::Title},
    {"role", F::Title},
    {"organization title", F::Title},
    {"poste", F::Title},
    {"fonction", F::Title},
    {"titre", F::Title},
    {"berufsbezeichnung", F::Title},
    {"email", F::Email},
    {"e mail", F::Email},
    {"emails", F::Email},
    {"email address", F::Email},
    {"e mail address", F::Email},
    {"mail", F::Email},
    {"courriel", F::Email},
    {"adresse e mail", F::Email},
    {"adresse email", F::Email},
    {"e mail adresse", F::Email},
    {"phone", F::Phone},
    {"phone number", F::Phone},
    {"telephone", F::Phone},
    {"tel", F::Phone},
    {"mobile", F::Phone},
    {"mobile phone", F::Phone},
    {"cell", F::Phone},
    {"work phone", F::Phone},
    {"business phone", F::Phone},
    {"portable", F::Phone},
    {"telefon", F::Phone},
    {"telefonnummer", F::Phone},
    {"handy", F::Phone},
    {"mobiltelefon", F::Phone},
    {"linkedin", F::LinkedInUrl},
    {"linkedin url", F::LinkedInUrl},
    {"linkedin profile", F::LinkedInUrl},
    {"profil linkedin", F::LinkedInUrl},
    {"website", F::LinkedInUrl},
    {"web page", F::LinkedInUrl},
    {"site web", F::LinkedInUrl},
    {"webseite", F::LinkedInUrl},
    {"notes", F::Notes},
    {"note", F::Notes},
    {"comments", F::Notes},
    {"description", F::Notes},
    {"remarques", F::Notes},
    {"commentaires", F::Notes},
    {"notizen", F::Notes},
    {"bemerkungen", F::Notes},
    {"owner", F::Owner},
    {"contact owner", F::Owner},
    {"lead owner", F::Owner},
    {"proprietaire", F::Owner},
    {"status", F::Status},
    {"statut", F::Status},
    {"time zone", F::TimeZone},
    {"timezone", F::TimeZone},
    {"fuseau horaire", F::TimeZone},
    {"zeitzone", F::TimeZone},
    {"created", F::CreatedAt},
    {"created at", F::CreatedAt},
    {"create date", F::CreatedAt},
    {"created date", F::CreatedAt},
};

// What an export's own names mean where they differ from the common ones, and
// the names that tell the export apart (`signature`).
struct PresetNames
{
    ImportPreset preset;
    QList<HeaderName> names;
    QStringList signature;
    int needed; // signature names that must be present to detect the preset
};

const QList<PresetNames> &presetTables()
{
    static const QList<PresetNames> tables = {
        {ImportPreset::Touchline, {},
            {QStringLiteral("linkedin url"), QStringLiteral("time zone"),
                QStringLiteral("touch count"), QStringLiteral("next due at"),
                QStringLiteral("last touch at")},
            3},
        {ImportPreset::LinkedIn,
            {{"url", F::LinkedInUrl}, {"connected on", F::Ignore}, {"position", F::Title}},
            {QStringLiteral("connected on")}, 1},
        {ImportPreset::Google,
            {{"middle name", F::Ignore}, {"additional name", F::Ignore},
                {"organization 1 name", F::Company}, {"organization 1 title", F::Title},
                {"organization department", F::Ignore}},
            {QStringLiteral("e mail 1 value"), QStringLiteral("phone 1 value"),
                QStringLiteral("organization name"), QStringLiteral("organization 1 name"),
                QStringLiteral("given name"), QStringLiteral("family name"),
                QStringLiteral("e mail 1 label"), QStringLiteral("e mail 1 type")},
            2},
        // Outlook's "Title" is Mr or Ms; the job is "Job Title".
        {ImportPreset::Outlook,
            {{"title", F::Ignore}, {"middle name", F::Ignore}, {"suffix", F::Ignore},
                {"e mail 2 address", F::Email}, {"e mail 3 address", F::Email},
                {"home phone", F::Phone}, {"web page", F::LinkedInUrl}},
            {QStringLiteral("e mail address"), QStringLiteral("e mail 2 address"),
                QStringLiteral("business phone"), QStringLiteral("home phone"),
                QStringLiteral("web page"), QStringLiteral("job title")},
            3},
        {ImportPreset::HubSpot,
            {{"record id", F::Ignore}, {"lifecycle stage", F::Ignore}, {"lead status", F::Ignore},
                {"linkedin bio", F::Ignore}},
            {QStringLiteral("record id"), QStringLiteral("lifecycle stage"),
                QStringLiteral("contact owner"), QStringLiteral("create date"),
                QStringLiteral("lead status")},
            2},
        {ImportPreset::Salesforce,
            // A lead's status ("Open - Not Contacted") is not a Touchline status.
            {{"salutation", F::Ignore}, {"lead source", F::Ignore}, {"leadsource", F::Ignore},
                {"status", F::Ignore}, {"mobilephone", F::Phone}, {"ownerid", F::Ignore},
                {"accountid", F::Ignore}, {"id", F::Ignore}},
            {QStringLiteral("salutation"), QStringLiteral("account name"),
                QStringLiteral("lead source"), QStringLiteral("lead owner"),
                QStringLiteral("mailing city"), QStringLiteral("firstname"),
                QStringLiteral("mobilephone"), QStringLiteral("accountid")},
            2},
    };
    return tables;
}

// Google numbers repeated columns: "E-mail 2 - Value", "Phone 3 - Value".
const QList<std::pair<QRegularExpression, ImportField>> &numberedNames()
{
    static const QList<std::pair<QRegularExpression, ImportField>> names = {
        {QRegularExpression(QStringLiteral("^e mail \\d+ value$")), F::Email},
        {QRegularExpression(QStringLiteral("^phone \\d+ value$")), F::Phone},
        {QRegularExpression(QStringLiteral("^website \\d+ value$")), F::LinkedInUrl},
    };
    return names;
}

std::optional<ImportField> lookUp(const QList<HeaderName> &names, const QString &key)
{
    for (const HeaderName &name : names) {
        if (key == QLatin1String(name.key))
            return name.field;
    }
    return std::nullopt;
}

std::optional<ImportField> fieldForHeader(const QString &key, ImportPreset preset)
{
    for (const PresetNames &table : presetTables()) {
        if (preset == table.preset || preset == ImportPreset::Auto) {
            if (const auto field = lookUp(table.names, key))
                return field;
        }
    }
    for (const HeaderName &name : commonNames) {
        if (key == QLatin1String(name.key))
            return name.field;
    }
    for (const auto &[pattern, field] : numberedNames()) {
        if (pattern.match(key).hasMatch())
            return field;
    }
    return std::nullopt;
}

ImportPreset detectPreset(const QStringList &header)
{
    QSet<QString> keys;
    for (const QString &name : header)
        keys.insert(headerKey(name));
    ImportPreset best = ImportPreset::Spreadsheet;
    int bestScore = 0;
    for (const PresetNames &table : presetTables()) {
        const int score = int(std::count_if(table.signature.cbegin(), table.signature.cend(),
            [&keys](const QString &key) { return keys.contains(key); }));
        if (score >= table.needed && score > bestScore) {
            best = table.preset;
            bestScore = score;
        }
    }
    return best;
}

// How many different fields a row would fill as a header: a header names at
// least two, LinkedIn's notes above it none.
int recognisedFields(const QStringList &cells)
{
    QSet<ImportField> fields;
    for (const QString &cell : cells) {
        const auto field = fieldForHeader(headerKey(cell), ImportPreset::Auto);
        if (field && *field != ImportField::Ignore)
            fields.insert(*field);
    }
    return int(fields.size());
}

// Values a cell holds several of: "a@x.com; b@y.com", Google's "a ::: b".
QStringList splitValues(const QString &cell, const QRegularExpression &separators)
{
    // Most cells hold one value: skip the expression, the import's hot spot.
    static const QString separatorChars = QStringLiteral(",;: \t\n");
    if (std::none_of(
            cell.cbegin(), cell.cend(), [](QChar c) { return separatorChars.contains(c); }))
        return {cell};
    QStringList values;
    for (const QString &part : cell.split(separators, Qt::SkipEmptyParts)) {
        const QString value = part.trimmed();
        if (!value.isEmpty())
            values.append(value);
    }
    return values;
}

QString emailFrom(QString text)
{
    // "Jane Doe <jane@example.com>" and "mailto:jane@example.com".
    const qsizetype open = text.indexOf(QLatin1Char('<'));
    if (open >= 0 && text.endsWith(QLatin1Char('>')))
        text = text.mid(open + 1, text.size() - open - 2);
    if (text.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        text = text.mid(7);
    return text.trimmed();
}

QString webAddressFrom(const QString &text)
{
    // Profiles are often copied without their scheme.
    if (!text.contains(QLatin1String("://")) && text.contains(QLatin1Char('.')))
        return QStringLiteral("https://") + text;
    return text;
}

bool isLinkedInProfile(const QString &url)
{
    return isValidWebUrl(url) && QUrl(url).host().contains(QLatin1String("linkedin."));
}

// "Doe, Jane", "Dr. Jane Doe", "Jean-Pierre de la Tour", "Madonna".
void splitFullName(const QString &fullName, QString *first, QString *last)
{
    const QString name = fullName.simplified();
    const qsizetype comma = name.indexOf(QLatin1Char(','));
    if (comma > 0) {
        *last = name.left(comma).trimmed();
        *first = name.mid(comma + 1).trimmed();
        return;
    }
    static const QSet<QString> honorifics = {QStringLiteral("mr"), QStringLiteral("mrs"),
        QStringLiteral("ms"), QStringLiteral("miss"), QStringLiteral("dr"), QStringLiteral("prof"),
        QStringLiteral("m"), QStringLiteral("mme"), QStringLiteral("mlle"), QStringLiteral("herr"),
        QStringLiteral("frau")};
    static const QSet<QString> particles = {QStringLiteral("de"), QStringLiteral("da"),
        QStringLiteral("di"), QStringLiteral("du"), QStringLiteral("des"), QStringLiteral("del"),
        QStringLiteral("della"), QStringLiteral("van"), QStringLiteral("von"),
        QStringLiteral("der"), QStringLiteral("den"), QStringLiteral("le"), QStringLiteral("la"),
        QStringLiteral("ter"), QStringLiteral("bin"), QStringLiteral("al")};
    QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    while (
        words.size() > 1 && honorifics.contains(words.first().toLower().remove(QLatin1Char('.'))))
        words.removeFirst();
    if (words.size() <= 1) {
        *first = words.value(0);
        last->clear();
        return;
    }
    // The last name starts at its first particle after the first word, else at the last word.
    qsizetype start = words.size() - 1;
    for (qsizetype i = 1; i < words.size() - 1; ++i) {
        if (particles.contains(words.at(i).toLower())) {
            start = i;
            break;
        }
    }
    *first = words.mid(0, start).join(QLatin1Char(' '));
    *last = words.mid(start).join(QLatin1Char(' '));
}

std::optional<ProspectStatus> statusFromText(const QString &text)
{
    ProspectStatus status;
    if (statusFromKey(text.toLower(), &status))
        return status;
    for (const ProspectStatus candidate : allStatuses()) {
        if (text.compare(statusDisplayName(candidate), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

ImportTable vCardTable(const QString &text)
{
    QList<VCardContact> contacts;
    ImportTable table;
    VCard::parse(text, &contacts, &table.readProblems);
    table.preset = ImportPreset::VCard;
    table.header = {ProspectFileReader::tr("Name"), ProspectFileReader::tr("First name"),
        ProspectFileReader::tr("Last name"), ProspectFileReader::tr("Organisation"),
        ProspectFileReader::tr("Title"), ProspectFileReader::tr("Emails"),
        ProspectFileReader::tr("Phones"), ProspectFileReader::tr("Web addresses"),
        ProspectFileReader::tr("Notes")};
    table.mapping = {F::FullName, F::FirstName, F::LastName, F::Company, F::Title, F::Email,
        F::Phone, F::LinkedInUrl, F::Notes};
    const QString separator = QStringLiteral("; ");
    for (const VCardContact &contact : contacts)
        table.rows.append({contact.line,
            {contact.formattedName, contact.givenName, contact.familyName, contact.organization,
                contact.title, contact.emails.join(separator), contact.phones.join(separator),
                contact.urls.join(separator), contact.note}});
    return table;
}

// Columns without a header: mapped by what their cells look like.
QList<ImportField> mapByContent(const QList<CsvRecord> &rows, qsizetype columns)
{
    QList<ImportField> mapping(columns, ImportField::Ignore);
    for (qsizetype column = 0; column < columns; ++column) {
        int emails = 0;
        int profiles = 0;
        int phones = 0;
        int filled = 0;
        for (qsizetype row = 0; row < std::min<qsizetype>(rows.size(), 50); ++row) {
            const QString cell = rows.at(row).fields.value(column).trimmed();
            if (cell.isEmpty())
                continue;
            ++filled;
            emails += isValidEmail(emailFrom(cell)) ? 1 : 0;
            profiles += isLinkedInProfile(webAddressFrom(cell)) ? 1 : 0;
            phones += isValidPhone(cell) ? 1 : 0;
        }
        if (filled == 0)
            continue;
        if (emails * 2 > filled && !mapping.contains(F::Email))
            mapping[column] = F::Email;
        else if (profiles * 2 > filled && !mapping.contains(F::LinkedInUrl))
            mapping[column] = F::LinkedInUrl;
        else if (phones * 2 > filled && !mapping.contains(F::Phone))
            mapping[column] = F::Phone;
    }
    return mapping;
}

} // namespace

QString importFieldDisplayName(ImportField field)
{
    return QCoreApplication::translate(
        "Touchline::ImportField", KeyTable::entryOf(fieldNames, field).display);
}

QList<ImportField> allImportFields()
{
    return KeyTable::valuesOf(fieldNames);
}

QString presetKey(ImportPreset preset)
{
    return KeyTable::keyOf(presetNames, preset);
}

bool presetFromKey(const QString &key, ImportPreset *preset)
{
    return KeyTable::fromKey(presetNames, key, preset);
}

QString presetDisplayName(ImportPreset preset)
{
    return QCoreApplication::translate(
        "Touchline::ImportPreset", KeyTable::entryOf(presetNames, preset).display);
}

QList<ImportPreset> allPresets()
{
    return KeyTable::valuesOf(presetNames);
}

QString duplicateActionKey(DuplicateAction action)
{
    return KeyTable::keyOf(duplicateActionNames, action);
}

bool duplicateActionFromKey(const QString &key, DuplicateAction *action)
{
    return KeyTable::fromKey(duplicateActionNames, key, action);
}

QList<ImportField> ProspectFileReader::mapColumns(const QStringList &header, ImportPreset preset)
{
    QList<ImportField> mapping;
    mapping.reserve(header.size());
    for (const QString &name : header)
        mapping.append(fieldForHeader(headerKey(name), preset).value_or(ImportField::Ignore));
    return mapping;
}

bool ProspectFileReader::read(
    const QByteArray &bytes, ImportPreset preset, ImportTable *table, Error *error)
{
    DecodedText decoded;
    if (!TextDecoder::decode(bytes, &decoded, error))
        return false;
    if (preset == ImportPreset::VCard
        || (preset == ImportPreset::Auto && VCard::looksLikeVCard(decoded.text))) {
        *table = vCardTable(decoded.text);
        table->encoding = decoded.encoding;
        if (table->rows.isEmpty() && table->readProblems.isEmpty())
            return fail(error, Error::Kind::Invalid, tr("The file holds no contact cards."));
        return true;
    }

    ImportTable result;
    result.encoding = decoded.encoding;
    result.delimiter = CsvReader::detectDelimiter(decoded.text);
    QList<CsvRecord> records;
    if (!CsvReader::parse(decoded.text, result.delimiter, &records, error))
        return false;
    if (records.isEmpty())
        return fail(error, Error::Kind::Invalid, tr("The file holds no rows."));

    // LinkedIn writes a few lines of notes above its header.
    qsizetype headerIndex = -1;
    for (qsizetype i = 0; i < std::min<qsizetype>(records.size(), 20); ++i) {
        if (recognisedFields(records.at(i).fields) >= 2) {
            headerIndex = i;
            break;
        }
    }
    // A first row naming one field is a header too, unless it holds an address.
    const QStringList &firstRow = records.constFirst().fields;
    if (headerIndex < 0 && recognisedFields(firstRow) == 1
        && std::none_of(firstRow.cbegin(), firstRow.cend(),
            [](const QString &cell) { return isValidEmail(emailFrom(cell.trimmed())); }))
        headerIndex = 0;
    if (headerIndex >= 0) {
        result.headerLine = records.at(headerIndex).line;
        result.header = records.at(headerIndex).fields;
        result.rows = records.mid(headerIndex + 1);
        result.preset = preset == ImportPreset::Auto ? detectPreset(result.header) : preset;
        result.mapping = mapColumns(result.header, result.preset);
    } else {
        qsizetype columns = 0;
        for (const CsvRecord &record : records)
            columns = std::max(columns, record.fields.size());
        for (qsizetype column = 1; column <= columns; ++column)
            result.header.append(tr("Column %1").arg(column));
        result.rows = records;
        result.preset = preset == ImportPreset::Auto ? ImportPreset::Spreadsheet : preset;
        result.mapping = mapByContent(records, columns);
    }
    *table = result;
    return true;
}

bool ProspectFileReader::readFile(
    const QString &path, ImportPreset preset, ImportTable *table, Error *error)
{
    return ImportValues::readFile(
        path,
        [&](const QByteArray &bytes, Error *readError) {
            return read(bytes, preset, table, readError);
        },
        error);
}

void ProspectFileReader::candidates(
    const ImportTable &table, QList<ImportCandidate> *candidates, QList<RowProblem> *problems)
{
    static const QRegularExpression emailSeparators(QStringLiteral("[,;\\s]+|:::"));
    static const QRegularExpression phoneSeparators(QStringLiteral("[;\\n]|:::"));
    static const QRegularExpression urlSeparators(QStringLiteral("[\\s;,]+|:::"));
    const qsizetype columns = table.header.size();
    candidates->reserve(candidates->size() + table.rows.size());

    for (const CsvRecord &row : table.rows) {
        qsizetype filled = 0;
        for (qsizetype i = columns; i < row.fields.size(); ++i)
            filled += row.fields.at(i).trimmed().isEmpty() ? 0 : 1;
        if (filled > 0) {
            problems->append({row.line,
                tr("The row has %1 fields but the header has %2; a value may hold an unquoted "
                   "delimiter.")
                    .arg(row.fields.size())
                    .arg(columns)});
            continue;
        }

        QHash<ImportField, QStringList> values;
        for (qsizetype i = 0; i < std::min(columns, row.fields.size()); ++i) {
            const QString value = Csv::plainText(row.fields.at(i).trimmed());
            const ImportField field = table.mapping.value(i, ImportField::Ignore);
            if (!value.isEmpty() && field != ImportField::Ignore)
                values[field].append(value);
        }
        if (values.isEmpty())
            continue; // a row of empty cells, as spreadsheets leave at the end
        const bool undecodable = std::any_of(
            values.cbegin(), values.cend(), [](const QStringList &cells) {
                return std::any_of(cells.cbegin(), cells.cend(),
                    [](const QString &cell) { return cell.contains(QChar::ReplacementCharacter); });
            });
        if (undecodable) {
            problems->append({row.line, ImportText::undecodableRow(table.encoding)});
            continue;
        }

        ImportCandidate candidate;
        candidate.line = row.line;
        Prospect &prospect = candidate.prospect;
        QStringList notes = values.value(F::Notes);
        prospect.firstName = values.value(F::FirstName).value(0);
        prospect.lastName = values.value(F::LastName).value(0);
        if (prospect.firstName.isEmpty() && prospect.lastName.isEmpty()
            && values.contains(F::FullName))
            splitFullName(
                values.value(F::FullName).first(), &prospect.firstName, &prospect.lastName);
        prospect.company = values.value(F::Company).value(0);
        prospect.title = values.value(F::Title).value(0);
        candidate.ownerName = values.value(F::Owner).value(0);

        QString badValue;
        for (const QString &cell : values.value(F::Email)) {
            for (const QString &part : splitValues(cell, emailSeparators)) {
                const QString email = emailFrom(part);
                if (prospect.email.isEmpty() && isValidEmail(email))
                    prospect.email = email;
                else if (isValidEmail(email))
                    candidate.otherEmails.append(email);
                else if (badValue.isEmpty())
                    badValue = part;
            }
        }
        if (prospect.email.isEmpty() && !badValue.isEmpty()) {
            problems->append({row.line,
                tr("\"%1\" is not a valid email address (expected name@example.com).")
                    .arg(badValue)});
            continue;
        }

        QStringList otherPhones;
        for (const QString &cell : values.value(F::Phone)) {
            for (const QString &phone : splitValues(cell, phoneSeparators)) {
                if (prospect.phone.isEmpty() && isValidPhone(phone))
                    prospect.phone = phone;
                else
                    otherPhones.append(phone);
            }
        }
        QStringList otherAddresses;
        for (const QString &cell : values.value(F::LinkedInUrl)) {
            for (const QString &part : splitValues(cell, urlSeparators)) {
                const QString url = webAddressFrom(part);
                if (prospect.linkedInUrl.isEmpty() && isLinkedInProfile(url))
                    prospect.linkedInUrl = url;
                else
                    otherAddresses.append(part);
            }
        }
        // A LinkedIn export's URL column holds only profiles.
        if (prospect.linkedInUrl.isEmpty() && table.preset == ImportPreset::LinkedIn
            && !otherAddresses.isEmpty() && isValidWebUrl(webAddressFrom(otherAddresses.first())))
            prospect.linkedInUrl = webAddressFrom(otherAddresses.takeFirst());

        if (values.contains(F::Status)) {
            const QString text = values.value(F::Status).first();
            const auto status = statusFromText(text);
            if (!status) {
                problems->append(
                    {row.line, tr("\"%1\" is not a status Touchline knows.").arg(text)});
                continue;
            }
            prospect.status = *status;
        }
        if (values.contains(F::TimeZone)) {
            prospect.timeZone = values.value(F::TimeZone).first();
        }
        if (values.contains(F::CreatedAt)) {
            const QString text = values.value(F::CreatedAt).first();
            prospect.createdAt = timeFromText(text);
            if (!prospect.createdAt.isValid()) {
                problems->append({row.line,
                    tr("\"%1\" is not a date (expected 2026-03-01 or 2026-03-01T09:30:00Z).")
                        .arg(text)});
                continue;
            }
        }

        if (!candidate.otherEmails.isEmpty())
            notes.append(tr("Other email addresses: %1")
                             .arg(candidate.otherEmails.join(QLatin1String(", "))));
        if (!otherPhones.isEmpty())
            notes.append(tr("Other phone numbers: %1").arg(otherPhones.join(QLatin1String(", "))));
        if (!otherAddresses.isEmpty())
            notes.append(tr("Web addresses: %1").arg(otherAddresses.join(QLatin1String(", "))));
        candidate.notes = notes.join(QLatin1Char('\n'));

        const QList<FieldError> invalid = validateProspect(normalizedProspect(prospect));
        if (!invalid.isEmpty()) {
            problems->append({row.line,
                tr("%1: %2").arg(
                    fieldDisplayName(invalid.first().field), invalid.first().message)});
            continue;
        }
        candidates->append(candidate);
    }
}

int ImportPlan::duplicateCount() const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
        [](const ImportPlanRow &row) { return row.existing.has_value(); }));
}

ProspectImporter::ProspectImporter(Database &db)
    : m_db(db)
{
}

bool ProspectImporter::matchExisting(QList<ImportPlanRow> *rows, Error *error) const
{
    ImportValues::ProspectMatcher matcher;
    if (!matcher.load(m_db, error))
        return false;
    QList<qint64> ids;
    ids.reserve(rows->size());
    for (const ImportPlanRow &row : std::as_const(*rows))
        ids.append(matcher.find(row.candidate.prospect.email, row.candidate.prospect.linkedInUrl));
    QList<Prospect> existing;
    if (!ProspectRepository(m_db).fetch(ids, &existing, error))
        return false;
    QHash<qint64, Prospect> existingById;
    for (const Prospect &prospect : std::as_const(existing))
        existingById.insert(prospect.id, prospect);
    for (qsizetype i = 0; i < rows->size(); ++i) {
        const auto found = existingById.constFind(ids.at(i));
        (*rows)[i].existing
            = found == existingById.cend() ? std::nullopt : std::optional<Prospect>(*found);
    }
    return true;
}

bool ProspectImporter::plan(const ImportTable &table, ImportPlan *plan, Error *error) const
{
    QList<ImportCandidate> candidates;
    ImportPlan result;
    result.problems = table.readProblems;
    ProspectFileReader::candidates(table, &candidates, &result.problems);

    // A row repeats an earlier one with its email, or without one, with its profile.
    QHash<QString, int> seenEmails;
    QHash<QString, int> seenProfiles;
    for (const ImportCandidate &candidate : std::as_const(candidates)) {
        const QString email = candidate.prospect.email.toLower();
        const QString profile = candidate.prospect.linkedInUrl.isEmpty()
            ? QString()
            : linkedInProfileKey(candidate.prospect.linkedInUrl);
        if (const int earlier = email.isEmpty() ? 0 : seenEmails.value(email)) {
            result.problems.append({candidate.line,
                tr("Same email address as line %1; only that row is imported.").arg(earlier)});
            continue;
        }
        if (const int earlier
            = email.isEmpty() && !profile.isEmpty() ? seenProfiles.value(profile) : 0) {
            result.problems.append({candidate.line,
                tr("Same LinkedIn profile as line %1; only that row is imported.").arg(earlier)});
            continue;
        }
        if (!email.isEmpty())
            seenEmails.insert(email, candidate.line);
        if (!profile.isEmpty() && !seenProfiles.contains(profile))
            seenProfiles.insert(profile, candidate.line);
        result.rows.append({candidate, std::nullopt});
    }
    if (!matchExisting(&result.rows, error))
        return false;
    mergeProblems(&result.problems);
    *plan = result;
    return true;
}

namespace {

// The existing prospect with the file's values, as the action says.
Prospect mergedWithFile(const Prospect &existing, const Prospect &fromFile, DuplicateAction action)
{
    Prospect merged = existing;
    for (const ProspectField field : {ProspectField::FirstName, ProspectField::LastName,
             ProspectField::Company, ProspectField::Title, ProspectField::Email,
             ProspectField::Phone, ProspectField::LinkedInUrl, ProspectField::TimeZone}) {
        QString Prospect::*member = prospectTextMember(field);
        const QString &value = fromFile.*member;
        // The address it was matched by keeps the case it is stored in.
        const bool sameAddress = field == ProspectField::Email
            && value.compare(merged.email, Qt::CaseInsensitive) == 0;
        if (!value.isEmpty() && !sameAddress
            && (action == DuplicateAction::Overwrite || (merged.*member).isEmpty()))
            merged.*member = value;
    }
    if (fromFile.ownerId != 0 && (action == DuplicateAction::Overwrite || merged.ownerId == 0))
        merged.ownerId = fromFile.ownerId;
    return merged;
}

} // namespace

ImportResult ProspectImporter::apply(const ImportPlan &plan, const ImportOptions &options,
    const ImportProgress &progress, ImportSummary *summary, Error *error)
{
    *summary = ImportSummary();
    summary->failed = plan.problems;
    const int total = int(plan.rows.size());

    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return ImportResult::Failed;
    // Matched again under the write lock: since the plan, a teammate may have
    // added a prospect the file holds, or deleted one it matched.
    QList<ImportPlanRow> rows = plan.rows;
    if (!matchExisting(&rows, error))
        return ImportResult::Failed;

    UserRepository users(m_db);
    QHash<QString, qint64> ownerIds;
    ProspectRepository prospects(m_db);
    prospects.setEditorId(options.authorId);
    TouchRepository touches(m_db);

    // New prospects go in batches, so that progress and cancelling stay responsive.
    constexpr qsizetype batchSize = 1000;
    QList<Prospect> batch;
    QList<const ImportCandidate *> batchCandidates;
    const auto storeBatch = [&]() -> bool {
        if (batch.isEmpty())
            return true;
        if (!prospects.addMany(&batch, error))
            return false;
        summary->imported += int(batch.size());
        QList<PastTouch> notes;
        QList<int> noteLines;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (batchCandidates.at(i)->notes.isEmpty())
                continue;
            PastTouch note;
            note.touch.prospectId = batch.at(i).id;
            note.touch.channel = TouchChannel::Note;
            note.touch.outcome = TouchOutcome::Noted;
            note.touch.occurredAt = now;
            note.touch.notes = batchCandidates.at(i)->notes;
            note.touch.authorId = options.authorId;
            notes.append(note);
            noteLines.append(batchCandidates.at(i)->line);
        }
        if (!notes.isEmpty() && !touches.importTouches(&notes, {}, error))
            return false;
        for (qsizetype i = 0; i < notes.size(); ++i) {
            if (notes.at(i).result == PastTouch::Result::Refused)
                summary->failed.append({noteLines.at(i),
                    tr("The prospect was imported without its note: %1").arg(notes.at(i).refusal)});
        }
        batch.clear();
        batchCandidates.clear();
        return true;
    };

    for (int done = 0; done < total; ++done) {
        if (progress && done % batchSize == 0 && !progress(done, total))
            return ImportResult::Cancelled;
        const ImportPlanRow &row = rows.at(done);
        Prospect fromFile = row.candidate.prospect;
        const QString owner = row.candidate.ownerName.trimmed();
        if (!owner.isEmpty()) {
            if (!ownerIds.contains(owner.toLower()))
                ownerIds.insert(owner.toLower(), users.ensure(owner, error));
            fromFile.ownerId = ownerIds.value(owner.toLower());
            if (fromFile.ownerId == 0)
                return ImportResult::Failed;
        }
        if (!row.existing) {
            batch.append(fromFile);
            batchCandidates.append(&row.candidate);
            if (batch.size() >= batchSize && !storeBatch())
                return ImportResult::Failed;
            continue;
        }
        const DuplicateAction action
            = options.perLine.value(row.candidate.line, options.onDuplicate);
        Prospect merged = mergedWithFile(*row.existing, fromFile, action);
        if (action == DuplicateAction::Skip || changedFields(*row.existing, merged).isEmpty()) {
            ++summary->skipped;
            continue;
        }
        Error updateError;
        if (!prospects.update(&merged, &updateError, &*row.existing)) {
            if (updateError.kind != Error::Kind::Invalid
                && updateError.kind != Error::Kind::Conflict) {
                if (error)
                    *error = updateError;
                return ImportResult::Failed;
            }
            summary->failed.append({row.candidate.line, updateError.message});
            continue;
        }
        ++summary->updated;
    }
    if (!storeBatch())
        return ImportResult::Failed;
    if (progress && !progress(total, total))
        return ImportResult::Cancelled;
    mergeProblems(&summary->failed);
    if (options.dryRun)
        return ImportResult::Finished; // the transaction rolls back as it goes
    if (!transaction.commit(error))
        return ImportResult::Failed;
    return ImportResult::Finished;
}

} // namespace Touchline
