#include "TestDatabase.h"

namespace Touchline::Test {

TestDatabase::TestDatabase()
    : m_path(m_dir.filePath(QStringLiteral("test.touchline")))
    , m_db(std::make_unique<Database>())
{
    m_db->open(m_path, Database::Creation::MustNotExist, Database::Access::ReadWrite, &m_error);
}

std::unique_ptr<Database> TestDatabase::openSecondConnection(Database::Access access) const
{
    auto second = std::make_unique<Database>();
    Error error;
    if (!second->open(m_path, Database::Creation::MustExist, access, &error))
        return nullptr;
    return second;
}

} // namespace Touchline::Test
