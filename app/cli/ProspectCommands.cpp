#include "ProspectCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "OutputWriter.h"
#include "domain/Prospect.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QTextStream>

#include <optional>

namespace Touchline::Cli {

namespace {

// Rows are read this many at a time, so that a list of any length streams out.
constexpr qsizetype pageSize = 500;

// The columns of a prospect in every output: key (JSON, CSV, --sort), title,
// the field to sort by, whether a list table shows it, and its value.
struct ProspectColumn
{
    const char *key;
    const char *title;
    std::optional<ProspectField> sortField;
    bool inListTable;
    bool numeric;
    QVariant (*value)(const Prospect &prospect);
};

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

const ProspectColumn prospectColumns[] = {
    {"id", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "ID"), std::nullopt, true, true,
        [](const Prospect &p) { return QVariant(p.id); }},
    {"first_name", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "First name"),
        ProspectField::FirstName, true, false,
        [](const Prospect &p) { return QVariant(p.firstName); }},
    {"last_name", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Last name"),
        ProspectField::LastName, true, false,
        [](const Prospect &p) { return QVariant(p.lastName); }},
    {"company", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Company"),
        ProspectField::Company, true, false, [](const Prospect &p) { return QVariant(p.company); }},
    {"title", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Title"), ProspectField::Title,
        false, false, [](const Prospect &p) { return QVariant(p.title); }},
    {"email", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Email"), ProspectField::Email,
        true, false, [](const Prospect &p) { return QVariant(p.email); }},
    {"phone", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Phone"), ProspectField::Phone,
        false, false, [](const Prospect &p) { return QVariant(p.phone); }},
    {"linkedin_url", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "LinkedIn"),
        ProspectField::LinkedInUrl, false, false,
        [](const Prospect &p) { return QVariant(p.linkedInUrl); }},
    {"owner", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Owner"), ProspectField::Owner,
        true, false, [](const Prospect &p) { return textOrNull(p.ownerName); }},
    {"status", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Status"),
        ProspectField::Status, true, false,
        [](const Prospect &p) { return QVariant(statusKey(p.status)); }},
    {"created_at", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Created"),
        ProspectField::CreatedAt, false, false,
        [](const Prospect &p) { return timeOrNull(p.createdAt); }},
    {"last_touch_at", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Last touch"),
        ProspectField::LastTouchAt, true, false,
        [](const Prospect &p) { return timeOrNull(p.lastTouchAt); }},
    {"next_due_at", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Next due"),
        ProspectField::NextDueAt, false, false,
        [](const Prospect &p) { return timeOrNull(p.nextDueAt); }},
    {"touch_count", QT_TRANSLATE_NOOP("Touchline::Cli::ProspectCommands", "Touches"),
        ProspectField::TouchCount, true, true,
        [](const Prospect &p) { return QVariant(p.touchCount); }},
};

// The columns to print: a list table leaves out the widest, least used ones.
QList<const ProspectColumn *> columnsFor(OutputFormat format, bool list)
{
    QList<const ProspectColumn *> columns;
    for (const ProspectColumn &column : prospectColumns) {
        if (format != OutputFormat::Table || !list || column.inListTable)
            columns.append(&column);
    }
    return columns;
}

QList<Column> outputColumns(const QList<const ProspectColumn *> &columns)
{
    QList<Column> result;
    for (const ProspectColumn *column : columns)
        result.append({QString::fromLatin1(column->key),
            QCoreApplication::translate("Touchline::Cli::ProspectCommands", column->title),
            column->numeric});
    return result;
}

QList<QVariantList> rowsOf(
    const QList<Prospect> &prospects, const QList<const ProspectColumn *> &columns)
{
    QList<QVariantList> rows;
    rows.reserve(prospects.size());
    for (const Prospect &prospect : prospects) {
        QVariantList row;
        row.reserve(columns.size());
        for (const ProspectColumn *column : columns)
            row.append(column->value(prospect));
        rows.append(row);
    }
    return rows;
}

QString statusKeys()
{
    QStringList keys;
    for (ProspectStatus status : allStatuses())
        keys.append(statusKey(status));
    return keys.join(QLatin1String(", "));
}

QString sortKeys()
{
    QStringList keys;
    for (const ProspectColumn &column : prospectColumns) {
        if (column.sortField)
            keys.append(QString::fromLatin1(column.key));
    }
    return keys.join(QLatin1String(", "));
}

} // namespace

ProspectCommands::ProspectCommands(CommandContext &context)
    : m_context(context)
{
}

