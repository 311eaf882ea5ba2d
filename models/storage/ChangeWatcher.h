#pragma once

#include <QObject>
#include <QTimer>

namespace Touchline {

class Database;

// Notices what other copies of Touchline and the CLI write to an open file, and
// announces it through Database::changed, which every view already follows for
// this copy's own writes. Cheap enough to poll every second: SQLite's
// data_version, read on the file's own connection, changes only when another
// connection commits, without reading any table.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 1000;

    explicit ChangeWatcher(Database &db, QObject *parent = nullptr);

    // Polls every `intervalMs` while running; starts from the file as it is now.
    void start(int intervalMs = defaultIntervalMs);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // Looks once, now: true (and Database::changed for every table) when another
    // connection wrote since the last look.
    bool check();

Q_SIGNALS:
    // Before the views refresh, for a status message.
    void changedElsewhere();

private:
    Database &m_db;
    QTimer m_timer;
    int m_version = -1;
};

} // namespace Touchline
