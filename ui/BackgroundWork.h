#pragma once

#include "storage/Database.h"
#include "storage/Error.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QThread;
class QWidget;

namespace Touchline {

// Long work on the open file (an export, a backup) in a thread of its own, on a
// connection of its own (SQLite connections cannot cross threads), so that the
// window stays responsive. A progress dialog shows once the work takes more
// than half a second; its Cancel, like cancel(), asks the work to stop.
// Deleting this object cancels the work and waits for it.
class BackgroundWork : public QObject
{
    Q_OBJECT
public:
    // How far the work is; returns false once the user cancelled.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Runs in the worker thread; false with `error` filled when it failed or
    // stopped after a cancel (Error::Kind::Cancelled).
    using Work = std::function<bool(Database &db, const Progress &progress, Error *error)>;

    // `label` says what runs, in the dialog titled `title`, which tests find by
    // `objectName`.
    BackgroundWork(
        const QString &objectName, const QString &title, const QString &label, QWidget *parent);
    ~BackgroundWork() override;

    // Opens `databasePath` in the worker with `access` and runs `work` on it;
    // finished() follows. Once only.
    void start(const QString &databasePath, Database::Access access, Work work);
    void cancel();

Q_SIGNALS:
    void finished(bool done, const Touchline::Error &error);

private:
    struct Outcome
    {
        bool done = false;
        Error error;
    };

    QProgressDialog *m_progress = nullptr; // until the work has finished
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Touchline
