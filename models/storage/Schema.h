#pragma once

#include "Error.h"

class QSqlDatabase;

namespace Touchline::Schema {

// 'TchL': marks a SQLite file as Touchline's (PRAGMA application_id).
constexpr int applicationId = 0x5463684C;
// PRAGMA user_version of a file this build writes.
constexpr int latestVersion = 3;

// Runs every migration step from `fromVersion` up to `toVersion`, each setting
// user_version. The caller owns the transaction, so a failed step changes nothing.
bool migrate(QSqlDatabase &db, int fromVersion, int toVersion, Error *error);

} // namespace Touchline::Schema
