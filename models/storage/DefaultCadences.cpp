#include "DefaultCadences.h"

#include "CadenceRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Touchline::DefaultCadences {

QList<Cadence> load()
{
    QFile file(QStringLiteral(":/touchline/default-cadences.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray cadences = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("cadences"))
                                    .toArray();
    QList<Cadence> loaded;
    for (const QJsonValue &cadenceValue : cadences) {
        const QJsonObject object = cadenceValue.toObject();
        Cadence cadence;
        cadence.name = object.value(QLatin1String("name")).toString();
        cadence.description = object.value(QLatin1String("description")).toString();
        for (const QJsonValue &stepValue : object.value(QLatin1String("steps")).toArray()) {
            const QJsonObject stepObject = stepValue.toObject();
            CadenceStep step;
            step.position = int(cadence.steps.size()) + 1;
            channelFromKey(stepObject.value(QLatin1String("channel")).toString(), &step.channel);
            step.waitDays = stepObject.value(QLatin1String("wait_days")).toInt();
            step.businessDays = stepObject.value(QLatin1String("business_days")).toBool();
            parseSendWindow(stepObject.value(QLatin1String("window")).toString(),
                &step.windowStartMinute, &step.windowEndMinute);
            step.purpose = stepObject.value(QLatin1String("purpose")).toString();
            step.subject = stepObject.value(QLatin1String("subject")).toString();
            step.body = stepObject.value(QLatin1String("body")).toString();
            cadence.steps.append(step);
        }
        loaded.append(cadence);
    }
    return loaded;
}

bool install(QSqlDatabase &db, Error *error)
{
    QList<Cadence> cadences = load();
    if (cadences.isEmpty())
        return fail(error, Error::Kind::Io,
            QCoreApplication::translate(
                "Touchline::DefaultCadences", "The default cadences are missing from this build."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Cadence &cadence : cadences) {
        cadence.createdAt = now;
        cadence.updatedAt = now;
        if (!CadenceRepository::insert(db, &cadence, error))
            return false;
    }
    return true;
}

} // namespace Touchline::DefaultCadences
