#pragma once

#include <QString>

namespace Touchline {

// The file the app and the CLI use when none is named: touchline.sqlite in the
// user's application data folder. Needs the organization and application names set.
QString defaultDatabasePath();

} // namespace Touchline
