#include "ImportRunner.h"

#include "storage/Database.h"

#include <QThread>

namespace Touchline {

ImportRunner::ImportRunner(QObject *parent)
    : QObject(parent)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
    , m_outcome(std::make_shared<Outcome>())
{
}

ImportRunner::~ImportRunner()
{
    if (!m_thread)
        return;
    cancel();
    m_thread->wait();
}

void ImportRunner::start(const QString &databasePath, Job job)
{
    if (m_thread)
        return;
    *m_cancelled = false;
    m_outcome = std::make_shared<Outcome>();
    auto outcome = m_outcome;
    auto cancelled = m_cancelled;
    m_thread = QThread::create([this, databasePath, job, outcome, cancelled] {
        Database db;
        if (!db.open(databasePath, Database::Creation::MustExist, Database::Access::ReadWrite,
                &outcome->error))
            return;
        // Reports reach the window at most once per thousandth of the way.
        const ImportProgress progress = [this, cancelled, shown = -1](int done, int total) mutable {
            const int step = total > 0 ? int(qint64(done) * 1000 / total) : 0;
            if (step != shown) {
                shown = step;
                // Queued to this object: dropped if it is gone by the time it arrives.
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT progressed(done, total); },
                    Qt::QueuedConnection);
            }
            return !*cancelled;
        };
        outcome->result = job(db, progress, &outcome->summary, &outcome->error);
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished();
    });
    m_thread->start();
}

void ImportRunner::cancel()
{
    *m_cancelled = true;
}

} // namespace Touchline
