#include "TouchImport.h"

#include "CsvReader.h"
#include "ImportValues.h"
#include "TextDecoder.h"
#include "domain/Csv.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <algorithm>

namespace Touchline {

namespace {

enum class Column {
    Email,
    LinkedInUrl,
    Channel,
    Direction,
    Outcome,
    OccurredAt,
    Date,
    TimeOfDay,
    Notes,
    Author
};

// The names each column goes by, as ImportValues::headerKey() writes them; the
// first name found wins.
struct ColumnNames
{
    Column column;
    QList<QLatin1String> names;
};

const ColumnNames columnNames[] = {
    {Column::Email,
        {QLatin1String("prospect email"), QLatin1String("email"), QLatin1String("e mail"),
            QLatin1String("email address")}},
    {Column::LinkedInUrl,
        {QLatin1String("prospect linkedin url"), QLatin1String("linkedin url"),
            QLatin1String("prospect linkedin"), QLatin1String("linkedin")}},
    {Column::Channel, {QLatin1String("channel")}},
    {Column::Direction, {QLatin1String("direction")}},
    {Column::Outcome, {QLatin1String("outcome")}},
    {Column::OccurredAt, {QLatin1String("occurred at"), QLatin1String("timestamp")}},
    {Column::Date, {QLatin1String("date")}},
    {Column::TimeOfDay, {QLatin1String("time")}},
    {Column::Notes, {QLatin1String("notes"), QLatin1String("note")}},
    {Column::Author, {QLatin1String("author")}},
};

// The index of each column in the header, -1 for the ones it lacks.
QHash<Column, int> mapHeader(const QStringList &header)
{
    QStringList normalized;
    for (const QString &name : header)
        normalized.append(ImportValues::headerKey(name));
    QHash<Column, int> indexes;
    for (const ColumnNames &entry : columnNames) {
        int found = -1;
        for (const QLatin1String &name : entry.names) {
            found = int(normalized.indexOf(name));
            if (found >= 0)
                break;
        }
        indexes.insert(entry.column, found);
    }
    return indexes;
}

// A value as a key of domain/Touch.h or its display name, in any case; `names`
// receives the keys when none matches, for the message.
template<typename Enum>
bool enumFromText(const QString &text, const QList<Enum> &values, QString (*key)(Enum),
    QString (*display)(Enum), Enum *value, QString *names)
{
    QStringList keys;
    for (Enum candidate : values) {
        if (text.compare(key(candidate), Qt::CaseInsensitive) == 0
            || text.compare(display(candidate), Qt::CaseInsensitive) == 0) {
            *value = candidate;
            return true;
        }
        keys.append(key(candidate));
    }
    *names = keys.join(QLatin1String(", "));
    return false;
}

} // namespace

bool TouchFileReader::read(
    const QByteArray &bytes, QList<TouchImportRow> *rows, QList<RowProblem> *problems, Error *error)
{
    DecodedText decoded;
    if (!TextDecoder::decode(bytes, &decoded, error))
        return false;
    QList<CsvRecord> records;
    if (!CsvReader::parse(decoded.text, CsvReader::detectDelimiter(decoded.text), &records, error))
        return false;
    if (records.isEmpty())
        return fail(error, Error::Kind::Invalid, tr("The file has no header row."));

    const CsvRecord header = records.takeFirst();
    QHash<Column, int> index = mapHeader(header.fields);
    // Without occurred_at, a touch's time is in a date column, with the time of
    // day from a time column when there are both; else in whichever there is.
    const bool dateAndTime = index.value(Column::OccurredAt) < 0 && index.value(Column::Date) >= 0
        && index.value(Column::TimeOfDay) >= 0;
    if (index.value(Column::OccurredAt) < 0)
        index.insert(Column::OccurredAt,
            std::max(index.value(Column::Date), index.value(Column::TimeOfDay)));
    const auto missing = [&](const QString &names) {
        return fail(error, Error::Kind::Invalid,
            tr("The header on line %1 has no %2 column.").arg(header.line).arg(names));
    };
    if (index.value(Column::Email) < 0 && index.value(Column::LinkedInUrl) < 0)
        return missing(tr("prospect_email or prospect_linkedin_url"));
    for (const auto &[column, name] : {std::pair {Column::Channel, "channel"},
             std::pair {Column::Direction, "direction"}, std::pair {Column::Outcome, "outcome"},
             std::pair {Column::OccurredAt, "occurred_at"}}) {
        if (index.value(column) < 0)
            return missing(QString::fromLatin1(name));
    }

    rows->clear();
    problems->clear();
    const QChar replacement(QChar::ReplacementCharacter);
    for (const CsvRecord &record : std::as_const(records)) {
        const auto field = [&](Column column) {
            return Csv::plainText(record.fields.value(index.value(column)));
        };
        const auto refuse = [&](const QString &reason) { problems->append({record.line, reason}); };
        // A spreadsheet's empty rows are no touches.
        if (std::all_of(record.fields.cbegin(), record.fields.cend(),
                [](const QString &text) { return text.trimmed().isEmpty(); }))
            continue;
        // Once the file is fixed, importing it again adds these rows and skips
        // the rest as duplicates.
        if (!decoded.replacedLines.isEmpty()
            && std::any_of(record.fields.cbegin(), record.fields.cend(),
                [&](const QString &text) { return text.contains(replacement); })) {
            refuse(ImportText::undecodableRow(decoded.encoding));
            continue;
        }

        TouchImportRow row;
        row.line = record.line;
        row.prospectEmail = field(Column::Email).trimmed();
        row.prospectLinkedInUrl = field(Column::LinkedInUrl).trimmed();
        if (row.prospectEmail.isEmpty() && row.prospectLinkedInUrl.isEmpty()) {
            refuse(tr("The row has neither the prospect's email address nor a LinkedIn URL."));
            continue;
        }
        Touch &touch = row.touch;
        QString names;
        const QString channel = field(Column::Channel).trimmed();
        if (!enumFromText(
                channel, allChannels(), &channelKey, &channelDisplayName, &touch.channel, &names)) {
            refuse(tr("Unknown channel \"%1\"; use one of: %2.").arg(channel, names));
            continue;
        }
        const QString direction = field(Column::Direction).trimmed();
        if (!enumFromText(direction, {TouchDirection::Out, TouchDirection::In}, &directionKey,
                &directionDisplayName, &touch.direction, &names)) {
            refuse(tr("Unknown direction \"%1\"; use one of: %2.").arg(direction, names));
            continue;
        }
        const QString outcome = field(Column::Outcome).trimmed();
        if (!enumFromText(
                outcome, allOutcomes(), &outcomeKey, &outcomeDisplayName, &touch.outcome, &names)) {
            refuse(tr("Unknown outcome \"%1\"; use one of: %2.").arg(outcome, names));
            continue;
        }
        const QString time = dateAndTime
            ? field(Column::Date).trimmed() + QLatin1Char(' ') + field(Column::TimeOfDay).trimmed()
            : field(Column::OccurredAt).trimmed();
        touch.occurredAt = ImportValues::timeFromText(time);
        if (!touch.occurredAt.isValid()) {
            refuse(tr("\"%1\" is not a time; use ISO 8601 such as 2025-01-31T09:30:00Z, or "
                      "2025-01-31 09:30 in this computer's time zone.")
                       .arg(time));
            continue;
        }
        touch.notes = field(Column::Notes);
        touch.authorName = field(Column::Author).trimmed();
        rows->append(row);
    }
    return true;
}

bool TouchFileReader::readFile(
    const QString &path, QList<TouchImportRow> *rows, QList<RowProblem> *problems, Error *error)
{
    return ImportValues::readFile(
        path,
        [&](const QByteArray &bytes, Error *readError) {
            return read(bytes, rows, problems, readError);
        },
        error);
}

TouchImporter::TouchImporter(Database &db)
    : m_db(db)
{
}

ImportResult TouchImporter::apply(const QList<TouchImportRow> &rows, qint64 authorId, bool dryRun,
    const ImportProgress &progress, ImportSummary *summary, Error *error)
{
    *summary = ImportSummary();
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return ImportResult::Failed;
    ImportValues::ProspectMatcher matcher;
    if (!matcher.load(m_db, error))
        return ImportResult::Failed;
    // New authors are added inside the import's transaction, and go with it when
    // it rolls back; only those of rows that found their prospect.
    QHash<QString, qint64> authors;
    UserRepository users(m_db);
    QList<PastTouch> touches;
    QList<int> lines;
    for (const TouchImportRow &row : rows) {
        const bool byAddress = !row.prospectEmail.isEmpty();
        const qint64 prospectId = matcher.find(row.prospectEmail, row.prospectLinkedInUrl);
        if (!prospectId) {
            summary->failed.append({row.line,
                byAddress
                    ? tr("No prospect has the email address %1.").arg(row.prospectEmail)
                    : tr("No prospect has the LinkedIn URL %1.").arg(row.prospectLinkedInUrl)});
            continue;
        }
        PastTouch past;
        past.touch = row.touch;
        past.touch.prospectId = prospectId;
        past.touch.authorId = authorId;
        const QString &author = row.touch.authorName;
        if (!author.isEmpty()) {
            if (!authors.contains(author)) {
                const qint64 id = users.ensure(author, error);
                if (!id)
                    return ImportResult::Failed;
                authors.insert(author, id);
            }
            past.touch.authorId = authors.value(author);
        }
        touches.append(past);
        lines.append(row.line);
    }

    bool cancelled = false;
    const int unmatched = int(rows.size() - touches.size());
    const auto report = [&](int done, int) {
        cancelled = progress && !progress(unmatched + done, int(rows.size()));
        return !cancelled;
    };
    if (!TouchRepository(m_db).importTouches(&touches, report, error))
        return cancelled ? ImportResult::Cancelled : ImportResult::Failed;
    for (qsizetype i = 0; i < touches.size(); ++i) {
        switch (touches.at(i).result) {
        case PastTouch::Result::Stored:
            ++summary->imported;
            break;
        case PastTouch::Result::Duplicate:
            ++summary->skipped;
            break;
        case PastTouch::Result::Refused:
            summary->failed.append({lines.at(i), touches.at(i).refusal});
            break;
        }
    }
    mergeProblems(&summary->failed);

    // A dry run ends here: the transaction rolls back, new authors included, and
    // the views hear of nothing.
    if (dryRun)
        return ImportResult::Finished;
    if (!transaction.commit(error))
        return ImportResult::Failed;
    return ImportResult::Finished;
}

} // namespace Touchline
