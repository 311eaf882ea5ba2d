#pragma once

#include "Error.h"
#include "domain/ReplyStats.h"
#include "domain/ReportTables.h"

#include <QCoreApplication>
#include <QList>

namespace Touchline {

class Database;

// Reads what the dashboard's statistics (domain/ReplyStats.h) are computed
// from: every prospect with its touches, and the names that label them.
// Read-only.
class StatsRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::StatsRepository)
public:
    explicit StatsRepository(Database &db);

    // Every prospect by id, its touches in (occurred_at, id) order. Outside a
    // transaction, a second read-only connection to the file, in a thread of
    // its own, reads part of the touches.
    bool load(QList<ReplyStats::ProspectHistory> *prospects, Error *error) const;
    // Every user, cadence (archived too: old touches did their steps) and step.
    bool loadLabels(ReportTables::Labels *labels, Error *error) const;

private:
    Database &m_db;
};

} // namespace Touchline
