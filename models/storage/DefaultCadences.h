#pragma once

#include "Error.h"

class QSqlDatabase;

namespace Touchline::DefaultCadences {

// Inserts the cadences shipped in resources/default-cadences.json into a new
// file. Runs inside the caller's transaction.
bool install(QSqlDatabase &db, Error *error);

} // namespace Touchline::DefaultCadences
