#include "SqlUtil.h"

#include "domain/Cadence.h"
#include "domain/Touch.h"

#include <QStringList>

namespace Touchline::SqlUtil {

QString idsToJson(const QList<qint64> &ids)
{
    QString json;
    json.reserve(ids.size() * 8 + 2);
    json += QLatin1Char('[');
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            json += QLatin1Char(',');
        json += QString::number(ids.at(i));
    }
    json += QLatin1Char(']');
    return json;
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QString numberedTouchCondition(const QString &alias)
{
    QStringList channels;
    for (TouchChannel channel : allChannels()) {
        if (isNumbered(channel, TouchDirection::Out))
            channels.append(QLatin1Char('\'') + channelKey(channel) + QLatin1Char('\''));
    }
    Q_ASSERT(!isNumbered(TouchChannel::Email, TouchDirection::In)); // only outbound ones
    return QStringLiteral("(%1direction = '%2' AND %1channel IN (%3))")
        .arg(alias, directionKey(TouchDirection::Out), channels.join(QLatin1String(", ")));
}

QString runningEnrollmentCondition(const QString &alias)
{
    QStringList states;
    for (EnrollmentState state : {EnrollmentState::Active, EnrollmentState::Paused,
             EnrollmentState::Bounced, EnrollmentState::Replied, EnrollmentState::Meeting,
             EnrollmentState::OptedOut, EnrollmentState::Completed, EnrollmentState::Stopped}) {
        if (isRunning(state))
            states.append(QLatin1Char('\'') + enrollmentStateKey(state) + QLatin1Char('\''));
    }
    return QStringLiteral("%1state IN (%2)").arg(alias, states.join(QLatin1String(", ")));
}

} // namespace Touchline::SqlUtil
