#include "DefaultCadences.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTime>

namespace Touchline::DefaultCadences {

namespace {

// "08:00-10:00" -> minutes after midnight; null values when the step has no window.
std::pair<QVariant, QVariant> parseWindow(const QString &window)
{
    const QStringList parts = window.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return {};
    const QTime start = QTime::fromString(parts[0], QStringLiteral("HH:mm"));
    const QTime end = QTime::fromString(parts[1], QStringLiteral("HH:mm"));
    if (!start.isValid() || !end.isValid())
        return {};
    return {start.msecsSinceStartOfDay() / 60000, end.msecsSinceStartOfDay() / 60000};
}

} // namespace

bool install(QSqlDatabase &db, Error *error)
{
    QFile file(QStringLiteral(":/touchline/default-cadences.json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, Error::Kind::Io,
            QCoreApplication::translate(
                "Touchline::DefaultCadences", "The default cadences are missing from this build."));
    const QJsonArray cadences = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("cadences"))
                                    .toArray();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    QSqlQuery cadenceQuery(db);
    cadenceQuery.prepare(QStringLiteral(
        "INSERT INTO cadences (name, description, created_at, updated_at) VALUES (?, ?, ?, ?)"));
    QSqlQuery stepQuery(db);
    stepQuery.prepare(QStringLiteral(
        "INSERT INTO cadence_steps (cadence_id, position, channel, wait_days, business_days, "
        "window_start_minute, window_end_minute, purpose, subject, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));

    for (const QJsonValue &cadenceValue : cadences) {
        const QJsonObject cadence = cadenceValue.toObject();
        cadenceQuery.addBindValue(cadence.value(QLatin1String("name")).toString());
        cadenceQuery.addBindValue(cadence.value(QLatin1String("description")).toString());
        cadenceQuery.addBindValue(now);
        cadenceQuery.addBindValue(now);
        if (!cadenceQuery.exec())
            return fail(error, Error::Kind::Io,
                QCoreApplication::translate(
                    "Touchline::DefaultCadences", "Adding the default cadences failed: %1")
                    .arg(cadenceQuery.lastError().text()));
        const QVariant cadenceId = cadenceQuery.lastInsertId();
        int position = 0;
        for (const QJsonValue &stepValue : cadence.value(QLatin1String("steps")).toArray()) {
            const QJsonObject step = stepValue.toObject();
            const auto [windowStart, windowEnd]
                = parseWindow(step.value(QLatin1String("window")).toString());
            stepQuery.addBindValue(cadenceId);
            stepQuery.addBindValue(++position);
            stepQuery.addBindValue(step.value(QLatin1String("channel")).toString());
            stepQuery.addBindValue(step.value(QLatin1String("wait_days")).toInt());
            stepQuery.addBindValue(step.value(QLatin1String("business_days")).toBool() ? 1 : 0);
            stepQuery.addBindValue(windowStart);
            stepQuery.addBindValue(windowEnd);
            stepQuery.addBindValue(step.value(QLatin1String("purpose")).toString());
            stepQuery.addBindValue(step.value(QLatin1String("subject")).toString());
            stepQuery.addBindValue(step.value(QLatin1String("body")).toString());
            if (!stepQuery.exec())
                return fail(error, Error::Kind::Io,
                    QCoreApplication::translate(
                        "Touchline::DefaultCadences", "Adding the default cadences failed: %1")
                        .arg(stepQuery.lastError().text()));
        }
    }
    return true;
}

} // namespace Touchline::DefaultCadences
