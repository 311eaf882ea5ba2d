#include "UserRepository.h"

#include "Database.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Touchline {

UserRepository::UserRepository(Database &db)
    : m_db(db)
{
}

bool UserRepository::list(QList<User> *users, Error *error) const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT id, name FROM users ORDER BY name COLLATE NOCASE"))) {
        if (error)
            *error = m_db.queryError(query, tr("listing users"));
        return false;
    }
    users->clear();
    while (query.next())
        users->append({query.value(0).toLongLong(), query.value(1).toString()});
    return true;
}

qint64 UserRepository::find(const QString &name, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?"));
    query.addBindValue(name.trimmed());
    if (!m_db.exec(query, tr("looking up a user"), error))
        return 0;
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 UserRepository::ensure(const QString &name, Error *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        fail(error, Error::Kind::Invalid, tr("A user needs a name."));
        return 0;
    }
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return 0;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO users (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"));
    query.addBindValue(trimmed);
    query.addBindValue(Database::toDbTime(QDateTime::currentDateTimeUtc()));
    if (!m_db.exec(query, tr("adding user %1").arg(trimmed), error))
        return 0;
    const bool added = query.numRowsAffected() == 1;
    const qint64 id = find(trimmed, error);
    if (!transaction.commit(error))
        return 0;
    if (added)
        m_db.notifyChanged(Database::Table::Users);
    return id;
}

} // namespace Touchline
