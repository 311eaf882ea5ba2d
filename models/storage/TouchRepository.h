#pragma once

#include "Error.h"
#include "domain/Prospect.h"
#include "domain/ProspectEvent.h"
#include "domain/Touch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

class QSqlQuery;

namespace Touchline {

class Database;

// What one change of the touches did, so that TouchRepository::undo() can put the
// touch rows, the events and the prospect's status and bounce flag back.
struct TouchUndo
{
    qint64 prospectId = 0;
    std::optional<Touch> before; // the touch row as it was; none when the change added it
    std::optional<Touch> after;  // the touch row as the change left it; none when it deleted it
    qint64 addedTouchId = 0;     // the touch the change added, 0 if none
    QList<qint64> addedEventIds;
    ProspectStatus statusBefore = ProspectStatus::New;
    ProspectStatus statusAfter = ProspectStatus::New;
    bool emailBouncedBefore = false;
    bool emailBouncedAfter = false;
};

// A touch handed to TouchRepository::importTouches(), and what became of it.
struct PastTouch
{
    enum class Result {
        Stored,
        Duplicate, // repeats a stored touch, or an earlier one of the same import
        Refused,   // `refusal` says why
    };
    Touch touch; // its id and created time are filled in once stored
    Result result = Result::Stored;
    QString refusal;
};

// A touch with what identifies its prospect outside this file, for exports.
struct ExportedTouch
{
    Touch touch; // with its author's name
    QString prospectEmail;
    QString prospectLinkedInUrl;
    QString prospectName;
};

// The touches of prospects and the rules they carry (docs/schema.md):
// - numbered touches (isNumbered()) are numbered 1..n per prospect by
//   (occurred_at, id) after every change, and touch_count counts them;
// - last_touch_at is the latest touch that is not a note;
// - status only moves forward: an inbound touch makes a new or in-cadence
//   prospect replied, a booked meeting makes it meeting_booked (unless won, lost
//   or do-not-contact), an opt-out makes it do_not_contact (with an event);
// - an outbound attempt or meeting with a do-not-contact prospect is refused;
// - a bounced email flags the prospect's address.
// Every write is one transaction and notifies Touches | Prospects.
class TouchRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::TouchRepository)

public:
    explicit TouchRepository(Database &db);

    // The prospect's touches in (occurred_at, id) order; none for an unknown prospect.
    bool listForProspect(qint64 prospectId, QList<Touch> *touches, Error *error) const;
    // The prospect's events in (occurred_at, id) order.
    bool listEvents(qint64 prospectId, QList<ProspectEvent> *events, Error *error) const;
    std::optional<Touch> get(qint64 touchId, Error *error) const;

    // Validates and stores a new touch and applies the rules; fills in its id,
    // touch number and created time. A touch that already has an id (and created
    // time) keeps them: redo puts back the very row that undo removed.
    bool log(Touch *touch, TouchUndo *undo, Error *error);
    // Stores a touch's channel, direction, outcome, time and notes (its prospect,
    // author and cadence step stay). The status rules apply again only when the
    // channel, direction or outcome changed.
    // With `expected`, refuses (Error::Kind::Conflict) when the stored touch no
    // longer holds those values: someone changed it since the user read it.
    bool update(Touch *touch, TouchUndo *undo, Error *error, const Touch *expected = nullptr);
    // Deleting a touch renumbers the others but leaves the status as it is: a
    // status records what was learned, and only moves forward.
    bool remove(qint64 touchId, TouchUndo *undo, Error *error);
    // Reverses one log, update, remove or lift. The status and bounce flag go back
    // only if nobody changed them since, so that undo never overwrites a teammate.
    bool undo(const TouchUndo &undo, Error *error);

    // Makes a do-not-contact prospect contactable again: replied if they ever
    // answered, new otherwise; recorded as an event by `authorId`.
    bool liftDoNotContact(qint64 prospectId, qint64 authorId, Error *error);
    bool liftDoNotContact(qint64 prospectId, qint64 authorId, TouchUndo *undo, Error *error);

    // Stores touches that happened in the past, many at once, in one transaction
    // (a savepoint inside the caller's, such as an import that a dry run rolls
    // back). Each touch is checked as log() checks it, except that an outbound
    // attempt at a do-not-contact prospect is refused only when it is later than
    // the prospect's latest opt-out touch (stored or imported; any attempt when
    // there is none), so that the history before an opt-out may be brought in. A
    // touch that repeats a stored one or an earlier one of the list (same
    // prospect, channel, direction, outcome and second) is skipped. Then the
    // status rules apply to each prospect's new touches in time order, and each
    // affected prospect is numbered and derived again once. `progress` is called
    // every 500 touches; when it returns false, nothing is stored and this
    // returns false without setting `error`.
    bool importTouches(QList<PastTouch> *touches,
        const std::function<bool(int done, int total)> &progress, Error *error);

    // Calls `row` with the touches of these prospects (empty: of every prospect)
    // in (occurred_at, id) order; stops when `row` returns false. Many touches
    // are read a page at a time, each page a read transaction of its own, so
    // that teammates can save meanwhile: a touch saved during the export may or
    // may not be in it, depending on its time.
    bool forExport(const QList<qint64> &prospectIds,
        const std::function<bool(const ExportedTouch &)> &row, Error *error) const;
    // How many touches forExport() would give.
    bool countForExport(const QList<qint64> &prospectIds, qint64 *count, Error *error) const;

    // Whether a touch like this one would be refused for a do-not-contact prospect.
    static bool contactsProspect(const Touch &touch);
    // The status a prospect has after this touch (the forward-only rules above).
    static ProspectStatus statusAfter(ProspectStatus status, const Touch &touch);

private:
    struct ProspectState
    {
        qint64 id = 0;
        QString name;
        ProspectStatus status = ProspectStatus::New;
        bool emailBounced = false;
    };

    static ProspectState stateOf(const Prospect &prospect);
    bool readProspect(qint64 prospectId, ProspectState *state, Error *error) const;
    bool blockedError(const ProspectState &state, Error *error) const;
    bool applyRules(const ProspectState &state, const Touch &touch, TouchUndo *undo, Error *error);
    bool setProspectState(
        const ProspectState &state, ProspectStatus status, bool emailBounced, Error *error);
    bool storeTouch(const Touch &touch, bool replace, qint64 *id, Error *error);
    // Prepares `query` for storeTouch()'s INSERT, to be run by execStore().
    static void prepareStore(QSqlQuery &query, bool replace);
    bool execStore(QSqlQuery &query, const Touch &touch, qint64 *id, Error *error);
    // What importTouches() compares new touches with: the stored touches of these
    // prospects as keys, the time each one's do-not-contact was last lifted, and
    // of each one's latest opt-out after it.
    bool readImportKeys(const QList<qint64> &prospectIds, QSet<QString> *keys,
        QHash<qint64, QDateTime> *latestOptOut, QHash<qint64, QDateTime> *latestLift,
        Error *error) const;
    bool refreshDerived(const QList<qint64> &prospectIds, Error *error);
    // Only this prospect's row changed, which lets views skip a full refresh.
    void notify(qint64 prospectId);
    static QString changedBySomeoneElse();

    Database &m_db;
};

} // namespace Touchline
