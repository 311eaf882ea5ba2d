#include "TouchCommands.h"

#include "CommandContext.h"
#include "CommandParser.h"
#include "OutputWriter.h"
#include "domain/Touch.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QTextStream>

#include <optional>

namespace Touchline::Cli {

namespace {

template<typename Enum> QString keyList(const QList<Enum> &values, QString (*key)(Enum))
{
    QStringList keys;
    for (Enum value : values)
        keys.append(key(value));
    return keys.join(QLatin1String(", "));
}

QString channelKeys()
{
    return keyList(allChannels(), &channelKey);
}

QString directionKeys()
{
    return keyList(QList<TouchDirection> {TouchDirection::Out, TouchDirection::In}, &directionKey);
}

QString outcomeKeys()
{
    return keyList(allOutcomes(), &outcomeKey);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

TouchCommands::TouchCommands(CommandContext &context)
    : m_context(context)
{
}

int TouchCommands::run(const QStringList &arguments)
{
    return runGroup(m_context, QStringLiteral("touches"),
        {
            {"log", &runMember<TouchCommands, &TouchCommands::log>},
            {"list", &runMember<TouchCommands, &TouchCommands::list>},
            {"delete", &runMember<TouchCommands, &TouchCommands::remove>},
        },
        arguments);
}

int TouchCommands::log(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("touches log"));
    parser.setDescription(
        tr("Log a touch of a prospect and print its id. Outbound email, phone, LinkedIn and SMS "
           "touches are numbered 1, 2, 3... per prospect; an inbound touch marks the prospect as "
           "replied, an opt-out as do not contact."));
    parser.addOption(
        {QStringLiteral("prospect"), tr("The prospect's id (required)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("channel"), tr("One of: %1 (required).").arg(channelKeys()),
        QStringLiteral("CHANNEL")});
    parser.addOption({QStringLiteral("direction"),
        tr("out (by us) or in (from the prospect) (required)."), QStringLiteral("DIRECTION")});
    parser.addOption({QStringLiteral("outcome"),
        tr("One of: %1 (required; it must fit the channel and direction).").arg(outcomeKeys()),
        QStringLiteral("OUTCOME")});
    parser.addOption({QStringLiteral("at"),
        tr("When it happened, in ISO 8601 such as 2025-01-31T09:30:00Z (default: now; not in "
           "the future)."),
        QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("note"), tr("Notes."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("author"),
        tr("The user who logs the touch; added as a user if new."), QStringLiteral("NAME")});
    if (const auto done = parser.parse(arguments))
        return *done;

    for (const char *required : {"prospect", "channel", "direction", "outcome"}) {
        if (!parser.isSet(QString::fromLatin1(required)))
            return parser.usageError(tr("--%1 is required.").arg(QString::fromLatin1(required)));
    }
    Touch touch;
    const std::optional<qint64> prospectId
        = parser.id(parser.value(QStringLiteral("prospect")), tr("\"%1\" is not a prospect id."));
    if (!prospectId)
        return ExitCode::UsageError;
    touch.prospectId = *prospectId;
    const QString channel = parser.value(QStringLiteral("channel"));
    if (!channelFromKey(channel, &touch.channel))
        return parser.usageError(
            tr("Unknown channel \"%1\"; use one of: %2.").arg(channel, channelKeys()));
    const QString direction = parser.value(QStringLiteral("direction"));
    if (!directionFromKey(direction, &touch.direction))
        return parser.usageError(
            tr("Unknown direction \"%1\"; use one of: %2.").arg(direction, directionKeys()));
    const QString outcome = parser.value(QStringLiteral("outcome"));
    if (!outcomeFromKey(outcome, &touch.outcome))
        return parser.usageError(
            tr("Unknown outcome \"%1\"; use one of: %2.").arg(outcome, outcomeKeys()));
    if (parser.isSet(QStringLiteral("at"))) {
        const QString text = parser.value(QStringLiteral("at"));
        touch.occurredAt = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!touch.occurredAt.isValid())
            return parser.usageError(
                tr("--at needs a time in ISO 8601 such as 2025-01-31T09:30:00Z, not \"%1\".")
                    .arg(text));
    } else {
        touch.occurredAt = QDateTime::currentDateTimeUtc();
    }
    touch.notes = parser.value(QStringLiteral("note"));
    // The rules that need no file are checked before the file is opened; the rest
    // come from the repository, as in the app.
    const QList<TouchFieldError> invalid = validateTouch(touch, QDateTime::currentDateTimeUtc());
    if (!invalid.isEmpty()) {
        for (const TouchFieldError &fieldError : invalid)
            m_context.fail(fieldError.message);
        return ExitCode::Failure;
    }

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    Error error;
    if (!ProspectRepository(db).get(touch.prospectId, &error))
        return m_context.fail(error.message);
    if (!parser.user(db, QStringLiteral("author"), CommandParser::NewUser::Add, &touch.authorId))
        return ExitCode::Failure;
    if (!TouchRepository(db).log(&touch, nullptr, &error))
        return m_context.fail(error.message);
    m_context.out() << touch.id << Qt::endl;
    return ExitCode::Success;
}

int TouchCommands::list(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("touches list"));
    parser.setDescription(tr("List a prospect's touches, oldest first."));
    parser.addOption(
        {QStringLiteral("prospect"), tr("The prospect's id (required)."), QStringLiteral("ID")});
    parser.addFormatOption();
    if (const auto done = parser.parse(arguments))
        return *done;
    if (!parser.isSet(QStringLiteral("prospect")))
        return parser.usageError(tr("--prospect is required."));
    const std::optional<qint64> prospectId
        = parser.id(parser.value(QStringLiteral("prospect")), tr("\"%1\" is not a prospect id."));
    if (!prospectId)
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadOnly))
        return ExitCode::Failure;
    Error error;
    if (!ProspectRepository(db).get(*prospectId, &error))
        return m_context.fail(error.message);
    QList<Touch> touches;
    if (!TouchRepository(db).listForProspect(*prospectId, &touches, &error))
        return m_context.fail(error.message);

