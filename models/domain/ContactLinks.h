#pragma once

#include <QString>
#include <QUrl>

namespace Touchline::ContactLinks {

// Links the desktop's handlers open for a prospect. Each returns an invalid URL
// when the field cannot make a safe link of that kind.
QUrl mailto(const QString &email, const QString &subject = {}, const QString &body = {});
QUrl tel(const QString &phone);
QUrl sms(const QString &phone, const QString &body = {});
QUrl web(const QString &address); // http(s) only, e.g. a LinkedIn profile

// Only mailto, tel, sms and http(s) links are ever opened: a field holding
// "file:" or "javascript:" must not reach the desktop's handlers.
bool isSafeToOpen(const QUrl &url);

} // namespace Touchline::ContactLinks
