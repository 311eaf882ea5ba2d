#include "StatsComputation.h"

#include "Database.h"
#include "StatsRepository.h"
#include "UserRepository.h"

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

    const QString m_databasePath;
    const std::atomic<quint64> &m_latest;
};

void StatsWorker::compute(quint64 generation, const StatsRequest &request)
{
    // Requests queue up while one runs; only the newest is worth the work.
    if (isSuperseded(generation))
        return;
    // A connection per request, so that every result reflects the file as it is
    // now, written by this window or by anyone else.
    Database db;
    Error error;
    QList<ReplyStats::ProspectHistory> prospects;
    QList<User> users;
    if (!db.open(m_databasePath, Database::Creation::MustExist, Database::Access::ReadOnly, &error)
        || !StatsRepository(db).load(&prospects, &error)
        || !UserRepository(db).list(&users, &error)) {
        Q_EMIT computeFailed(generation, error.message);
        return;
    }
    db.close();
    if (isSuperseded(generation))
        return;
    StatsResult result;
    result.report = ReplyStats::compute(prospects, request.options, request.filter);
    for (const User &user : std::as_const(users))
        result.ownerNames.insert(user.id, user.name);
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
