#pragma once

#include "domain/ReplyStats.h"
#include "domain/ReportTables.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace Touchline {

struct StatsRequest
{
    ReplyStats::Filter filter;
    ReplyStats::Options options;
};

struct StatsResult
{
    ReplyStats::Report report;
    ReportTables::Labels labels; // read with the numbers, for ReportTables::table()
};

class StatsWorker;

// Computes the dashboard's statistics (domain/ReplyStats.h) off the GUI thread:
// a large file takes seconds to load and count, and the window must not wait.
class StatsComputation : public QObject
{
    Q_OBJECT
public:
    // Reads `databasePath` on its own read-only connection in a worker thread
    // (SQLite connections cannot cross threads), so the window never waits.
    // What it loaded is kept until someone writes to the file, so a new filter
    // only counts again.
    explicit StatsComputation(const QString &databasePath, QObject *parent = nullptr);
    ~StatsComputation() override; // stops and joins the worker

    // Starts computing; a newer request supersedes any older one still running
    // (only the latest result is delivered).
    void request(const StatsRequest &request);
    bool isBusy() const;

Q_SIGNALS:
    void finished(const Touchline::StatsResult &result);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    void deliver(quint64 generation, const StatsResult &result);
    void deliverFailure(quint64 generation, const QString &message);
    void setBusy(bool busy);

    // The latest request's number, read by the worker to skip the work of
    // requests already superseded; 0 once stopping. Outlives the worker, which
    // is gone once m_thread is joined.
    std::atomic<quint64> m_latest {0};
    QThread m_thread;
    StatsWorker *m_worker;    // lives in m_thread, deleted when it finishes
    quint64 m_generation = 0; // of the latest request; only this thread writes it
    bool m_busy = false;
};

} // namespace Touchline

Q_DECLARE_METATYPE(Touchline::StatsResult)
