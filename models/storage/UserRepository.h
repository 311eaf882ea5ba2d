#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

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

private:
    Database &m_db;
};

} // namespace Touchline