int ProspectCommands::run(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("prospects"),
        {
            {"add", &runMember<ProspectCommands, &ProspectCommands::add>},
            {"list", &runMember<ProspectCommands, &ProspectCommands::list>},
            {"show", &runMember<ProspectCommands, &ProspectCommands::show>},
            {"delete", &runMember<ProspectCommands, &ProspectCommands::remove>},
            {"lift-dnc", &runMember<ProspectCommands, &ProspectCommands::liftDoNotContact>},
        },
        arguments);
}

int ProspectCommands::add(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("prospects add"));
    struct TextOption
    {
        const char *name;
        const char *valueName;
        QString Prospect::*member;
    };
    const TextOption textOptions[] = {
        {"first-name", "NAME", &Prospect::firstName},
        {"last-name", "NAME", &Prospect::lastName},
        {"company", "NAME", &Prospect::company},
        {"title", "TEXT", &Prospect::title},
        {"email", "ADDRESS", &Prospect::email},
        {"phone", "NUMBER", &Prospect::phone},
        {"linkedin", "URL", &Prospect::linkedInUrl},
    };
    const QString descriptions[] = {
        tr("First name."),
        tr("Last name."),
        tr("Company."),
        tr("Job title."),
        tr("Email address."),
        tr("Phone number."),
        tr("LinkedIn profile address (https://...)."),
    };
    for (std::size_t i = 0; i < std::size(textOptions); ++i)
        parser.addOption({QString::fromLatin1(textOptions[i].name), descriptions[i],
            QString::fromLatin1(textOptions[i].valueName)});
    parser.addOption({QStringLiteral("owner"),
        tr("The salesperson who owns the prospect; added as a user if new."),
        QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("status"), tr("One of: %1 (default: new).").arg(statusKeys()),
        QStringLiteral("STATUS"), QStringLiteral("new")});
    parser.setDescription(tr("Add a prospect and print its id. It needs at least a name, a "
                             "company or an email address."));
    if (const auto done = parser.parse(arguments))
        return *done;

    Prospect prospect;
    for (const TextOption &option : textOptions)
        prospect.*option.member = parser.value(QString::fromLatin1(option.name));
    const QString status = parser.value(QStringLiteral("status"));
    if (!statusFromKey(status, &prospect.status))
        return parser.usageError(
            tr("Unknown status \"%1\"; use one of: %2.").arg(status, statusKeys()));
    // Checked before anything is written, so that a refused prospect adds no owner either.
    prospect = normalizedProspect(prospect);
    const QList<FieldError> invalid = validateProspect(prospect);
    if (!invalid.isEmpty()) {
        for (const FieldError &fieldError : invalid)
            m_context.fail(fieldError.message);
        return ExitCode::Failure;
    }

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    Error error;
    if (!parser.user(db, QStringLiteral("owner"), CommandParser::NewUser::Add, &prospect.ownerId))
        return ExitCode::Failure;
    if (!ProspectRepository(db).add(&prospect, &error))
        return m_context.fail(error.message);
    m_context.out() << prospect.id << Qt::endl;
    return ExitCode::Success;
}

int ProspectCommands::list(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("prospects list"));
    parser.setDescription(tr("List prospects, newest first unless --sort says otherwise."));
    parser.addOption({QStringLiteral("search"),
        tr("Only prospects whose name, company or email contain every word."),
        QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("status"),
        tr("Only prospects with this status: %1.").arg(statusKeys()), QStringLiteral("STATUS")});
    parser.addOption(
        {QStringLiteral("owner"), tr("Only the prospects of this user."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("sort"), tr("Sort by one of: %1.").arg(sortKeys()),
        QStringLiteral("FIELD")});
    parser.addOption({QStringLiteral("descending"), tr("Sort in descending order.")});
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;

    ProspectQuery query;
    query.search = parser.value(QStringLiteral("search"));
    if (parser.isSet(QStringLiteral("status"))) {
        ProspectStatus status;
        const QString key = parser.value(QStringLiteral("status"));
        if (!statusFromKey(key, &status))
            return parser.usageError(
                tr("Unknown status \"%1\"; use one of: %2.").arg(key, statusKeys()));
        query.status = status;
    }
    if (parser.isSet(QStringLiteral("sort"))) {
        const QString key = parser.value(QStringLiteral("sort"));
        const auto found = std::find_if(std::begin(prospectColumns), std::end(prospectColumns),
            [&](const ProspectColumn &column) { return key == QLatin1String(column.key); });
        if (found == std::end(prospectColumns) || !found->sortField)
            return parser.usageError(
                tr("Cannot sort by \"%1\"; use one of: %2.").arg(key, sortKeys()));
        query.sortField = *found->sortField;
        query.sortOrder = Qt::AscendingOrder;
    }
    if (parser.isSet(QStringLiteral("descending")))
        query.sortOrder = Qt::DescendingOrder;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    Error error;
    if (!parser.user(db, QStringLiteral("owner"), CommandParser::NewUser::Refuse, &query.ownerId))
        return ExitCode::Failure;
    QList<qint64> ids;
    const ProspectRepository repository(db);
    if (!repository.ids(query, &ids, &error))
        return m_context.fail(error.message);

    const QList<const ProspectColumn *> columns = columnsFor(parser.format(), true);
    OutputWriter writer(m_context.out(), parser.format(), outputColumns(columns));
    // Calls `use` with each page of rows; a table needs two passes over them.
    auto forEachPage = [&](auto use) {
        QList<Prospect> prospects;
        for (qsizetype start = 0; start < ids.size(); start += pageSize) {
            if (!repository.fetch(ids.mid(start, pageSize), &prospects, &error))
                return false;
            use(rowsOf(prospects, columns));
        }
        return true;
    };
    if (writer.needsMeasuring()
        && !forEachPage([&](const QList<QVariantList> &rows) { writer.measure(rows); }))
        return m_context.fail(error.message);
    writer.begin();
    if (!forEachPage([&](const QList<QVariantList> &rows) { writer.write(rows); }))
        return m_context.fail(error.message);
    writer.end();
    return ExitCode::Success;
}

