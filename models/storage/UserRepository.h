#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Touchline {

class Database;

struct User
{
    qint64 id = 0;
    QString name;
};

class UserRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::UserRepository)

public:
    explicit UserRepository(Database &db);

    bool list(QList<User> *users, Error *error) const;
    // The id of the user with this name (case-insensitive), 0 if there is none.
    qint64 find(const QString &name, Error *error) const;
    // The id of the user with this name, adding the user if needed.
    qint64 ensure(const QString &name, Error *error);
    // ensure() for many names inside the caller's transaction, so that an import
    // rolled back takes its new users with it; the caller notifies Users when
    // `added` turns true. `ids` maps each name, trimmed, to its user's id.
    bool ensureAll(
        const QStringList &names, QHash<QString, qint64> *ids, bool *added, Error *error);

private:
    Database &m_db;
};

} // namespace Touchline
