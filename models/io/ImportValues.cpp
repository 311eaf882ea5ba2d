#include "ImportValues.h"

#include "domain/Csv.h"
#include "storage/ProspectRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

namespace Touchline::ImportValues {

QString headerKey(const QString &header)
{
    QString key;
    bool space = false;
    for (const QChar c : Csv::plainText(header).normalized(QString::NormalizationForm_KD)) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber()) {
            if (space && !key.isEmpty())
                key += QLatin1Char(' ');
            key += c.toLower();
            space = false;
        } else {
            space = true;
        }
    }
    return key;
}

QString linkedInProfileKey(const QString &url)
{
    const QUrl parsed(url);
    QString host = parsed.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    QString path = parsed.path().toLower();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return host + path;
}

QDateTime timeFromText(const QString &text)
{
    // Qt's ISO 8601 reads a date alone as its start, and HH:mm without seconds.
    QString iso = text.trimmed();
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

bool readFile(const QString &path,
    const std::function<bool(const QByteArray &bytes, Error *error)> &read, Error *error)
{
    const auto translate = [](const char *text) {
        return QCoreApplication::translate("Touchline::ImportValues", text);
    };
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, file.exists() ? Error::Kind::Io : Error::Kind::NotFound,
            translate("%1 cannot be read: %2").arg(shown, file.errorString()));
    if (file.size() > maxFileBytes)
        return fail(error, Error::Kind::Invalid,
            translate("%1 is %2 MB; Touchline imports files of up to %3 MB. Split it into "
                      "smaller files.")
                .arg(shown)
                .arg(file.size() / (1024 * 1024))
                .arg(maxFileBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(error, Error::Kind::Io,
            translate("%1 cannot be read: %2").arg(shown, file.errorString()));
    Error readError;
    if (!read(bytes, &readError))
        return fail(error, readError.kind, translate("%1: %2").arg(shown, readError.message));
    return true;
}

bool ProspectMatcher::load(Database &db, Error *error)
{
    QList<ProspectContactPoints> points;
    if (!ProspectRepository(db).contactPoints(&points, error))
        return false;
    m_byEmail.clear();
    m_byProfile.clear();
    for (const ProspectContactPoints &point : std::as_const(points)) {
        if (!point.email.isEmpty())
            m_byEmail.insert(point.email.toLower(), point.id);
        if (!point.linkedInUrl.isEmpty())
            m_byProfile.insert(linkedInProfileKey(point.linkedInUrl), point.id);
    }
    return true;
}

qint64 ProspectMatcher::find(const QString &email, const QString &linkedInUrl) const
{
    if (!email.isEmpty())
        return m_byEmail.value(email.toLower());
    return linkedInUrl.isEmpty() ? 0 : m_byProfile.value(linkedInProfileKey(linkedInUrl));
}

} // namespace Touchline::ImportValues
