#include "SqlUtil.h"

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

} // namespace Touchline::SqlUtil
