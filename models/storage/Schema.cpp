#include "Schema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <iterator>

namespace Touchline::Schema {

namespace {

// Times are INTEGER Unix milliseconds, UTC. Text columns are never NULL so that
// search and sort need no NULL handling; unknown times are NULL.
const char *const version1[] = {
    R"(CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        created_at INTEGER NOT NULL
    ))",
    R"(CREATE TABLE prospects (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        linkedin_url TEXT NOT NULL DEFAULT '',
        owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_cadence', 'replied',
            'meeting_booked', 'won', 'lost', 'do_not_contact')),
        time_zone TEXT NOT NULL DEFAULT '',
        agreed_next_touch_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        row_version INTEGER NOT NULL DEFAULT 1,
        last_touch_at INTEGER,
        next_due_at INTEGER,
        touch_count INTEGER NOT NULL DEFAULT 0 CHECK (touch_count >= 0),
        email_bounced INTEGER NOT NULL DEFAULT 0 CHECK (email_bounced IN (0, 1))
    ))",
    // One index per sortable column, ending in id so that ties have a stable order.
    "CREATE INDEX prospects_by_first_name ON prospects(first_name COLLATE NOCASE, id)",
    "CREATE INDEX prospects_by_last_name ON prospects(last_name COLLATE NOCASE, id)",
    "CREATE INDEX prospects_by_company ON prospects(company COLLATE NOCASE, id)",
    "CREATE INDEX prospects_by_title ON prospects(title COLLATE NOCASE, id)",
    "CREATE INDEX prospects_by_email ON prospects(email COLLATE NOCASE, id)",
    "CREATE INDEX prospects_by_owner ON prospects(owner_id, id)",
    "CREATE INDEX prospects_by_status ON prospects(status, id)",
    "CREATE INDEX prospects_by_created ON prospects(created_at, id)",
    "CREATE INDEX prospects_by_last_touch ON prospects(last_touch_at, id)",
    "CREATE INDEX prospects_by_next_due ON prospects(next_due_at, id)",
    "CREATE INDEX prospects_by_touch_count ON prospects(touch_count, id)",
    R"(CREATE TABLE cadences (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        description TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ))",
    R"(CREATE TABLE cadence_steps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cadence_id INTEGER NOT NULL REFERENCES cadences(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 1),
        channel TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'linkedin', 'sms')),
        wait_days INTEGER NOT NULL CHECK (wait_days >= 0),
        business_days INTEGER NOT NULL DEFAULT 0 CHECK (business_days IN (0, 1)),
        window_start_minute INTEGER CHECK (window_start_minute BETWEEN 0 AND 1439),
        window_end_minute INTEGER CHECK (window_end_minute BETWEEN 1 AND 1440),
        purpose TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        UNIQUE (cadence_id, position)
    ))",
    R"(CREATE TABLE enrollments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        prospect_id INTEGER NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
        cadence_id INTEGER NOT NULL REFERENCES cadences(id),
        state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'replied', 'meeting',
            'opted_out', 'bounced', 'completed', 'stopped')),
        next_position INTEGER NOT NULL DEFAULT 1 CHECK (next_position >= 1),
        enrolled_at INTEGER NOT NULL,
        ended_at INTEGER,
        updated_at INTEGER NOT NULL,
        enrolled_by INTEGER REFERENCES users(id) ON DELETE SET NULL
    ))",
    // A prospect is in at most one running cadence.
    R"(CREATE UNIQUE INDEX enrollments_one_running ON enrollments(prospect_id)
        WHERE state IN ('active', 'paused'))",
    "CREATE INDEX enrollments_by_prospect ON enrollments(prospect_id, enrolled_at)",
    "CREATE INDEX enrollments_by_cadence ON enrollments(cadence_id, state)",
    R"(CREATE TABLE touches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        prospect_id INTEGER NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'linkedin', 'sms', 'meeting',
            'note')),
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        outcome TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        touch_number INTEGER CHECK (touch_number IS NULL OR touch_number >= 1),
        notes TEXT NOT NULL DEFAULT '',
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        enrollment_id INTEGER REFERENCES enrollments(id) ON DELETE SET NULL,
        step_id INTEGER REFERENCES cadence_steps(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
    ))",
    "CREATE INDEX touches_by_prospect ON touches(prospect_id, occurred_at, id)",
    "CREATE INDEX touches_by_time ON touches(occurred_at)",
    "CREATE INDEX touches_by_author ON touches(author_id)",
    "CREATE INDEX touches_by_enrollment ON touches(enrollment_id)",
    "CREATE INDEX touches_by_step ON touches(step_id)",
    // What happened to a prospect besides touches (do-not-contact set or lifted),
    // shown in its timeline between the touches.
    R"(CREATE TABLE prospect_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        prospect_id INTEGER NOT NULL REFERENCES prospects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        detail TEXT NOT NULL DEFAULT ''
    ))",
    "CREATE INDEX prospect_events_by_prospect ON prospect_events(prospect_id, occurred_at)",
    "CREATE INDEX prospect_events_by_author ON prospect_events(author_id)",
    R"(CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID)",
};

