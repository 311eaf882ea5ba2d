// Undoable touch changes: commands/TouchEditor.h over a QUndoStack.

#include "TestData.h"
#include "TestDatabase.h"
#include "commands/TouchEditor.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/UserRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;
using Touchline::Test::TouchTables;

namespace {

QDateTime day(int dayOfMonth)
{
    return QDateTime(QDate(2024, 6, dayOfMonth), QTime(9, 30), QTimeZone::utc());
}

Touch touchOf(qint64 prospectId, TouchChannel channel, TouchDirection direction,
    TouchOutcome outcome, int dayOfMonth)
{
    Touch touch;
    touch.prospectId = prospectId;
    touch.channel = channel;
    touch.direction = direction;
    touch.outcome = outcome;
    touch.occurredAt = day(dayOfMonth);
    return touch;
}

Touch email(qint64 prospectId, int dayOfMonth)
{
    return touchOf(
        prospectId, TouchChannel::Email, TouchDirection::Out, TouchOutcome::Sent, dayOfMonth);
}

enum class Failure {
    Future,
    DoNotContact,
    UnknownProspect,
    EditOfDeleted,
    EditConflict,
    DeleteUnknown,
    LiftNotMarked
};

} // namespace

Q_DECLARE_METATYPE(Failure)

class TestTouchEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void logUndoRedo();
    void editUndoRedo();
    void removeUndoRedo();
    void liftUndoRedo();
    void failedChangeIsNotPushed_data();
    void failedChangeIsNotPushed();
    void failedRedoIsDropped();
    void undoKeepsATeammatesLaterEdit_data();
    void undoKeepsATeammatesLaterEdit();
    void editRefusedWhenATeammateEditedFirst();

private:
    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<TouchEditor> m_editor;
    qint64 m_ada = 0;
    qint64 m_maya = 0;
};

void TestTouchEditor::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    Error error;
    m_maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    QVERIFY(m_maya);
    Prospect ada = makeProspect(QStringLiteral("Ada"), QStringLiteral("Lovelace"));
    QVERIFY(ProspectRepository(m_file->db()).add(&ada, &error));
    m_ada = ada.id;
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<TouchEditor>(m_file->db(), m_stack.get(), m_maya);
}

void TestTouchEditor::cleanup()
{
    m_editor.reset();
    m_stack.reset();
    m_file.reset();
}

void TestTouchEditor::logUndoRedo()
{
    Database &db = m_file->db();
    QSignalSpy failed(m_editor.get(), &TouchEditor::failed);
    QVERIFY(m_editor->log(email(m_ada, 5)));
    const TouchTables empty = TouchTables::of(db);
    qint64 id = 0;
    QVERIFY(m_editor->log(email(m_ada, 3), &id)); // back-dated: becomes touch 1
    QVERIFY(id > 0);
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Log Email"));
    Error error;
    const auto logged = m_editor->repository().get(id, &error);
    QCOMPARE(logged->touchNumber, 1);
    QCOMPARE(logged->authorName, QStringLiteral("Maya")); // the editor's user
    const TouchTables added = TouchTables::of(db);

    m_stack->undo();
    QVERIFY(TouchTables::of(db) == empty);
    m_stack->redo(); // the same row again: same id and times
    QVERIFY(TouchTables::of(db) == added);
    QCOMPARE(failed.size(), 0);
}

void TestTouchEditor::editUndoRedo()
{
    Database &db = m_file->db();
    qint64 id = 0;
    QVERIFY(m_editor->log(email(m_ada, 3), &id));
    Error error;
    const Touch before = *m_editor->repository().get(id, &error);
    const TouchTables logged = TouchTables::of(db);
    Touch after = before;
    after.channel = TouchChannel::Phone;
    after.direction = TouchDirection::In;
    after.outcome = TouchOutcome::Replied;
    after.notes = QStringLiteral("Called back");
    QVERIFY2(m_editor->edit(before, after, &error), qPrintable(error.message));
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->status, ProspectStatus::Replied);
    QCOMPARE(m_editor->repository().get(id, nullptr)->touchNumber, 0);
    const TouchTables edited = TouchTables::of(db);
    m_stack->undo();
    QVERIFY(TouchTables::of(db) == logged);
    m_stack->redo();
    QVERIFY(TouchTables::of(db) == edited);
}

