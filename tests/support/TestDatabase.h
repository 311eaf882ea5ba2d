#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace Touchline::Test {

// A fresh Touchline file in a temporary folder that is removed afterwards.
class TestDatabase
{
public:
    TestDatabase();

    // The folder exists and the database opened; QVERIFY this in each test.
    bool isValid() const { return m_dir.isValid() && m_db->isOpen(); }
    Database &db() { return *m_db; }
    QString path() const { return m_path; }
    QString dirPath() const { return m_dir.path(); }
    Error openError() const { return m_error; }

    // Reopens the same file on a second connection, as another process would.
    std::unique_ptr<Database> openSecondConnection(
        Database::Access access = Database::Access::ReadWrite) const;

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    Error m_error;
};

} // namespace Touchline::Test
