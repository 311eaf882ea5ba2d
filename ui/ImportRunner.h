#pragma once

#include "io/ImportTypes.h"
#include "storage/Error.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Touchline {

class Database;

// Runs one import in a thread of its own, on its own read-write connection to
// the file (SQLite connections cannot cross threads), so that the window stays
// responsive and the import can be cancelled.
class ImportRunner : public QObject
{
    Q_OBJECT
public:
    // The import, run in the worker thread on `db`.
    using Job = std::function<ImportResult(
        Database &db, const ImportProgress &progress, ImportSummary *summary, Error *error)>;

    explicit ImportRunner(QObject *parent = nullptr);
    // Cancels a running import and waits for it: it then stores nothing.
    ~ImportRunner() override;

    // Opens `databasePath` in the worker and runs `job` on it; finished() follows.
    void start(const QString &databasePath, Job job);
    bool isRunning() const { return m_thread != nullptr; }
    // The import stops at its next progress report and stores nothing.
    void cancel();

    // What the last run did; valid after finished().
    ImportResult result() const { return m_outcome->result; }
    const ImportSummary &summary() const { return m_outcome->summary; }
    const Error &error() const { return m_outcome->error; }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished();

private:
    struct Outcome
    {
        ImportResult result = ImportResult::Failed;
        ImportSummary summary;
        Error error;
    };

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    std::shared_ptr<Outcome> m_outcome;
};

} // namespace Touchline