void TestTouchEditor::removeUndoRedo()
{
    Database &db = m_file->db();
    qint64 first = 0;
    QVERIFY(m_editor->log(email(m_ada, 1), &first));
    QVERIFY(m_editor->log(email(m_ada, 2)));
    const TouchTables both = TouchTables::of(db);
    QVERIFY(m_editor->remove(first));
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->touchCount, 1);
    const TouchTables removed = TouchTables::of(db);
    m_stack->undo();
    QVERIFY(TouchTables::of(db) == both);
    m_stack->redo();
    QVERIFY(TouchTables::of(db) == removed);
}

void TestTouchEditor::liftUndoRedo()
{
    Database &db = m_file->db();
    QVERIFY(m_editor->log(
        touchOf(m_ada, TouchChannel::Email, TouchDirection::In, TouchOutcome::OptedOut, 4)));
    const TouchTables marked = TouchTables::of(db);
    QVERIFY(m_editor->liftDoNotContact(m_ada));
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->status, ProspectStatus::New);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Lift do-not-contact"));
    m_stack->undo();
    QVERIFY(TouchTables::of(db) == marked);
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->status, ProspectStatus::DoNotContact);
    m_stack->redo();
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->status, ProspectStatus::New);
    // Undo the opt-out itself as well: the prospect is as it was at the start.
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(ProspectRepository(db).get(m_ada, nullptr)->status, ProspectStatus::New);
    QVERIFY(Test::tableRows(db, QStringLiteral("prospect_events")).isEmpty());
}

void TestTouchEditor::failedChangeIsNotPushed_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("message");
    QTest::newRow("future") << Failure::Future << QStringLiteral("in the future");
    QTest::newRow("do not contact")
        << Failure::DoNotContact << QStringLiteral("Ada Lovelace asked not to be contacted");
    QTest::newRow("unknown prospect")
        << Failure::UnknownProspect << QStringLiteral("no prospect with id 777");
    QTest::newRow("edit of a deleted touch")
        << Failure::EditOfDeleted << QStringLiteral("no touch with id");
    QTest::newRow("edit after a teammate's edit")
        << Failure::EditConflict << QStringLiteral("changed by someone else");
    QTest::newRow("delete of an unknown touch")
        << Failure::DeleteUnknown << QStringLiteral("no touch with id 555");
    QTest::newRow("lift when not marked")
        << Failure::LiftNotMarked << QStringLiteral("not marked do not contact");
}

void TestTouchEditor::failedChangeIsNotPushed()
{
    QFETCH(Failure, failure);
    QFETCH(QString, message);
    qint64 id = 0;
    QVERIFY(m_editor->log(email(m_ada, 1), &id));
    const Touch stored = *m_editor->repository().get(id, nullptr);
    if (failure == Failure::DoNotContact)
        QVERIFY(m_editor->log(
            touchOf(m_ada, TouchChannel::Phone, TouchDirection::In, TouchOutcome::OptedOut, 2)));
    if (failure == Failure::EditOfDeleted)
        QVERIFY(m_editor->remove(id));
    if (failure == Failure::EditConflict) {
        Touch teammate = stored;
        teammate.notes = QStringLiteral("teammate's notes");
        QVERIFY(m_editor->repository().update(&teammate, nullptr, nullptr));
    }
    // Something to redo, which a pushed command would clear.
    QVERIFY(m_editor->log(
        touchOf(m_ada, TouchChannel::Note, TouchDirection::Out, TouchOutcome::Noted, 5)));
    m_stack->undo();
    const int count = m_stack->count();
    const int index = m_stack->index();
    const TouchTables before = TouchTables::of(m_file->db());
    QSignalSpy failed(m_editor.get(), &TouchEditor::failed);

    // With an Error the caller hears of it; without one, failed() says it.
    for (bool withError : {true, false}) {
        Error error;
        Error *out = withError ? &error : nullptr;
        bool ok = true;
        Touch edited = stored;
        edited.notes = QStringLiteral("mine");
        switch (failure) {
        case Failure::Future: {
            Touch touch = email(m_ada, 1);
            touch.occurredAt = QDateTime::currentDateTimeUtc().addDays(3);
            ok = m_editor->log(touch, nullptr, out);
            break;
        }
        case Failure::DoNotContact:
            ok = m_editor->log(email(m_ada, 3), nullptr, out);
            break;
        case Failure::UnknownProspect:
            ok = m_editor->log(email(777, 3), nullptr, out);
            break;
        case Failure::EditOfDeleted:
        case Failure::EditConflict:
            ok = m_editor->edit(stored, edited, out);
            break;
        case Failure::DeleteUnknown:
            ok = m_editor->remove(555, out);
            break;
        case Failure::LiftNotMarked:
            ok = m_editor->liftDoNotContact(m_ada, out);
            break;
        }
        QVERIFY(!ok);
        if (withError) {
            QVERIFY2(error.message.contains(message), qPrintable(error.message));
            QCOMPARE(failed.size(), 0);
        } else {
            QCOMPARE(failed.size(), 1);
            QVERIFY(failed.first().first().toString().contains(message));
        }
        QCOMPARE(m_stack->count(), count);
        QCOMPARE(m_stack->index(), index); // the redo step is still there
        QVERIFY(TouchTables::of(m_file->db()) == before);
    }
}

