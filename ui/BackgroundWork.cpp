#include "BackgroundWork.h"

#include <QProgressDialog>
#include <QThread>

namespace Touchline {

namespace {

// The progress bar's steps: reports reach the window at most this many times.
constexpr int steps = 1000;
// Work that ends sooner shows no dialog at all.
constexpr int dialogDelayMs = 500;

} // namespace

BackgroundWork::BackgroundWork(
    const QString &objectName, const QString &title, const QString &label, QWidget *parent)
    : QObject(parent)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{
    m_progress = new QProgressDialog(label, tr("Cancel"), 0, steps, parent);
    m_progress->setObjectName(objectName);
    m_progress->setWindowTitle(title);
    m_progress->setMinimumDuration(dialogDelayMs);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &BackgroundWork::cancel);
}

BackgroundWork::~BackgroundWork()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
    delete m_progress;
}

void BackgroundWork::start(const QString &databasePath, Database::Access access, Work work)
{
    if (m_thread)
        return;
    auto outcome = std::make_shared<Outcome>();
    m_thread
        = QThread::create([this, databasePath, access, work, outcome, cancelled = m_cancelled] {
              Database db;
              if (!db.open(databasePath, Database::Creation::MustExist, access, &outcome->error))
                  return;
              const Progress progress
                  = [this, cancelled, shown = -1](qint64 done, qint64 total) mutable {
                        const int step = total > 0 ? int(std::min(done, total) * steps / total) : 0;
                        if (step != shown) {
                            shown = step;
                            // Queued to this object: dropped if it is gone by the time it arrives.
                            QMetaObject::invokeMethod(
                                this,
                                [this, step] {
                                    // After Cancel a late report would show the dialog again.
                                    if (m_progress && !m_progress->wasCanceled())
                                        m_progress->setValue(step);
                                },
                                Qt::QueuedConnection);
                        }
                        return !*cancelled;
                    };
              outcome->done = work(db, progress, &outcome->error);
          });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        // Deleted, not hidden: its timer would show it after the delay.
        m_progress->deleteLater();
        m_progress = nullptr;
        Q_EMIT finished(outcome->done, outcome->error);
    });
    m_thread->start(QThread::LowPriority);
}

void BackgroundWork::cancel()
{
    *m_cancelled = true;
}

} // namespace Touchline
