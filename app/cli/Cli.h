#pragma once

#include <QStringList>

class QTextStream;

namespace Touchline::Cli {

// Runs touchline-cli with these arguments (the first is the program) and returns
// the exit status. Separate from main() so that nothing here depends on the process.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Touchline::Cli
