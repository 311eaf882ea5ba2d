#pragma once

#include "Error.h"
#include "domain/Cadence.h"

#include <QList>

class QSqlDatabase;

namespace Touchline::DefaultCadences {

// The cadences shipped in resources/default-cadences.json, without ids.
QList<Cadence> load();

// Inserts them into a new file, inside the caller's transaction.
bool install(QSqlDatabase &db, Error *error);

} // namespace Touchline::DefaultCadences