int ProspectCommands::show(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("prospects show"));
    parser.setPositional(
        QStringLiteral("ID"), tr("ID is the number \"prospects list\" shows."), 1, 1);
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;
    const std::optional<qint64> id
        = parser.id(parser.positional().constFirst(), tr("\"%1\" is not a prospect id."));
    if (!id)
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    Error error;
    const std::optional<Prospect> prospect = ProspectRepository(db).get(*id, &error);
    if (!prospect)
        return m_context.fail(error.message);
    const QList<const ProspectColumn *> columns = columnsFor(parser.format(), false);
    OutputWriter writer(m_context.out(), parser.format(), outputColumns(columns));
    writer.writeRecord(rowsOf({*prospect}, columns).constFirst());
    return ExitCode::Success;
}

int ProspectCommands::remove(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("prospects delete"));
    parser.setPositional(QStringLiteral("ID..."),
        tr("Deletes the prospects with these ids, with their touches and "
           "enrollments. If any id does not exist, nothing is deleted."),
        1, std::numeric_limits<int>::max());
    if (const auto done = parser.parse(arguments))
        return *done;
    QList<qint64> ids;
    if (!parser.ids(parser.positional(), tr("\"%1\" is not a prospect id."), &ids))
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    DeletedProspects deleted;
    if (!m_context.changeProspects(db, ids,
            tr("There is no prospect with id %1; nothing was deleted."),
            [&](Error *error) { return ProspectRepository(db).remove(ids, &deleted, error); }))
        return ExitCode::Failure;
    m_context.out() << tr("Deleted %n prospect(s).", nullptr, int(deleted.prospectIds.size()))
                    << Qt::endl;
    return ExitCode::Success;
}

int ProspectCommands::liftDoNotContact(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("prospects lift-dnc"));
    parser.setPositional(QStringLiteral("ID"),
        tr("Only when the prospect agreed to hear from you again: the status becomes replied "
           "if they ever answered, new otherwise, and the lift is recorded in their timeline."),
        1, 1);
    parser.addOption({QStringLiteral("author"),
        tr("The user who lifts it; added as a user if new."), QStringLiteral("NAME")});
    if (const auto done = parser.parse(arguments))
        return *done;
    const std::optional<qint64> id
        = parser.id(parser.positional().constFirst(), tr("\"%1\" is not a prospect id."));
    if (!id)
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    Error error;
    ProspectRepository prospects(db);
    if (!prospects.get(*id, &error))
        return m_context.fail(error.message);
    qint64 authorId = 0;
    if (!parser.user(db, QStringLiteral("author"), CommandParser::NewUser::Add, &authorId))
        return ExitCode::Failure;
    if (!TouchRepository(db).liftDoNotContact(*id, authorId, &error))
        return m_context.fail(error.message);
    const std::optional<Prospect> lifted = prospects.get(*id, &error);
    if (!lifted)
        return m_context.fail(error.message);
    m_context.out() << tr("%1 may be contacted again (status: %2).")
                           .arg(lifted->displayName(), statusKey(lifted->status))
                    << Qt::endl;
    return ExitCode::Success;
}

} // namespace Touchline::Cli
