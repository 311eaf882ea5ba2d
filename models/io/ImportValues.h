#pragma once

#include "storage/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>

namespace Touchline {
class Database;
}

// How imports read the values of a file, the same for prospects and touches.
namespace Touchline::ImportValues {

// A header as compared: lower case, accents dropped, punctuation and runs of
// space as one space ("E-mail Address" and "e_mail address" read alike).
QString headerKey(const QString &header);

// A LinkedIn profile as compared: without scheme, "www.", query or final slash,
// in lower case.
QString linkedInProfileKey(const QString &url);

// ISO 8601 with or without an offset (none: this computer's time zone), with a
// space for the T as spreadsheets write it ("2025-01-31 09:30"), or a date
// alone (its start); invalid for anything else.
QDateTime timeFromText(const QString &text);

// Far beyond any contact list (a million rows is about 150 MB), and small
// enough to read, decode and split in memory.
constexpr qint64 maxFileBytes = 512LL * 1024 * 1024;

// Reads the file and hands its bytes to `read`; every error names the file.
bool readFile(const QString &path,
    const std::function<bool(const QByteArray &bytes, Error *error)> &read, Error *error);

// The file's prospects as both imports find them: by email without case, and
// for rows without an email by LinkedIn profile. Where several prospects share
// one, the first read wins.
class ProspectMatcher
{
public:
    bool load(Database &db, Error *error);
    // The id of the prospect a row names, 0 for none.
    qint64 find(const QString &email, const QString &linkedInUrl) const;

private:
    QHash<QString, qint64> m_byEmail;
    QHash<QString, qint64> m_byProfile;
};

} // namespace Touchline::ImportValues