// Cadences that run: what people decided about an enrollment is stored as they
// did it (paused, resumed, stopped, snoozed; skips are prospect events), and the
// engine derives the state, the next step and its due time from that and the
// touches (models/domain/CadenceEngine.h). A bounced enrollment is paused, so it
// still holds the prospect's one running place.
const char *const version2[] = {
    "ALTER TABLE enrollments ADD COLUMN paused_at INTEGER",
    "ALTER TABLE enrollments ADD COLUMN resumed_at INTEGER",
    "ALTER TABLE enrollments ADD COLUMN stopped_at INTEGER",
    "ALTER TABLE enrollments ADD COLUMN snoozed_until INTEGER",
    "ALTER TABLE enrollments ADD COLUMN snoozed_step_id INTEGER "
    "REFERENCES cadence_steps(id) ON DELETE SET NULL",
    "ALTER TABLE enrollments ADD COLUMN due_at INTEGER",
    "DROP INDEX enrollments_one_running",
    R"(CREATE UNIQUE INDEX enrollments_one_running ON enrollments(prospect_id)
        WHERE state IN ('active', 'paused', 'bounced'))",
    "CREATE INDEX enrollments_due ON enrollments(due_at) WHERE state = 'active'",
    "CREATE INDEX enrollments_by_snoozed_step ON enrollments(snoozed_step_id)",
    "ALTER TABLE prospect_events ADD COLUMN enrollment_id INTEGER "
    "REFERENCES enrollments(id) ON DELETE CASCADE",
    "ALTER TABLE prospect_events ADD COLUMN step_id INTEGER "
    "REFERENCES cadence_steps(id) ON DELETE SET NULL",
    "CREATE INDEX prospect_events_by_enrollment ON prospect_events(enrollment_id)",
    "CREATE INDEX prospect_events_by_step ON prospect_events(step_id)",
};

// Who last edited a prospect, so that a teammate whose save conflicts sees whose
// change it was. NULL: unknown (rows from before version 3, or changes that
// touches and cadences make to the status).
const char *const version3[] = {
    "ALTER TABLE prospects ADD COLUMN updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL",
    "CREATE INDEX prospects_by_updated_by ON prospects(updated_by)",
};

template<std::size_t N> bool execAll(QSqlQuery &query, const char *const (&statements)[N])
{
    for (const char *statement : statements) {
        if (!query.exec(QString::fromUtf8(statement)))
            return false;
    }
    return true;
}

bool toVersion1(QSqlQuery &query)
{
    return execAll(query, version1);
}

bool toVersion2(QSqlQuery &query)
{
    return execAll(query, version2);
}

bool toVersion3(QSqlQuery &query)
{
    return execAll(query, version3);
}

// One function per schema version; a later version appends {4, toVersion4}.
struct Step
{
    int toVersion;
    bool (*apply)(QSqlQuery &query);
};

constexpr Step steps[] = {
    {1, toVersion1},
    {2, toVersion2},
    {3, toVersion3},
};

static_assert(std::size(steps) == latestVersion, "one migration step per schema version");

} // namespace

bool migrate(QSqlDatabase &db, int fromVersion, int toVersion, Error *error)
{
    QSqlQuery query(db);
    for (const Step &step : steps) {
        if (step.toVersion <= fromVersion || step.toVersion > toVersion)
            continue;
        if (!step.apply(query))
            return fail(error, Error::Kind::Io,
                QCoreApplication::translate(
                    "Touchline::Schema", "Upgrading the file to format %1 failed: %2")
                    .arg(step.toVersion)
                    .arg(query.lastError().text()));
        // PRAGMA takes no bound values; both numbers are compile-time constants.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion))
            || !query.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId)))
            return fail(error, Error::Kind::Io,
                QCoreApplication::translate(
                    "Touchline::Schema", "Recording file format %1 failed: %2")
                    .arg(step.toVersion)
                    .arg(query.lastError().text()));
    }
    return true;
}

} // namespace Touchline::Schema
