#pragma once

#include "Error.h"
#include "domain/ProspectEvent.h"

namespace Touchline {

class Database;

namespace ProspectEventStore {

// Inserts an event row inside the caller's transaction; sets `*id` when given.
bool insert(Database &db, const ProspectEvent &event, qint64 *id, Error *error);

} // namespace ProspectEventStore

} // namespace Touchline
