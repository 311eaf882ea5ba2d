#include "ContactLinks.h"

#include <QRegularExpression>
#include <QStringList>

namespace Touchline::ContactLinks {

namespace {

// Keeps a leading + and the digits; the rest of a typed number is decoration.
QString dialable(const QString &phone)
{
    QString digits;
    for (const QChar c : phone.trimmed()) {
        if (c.isDigit() || (c == QLatin1Char('+') && digits.isEmpty()))
            digits.append(c);
    }
    return digits.count(QRegularExpression(QStringLiteral("[0-9]"))) >= 3 ? digits : QString();
}

// Encodes every reserved character, so a subject holding "&body=" stays a subject.
QUrl withQuery(QUrl url, const QList<std::pair<QString, QString>> &items)
{
    QStringList parts;
    for (const auto &[key, value] : items) {
        if (!value.isEmpty())
            parts.append(
                key + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    if (!parts.isEmpty())
        url.setQuery(parts.join(QLatin1Char('&')), QUrl::StrictMode);
    return url;
}

} // namespace

QUrl mailto(const QString &email, const QString &subject, const QString &body)
{
    static const QRegularExpression address(
        QStringLiteral(R"(^[^\s@?&/:]+@[^\s@?&/:]+\.[^\s@?&/:]+$)"));
    const QString trimmed = email.trimmed();
    if (!address.match(trimmed).hasMatch())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("mailto"));
    url.setPath(trimmed);
    return withQuery(url, {{QStringLiteral("subject"), subject}, {QStringLiteral("body"), body}});
}

QUrl tel(const QString &phone)
{
    const QString number = dialable(phone);
    if (number.isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("tel"));
    url.setPath(number);
    return url;
}

QUrl sms(const QString &phone, const QString &body)
{
    const QString number = dialable(phone);
    if (number.isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("sms"));
    url.setPath(number);
    return withQuery(url, {{QStringLiteral("body"), body}});
}

QUrl web(const QString &address)
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    return url;
}

bool isSafeToOpen(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return !url.host().isEmpty();
    return scheme == QLatin1String("mailto") || scheme == QLatin1String("tel")
        || scheme == QLatin1String("sms");
}

} // namespace Touchline::ContactLinks
