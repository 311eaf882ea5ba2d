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
    if (!query.exec()) {
        if (error)
            *error = m_db.queryError(query, tr("looking up a user"));
        return 0;
    }
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 UserRepository::ensure(const QString &name, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return 0;
    QHash<QString, qint64> ids;
    bool added = false;
    if (!ensureAll({name}, &ids, &added, error) || !transaction.commit(error))
        return 0;
    if (added)
        m_db.notifyChanged(Database::Table::Users);
    return ids.value(name.trimmed());
}

bool UserRepository::ensureAll(
    const QStringList &names, QHash<QString, qint64> *ids, bool *added, Error *error)
{
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO users (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"));
    QSqlQuery select(m_db.connection());
    select.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?"));
    const QVariant now = Database::toDbTime(QDateTime::currentDateTimeUtc());
    for (const QString &name : names) {
        const QString trimmed = name.trimmed();
        if (trimmed.isEmpty())
            return fail(error, Error::Kind::Invalid, tr("A user needs a name."));
        if (ids->contains(trimmed))
            continue;
        insert.addBindValue(trimmed);
        insert.addBindValue(now);
        if (!insert.exec()) {
            if (error)
                *error = m_db.queryError(insert, tr("adding user %1").arg(trimmed));
            return false;
        }
        if (insert.numRowsAffected() == 1)
            *added = true;
        select.addBindValue(trimmed);
        if (!select.exec() || !select.next()) {
            if (error)
                *error = m_db.queryError(select, tr("looking up a user"));
            return false;
        }
        ids->insert(trimmed, select.value(0).toLongLong());
        select.finish();
    }
    return true;
}

} // namespace Touchline
