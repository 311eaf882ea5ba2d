#include "StatsComputation.h"

#include "Database.h"
#include "StatsRepository.h"

#include <memory>

namespace Touchline {

// Lives in the computation's thread: everything it opens stays there.
class StatsWorker : public QObject
{
    Q_OBJECT
public:
    StatsWorker(const QString &databasePath, const std::atomic<quint64> &latest)
        : m_databasePath(databasePath)
        , m_latest(latest)
    {
    }

    void compute(quint64 generation, const StatsRequest &request);

Q_SIGNALS:
    void computed(quint64 generation, const Touchline::StatsResult &result);
    void computeFailed(quint64 generation, const QString &message);

private:
    bool isSuperseded(quint64 generation) const { return generation != m_latest.load(); }
    bool loadIfChanged(Error *error);

    const QString m_databasePath;
    const std::atomic<quint64> &m_latest;
    // Kept open between requests: SQLite's data_version then tells whether
    // anyone wrote since the last load, and a new filter only recomputes.
    std::unique_ptr<Database> m_db;
    int m_loadedVersion = -1;
    QList<ReplyStats::ProspectHistory> m_prospects;
    ReportTables::Labels m_labels;
};

bool StatsWorker::loadIfChanged(Error *error)
{
    if (!m_db) {
        auto db = std::make_unique<Database>();
        if (!db->open(
                m_databasePath, Database::Creation::MustExist, Database::Access::ReadOnly, error))
            return false;
        m_db = std::move(db);
        m_loadedVersion = -1;
    }
    const int version = m_db->dataVersion();
    if (version >= 0 && version == m_loadedVersion)
        return true;
    QList<ReplyStats::ProspectHistory> prospects;
    ReportTables::Labels labels;
    const StatsRepository repository(*m_db);
    if (!repository.load(&prospects, error) || !repository.loadLabels(&labels, error)) {
        // Opened again next time: the file may have been replaced or repaired.
        m_db.reset();
        return false;
    }
    m_prospects = std::move(prospects);
    m_labels = std::move(labels);
    m_loadedVersion = version;
    return true;
}

void StatsWorker::compute(quint64 generation, const StatsRequest &request)
{
    // Requests queue up while one runs; only the newest is worth the work.
    if (isSuperseded(generation))
        return;
    Error error;
    if (!loadIfChanged(&error)) {
        Q_EMIT computeFailed(generation, error.message);
        return;
    }
    if (isSuperseded(generation))
        return;
    StatsResult result;
    result.report = ReplyStats::compute(m_prospects, request.options, request.filter);
    result.labels = m_labels;
    Q_EMIT computed(generation, result);
}

StatsComputation::StatsComputation(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_worker(new StatsWorker(databasePath, m_latest))
{
    qRegisterMetaType<Touchline::StatsResult>();
    m_thread.setObjectName(QStringLiteral("StatsComputation"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StatsWorker::computed, this, &StatsComputation::deliver);
    connect(m_worker, &StatsWorker::computeFailed, this, &StatsComputation::deliverFailure);
    m_thread.start();
}

StatsComputation::~StatsComputation()
{
    // A computation under way finishes (it cannot be interrupted), queued ones
    // are skipped, and nothing is delivered any more.
    m_latest.store(0);
    m_thread.quit();
    m_thread.wait();
}

void StatsComputation::request(const StatsRequest &request)
{
    const quint64 generation = ++m_generation;
    m_latest.store(generation);
    StatsWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, generation, request] { worker->compute(generation, request); },
        Qt::QueuedConnection);
    setBusy(true);
}

bool StatsComputation::isBusy() const
{
    return m_busy;
}

void StatsComputation::deliver(quint64 generation, const StatsResult &result)
{
    if (generation != m_generation)
        return;
    setBusy(false);
    Q_EMIT finished(result);
}

void StatsComputation::deliverFailure(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    setBusy(false);
    Q_EMIT failed(message);
}

void StatsComputation::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Touchline

#include "StatsComputation.moc"
