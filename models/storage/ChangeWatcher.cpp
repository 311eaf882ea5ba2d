#include "ChangeWatcher.h"

#include "Database.h"

namespace Touchline {

ChangeWatcher::ChangeWatcher(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::check);
}

void ChangeWatcher::start(int intervalMs)
{
    m_version = m_db.dataVersion();
    m_timer.start(intervalMs);
}

void ChangeWatcher::stop()
{
    m_timer.stop();
    m_version = -1;
}

bool ChangeWatcher::check()
{
    if (!m_db.isOpen())
        return false;
    // -1: the file could not be read just now (locked past the busy timeout);
    // the next look tells.
    const int version = m_db.dataVersion();
    if (version < 0 || version == m_version)
        return false;
    const bool first = m_version < 0;
    m_version = version;
    if (first)
        return false;
    Q_EMIT changedElsewhere();
    // Nothing says what another connection wrote: every table may have changed.
    m_db.notifyChanged(Database::Table::Prospects | Database::Table::Touches
        | Database::Table::Cadences | Database::Table::Enrollments | Database::Table::Users
        | Database::Table::Settings);
    return true;
}

} // namespace Touchline