    const QList<Column> columns = {
        {QStringLiteral("id"), tr("ID"), true},
        {QStringLiteral("occurred_at"), tr("When"), false},
        {QStringLiteral("touch_number"), tr("No."), true},
        {QStringLiteral("channel"), tr("Channel"), false},
        {QStringLiteral("direction"), tr("Direction"), false},
        {QStringLiteral("outcome"), tr("Outcome"), false},
        {QStringLiteral("author"), tr("Author"), false},
        {QStringLiteral("notes"), tr("Notes"), false},
    };
    QList<QVariantList> rows;
    rows.reserve(touches.size());
    for (const Touch &touch : std::as_const(touches))
        rows.append({touch.id, touch.occurredAt,
            touch.touchNumber ? QVariant(touch.touchNumber) : QVariant(), channelKey(touch.channel),
            directionKey(touch.direction), outcomeKey(touch.outcome), textOrNull(touch.authorName),
            touch.notes});
    return m_context.printList(parser.format(), columns, rows);
}

int TouchCommands::remove(const QStringList &arguments)
{
    CommandParser parser(m_context, QStringLiteral("touches delete"));
    parser.setPositional(QStringLiteral("ID"),
        tr("ID is the number \"touches list\" shows. The prospect's other touches are "
           "numbered again; its status stays."),
        1, 1);
    if (const auto done = parser.parse(arguments))
        return *done;
    const std::optional<qint64> id
        = parser.id(parser.positional().constFirst(), tr("\"%1\" is not a touch id."));
    if (!id)
        return ExitCode::UsageError;

    Database db;
    if (!m_context.open(db, Database::Creation::MustExist, Database::Access::ReadWrite))
        return ExitCode::Failure;
    Error error;
    if (!TouchRepository(db).remove(*id, nullptr, &error))
        return m_context.fail(error.message);
    m_context.out() << tr("Deleted touch %1.").arg(*id) << Qt::endl;
    return ExitCode::Success;
}

} // namespace Touchline::Cli
