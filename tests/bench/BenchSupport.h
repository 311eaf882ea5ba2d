#pragma once

#include <QString>

#include <functional>

class QCommandLineParser;
class QTemporaryDir;
class QTextStream;

namespace Touchline {
class Database;
} // namespace Touchline

namespace Touchline::Bench {

// Adds --db, --prospects, --touches (default: 10 per prospect) and --repeat to `parser`.
void addOptions(QCommandLineParser &parser, int defaultRepeat, int defaultProspects = 100000);

// The file to measure: --db if given, else a file generated in `dir` (seed 1).
// Returns an empty string after printing why it could not make one.
QString benchFile(const QCommandLineParser &parser, const QTemporaryDir &dir, QTextStream &out);

// Opens the file to measure; prints why and returns false if it cannot.
bool openBenchFile(Database &db, const QString &path);

int repeatCount(const QCommandLineParser &parser);

// Runs setUp then work `repeat` times and returns the median time of work, in ms.
double medianMs(int repeat, const std::function<void()> &setUp, const std::function<void()> &work);

// One aligned line of the report.
void report(QTextStream &out, const QString &what, double ms);

} // namespace Touchline::Bench
