#pragma once

#include "storage/Database.h"

#include <QCommandLineParser>
#include <QString>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

class QCoreApplication;

namespace Touchline::Bench {

// Opens the file to measure; prints why and returns false if it cannot.
bool openBenchFile(Database &db, const QString &path);

// What every benchmark starts with: --db, --prospects, --touches (default: 10
// per prospect) and --repeat parsed, and the file to measure open: --db, or a
// file generated in a temporary folder (seed 1).
class Session
{
public:
    Session(const QCoreApplication &app, int defaultRepeat, int defaultProspects = 100000);

    // False after printing why the file could not be made or opened.
    bool isReady() const { return m_ready; }
    Database &db() { return m_db; }
    const QString &path() const { return m_path; }
    int repeat() const { return m_repeat; }
    QTextStream &out() { return m_out; }

private:
    QCommandLineParser m_parser;
    QTemporaryDir m_dir;
    QTextStream m_out;
    Database m_db;
    QString m_path;
    int m_repeat = 1;
    bool m_ready = false;
};

// Runs setUp then work `repeat` times and returns the median time of work, in ms.
double medianMs(int repeat, const std::function<void()> &setUp, const std::function<void()> &work);

// One aligned line of the report.
void report(QTextStream &out, const QString &what, double ms);

} // namespace Touchline::Bench