void TestTouchEditor::failedRedoIsDropped()
{
    QVERIFY(m_editor->log(email(m_ada, 1)));
    m_stack->undo();
    // Meanwhile the prospect opts out on another channel: redoing the email is refused.
    Touch optOut = touchOf(m_ada, TouchChannel::Sms, TouchDirection::In, TouchOutcome::OptedOut, 2);
    QVERIFY(m_editor->repository().log(&optOut, nullptr, nullptr));
    QSignalSpy failed(m_editor.get(), &TouchEditor::failed);
    m_stack->redo();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("asked not to be contacted")));
    QCOMPARE(m_stack->count(), 0); // obsolete: dropped
}

void TestTouchEditor::undoKeepsATeammatesLaterEdit_data()
{
    QTest::addColumn<bool>("undoAnEdit"); // else undo the log itself
    QTest::newRow("undo of a log") << false;
    QTest::newRow("undo of an edit") << true;
}

void TestTouchEditor::undoKeepsATeammatesLaterEdit()
{
    QFETCH(bool, undoAnEdit);
    qint64 id = 0;
    Error error;
    QVERIFY2(m_editor->log(email(m_ada, 3), &id, &error), qPrintable(error.message));
    if (undoAnEdit) {
        const Touch before = *m_editor->repository().get(id, &error);
        Touch after = before;
        after.notes = QStringLiteral("Mine");
        QVERIFY2(m_editor->edit(before, after, &error), qPrintable(error.message));
    }

    // A teammate, on their own connection, rewrites the note afterwards.
    const std::unique_ptr<Database> teammateDb = m_file->openSecondConnection();
    QVERIFY(teammateDb);
    TouchRepository teammate(*teammateDb);
    Touch theirs = *teammate.get(id, &error);
    theirs.notes = QStringLiteral("Theirs");
    QVERIFY2(teammate.update(&theirs, nullptr, &error), qPrintable(error.message));
    const TouchTables afterTeammate = TouchTables::of(m_file->db());

    QSignalSpy failed(m_editor.get(), &TouchEditor::failed);
    m_stack->undo();
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("changed by someone else")),
        qPrintable(failed.first().first().toString()));
    QVERIFY(TouchTables::of(m_file->db()) == afterTeammate);
    QCOMPARE(m_editor->repository().get(id, &error)->notes, QStringLiteral("Theirs"));
}

void TestTouchEditor::editRefusedWhenATeammateEditedFirst()
{
    qint64 id = 0;
    Error error;
    QVERIFY(m_editor->log(email(m_ada, 3), &id, &error));
    const Touch seen = *m_editor->repository().get(id, &error);

    const std::unique_ptr<Database> teammateDb = m_file->openSecondConnection();
    QVERIFY(teammateDb);
    TouchRepository teammate(*teammateDb);
    Touch theirs = seen;
    theirs.notes = QStringLiteral("Theirs");
    QVERIFY(teammate.update(&theirs, nullptr, &error));

    Touch mine = seen;
    mine.outcome = TouchOutcome::Bounced;
    const int undoSteps = m_stack->count();
    QVERIFY(!m_editor->edit(seen, mine, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(m_stack->count(), undoSteps);
    const Touch stored = *m_editor->repository().get(id, &error);
    QCOMPARE(stored.notes, QStringLiteral("Theirs"));
    QCOMPARE(stored.outcome, TouchOutcome::Sent);
}

QTEST_GUILESS_MAIN(TestTouchEditor)
#include "tst_toucheditor.moc"
