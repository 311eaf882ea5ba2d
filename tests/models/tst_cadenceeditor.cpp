// Undoable cadence changes: commands/CadenceEditor.h over a QUndoStack and a
// real file, with a teammate writing to it on a second connection.

#include "TestData.h"
#include "TestDatabase.h"
#include "commands/CadenceEditor.h"
#include "storage/CadenceRepository.h"
#include "storage/Database.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUndoStack>

using namespace Touchline;
using Touchline::Test::TestDatabase;

namespace {

// Everything in the file that cadence changes can touch, without the times
// every write moves on (a cadence's updated_at, an enrollment's updated_at).
struct Snapshot
{
    QList<QVariantList> cadences, steps, touches, enrollments, events;

    static Snapshot of(Database &db)
    {
        const QStringList updated {QStringLiteral("updated_at")};
        return {Test::tableRows(db, QStringLiteral("cadences"), updated),
            Test::tableRows(db, QStringLiteral("cadence_steps")),
            Test::tableRows(db, QStringLiteral("touches")),
            Test::tableRows(db, QStringLiteral("enrollments"), updated),
            Test::tableRows(db, QStringLiteral("prospect_events"))};
    }
    bool operator==(const Snapshot &other) const
    {
        return cadences == other.cadences && steps == other.steps && touches == other.touches
            && enrollments == other.enrollments && events == other.events;
    }
    bool operator!=(const Snapshot &other) const { return !(*this == other); }
};

CadenceStep makeStep(TouchChannel channel, int waitDays, const QString &purpose)
{
    CadenceStep step;
    step.channel = channel;
    step.waitDays = waitDays;
    step.purpose = purpose;
    step.body = QStringLiteral("Hi {{first_name}}, %1. Reply \"no thanks\" and I'll stop.")
                    .arg(purpose.toLower());
    if (channel == TouchChannel::Email)
        step.subject = purpose;
    return step;
}

Cadence makeCadence(const QString &name)
{
    Cadence cadence;
    cadence.name = name;
    cadence.description = QStringLiteral("For tests");
    cadence.steps = {makeStep(TouchChannel::Email, 0, QStringLiteral("Hello")),
        makeStep(TouchChannel::Phone, 3, QStringLiteral("Call")),
        makeStep(TouchChannel::Email, 7, QStringLiteral("Closing the loop"))};
    return cadence;
}

QVariant touchStepId(Database &db, qint64 touchId)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT step_id FROM touches WHERE id = ?"));
    query.addBindValue(touchId);
    if (!query.exec() || !query.next())
        return QStringLiteral("no touch %1").arg(touchId);
    return query.value(0);
}

} // namespace

class TestCadenceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createUndoRedo();
    void createRefusesInvalid();
    void saveUndoRedo();
    void saveWithoutChangePushesNothing();
    void removeFulfilledStepUndoRedo();
    void addStepUndoRedoKeepsItsId();
    void duplicateUndoRedo();
    void renameUndoRedo();
    void archiveUndoRedo();
    void savesInOneFieldMerge();
    void createThenEditUndoRedoAll();
    void cadenceChangedNamesTheCadenceAndStep();

    void saveAfterTeammateSaveIsAConflict();
    void undoAfterTeammateSaveFails();
    void undoCreateOfEnrolledCadenceFails();

private:
    Cadence stored(qint64 id)
    {
        Error error;
        const std::optional<Cadence> cadence = m_editor->repository().get(id, &error);
        if (!cadence)
            qWarning().noquote() << error.message;
        return cadence.value_or(Cadence());
    }
    qint64 addDirectly(const QString &name)
    {
        Cadence cadence = makeCadence(name);
        Error error;
        if (!m_editor->repository().add(&cadence, &error))
            qWarning().noquote() << error.message;
        return cadence.id;
    }

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<CadenceEditor> m_editor;
};

void TestCadenceEditor::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<CadenceEditor>(m_file->db(), m_stack.get());
}

void TestCadenceEditor::cleanup()
{
    m_editor.reset();
    m_stack.reset();
    m_file.reset();
}

void TestCadenceEditor::createUndoRedo()
{
    Database &db = m_file->db();
    QSignalSpy failed(m_editor.get(), &CadenceEditor::failed);
    const Snapshot empty = Snapshot::of(db);

    qint64 id = 0;
    Cadence cadence = makeCadence(QStringLiteral("  Quick three  "));
    QVERIFY(m_editor->create(cadence, &id));
    QVERIFY(id > 0);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("New cadence Quick three"));
    const Cadence created = stored(id);
    QCOMPARE(created.name, QStringLiteral("Quick three"));
    QCOMPARE(created.steps.size(), 3);
    const Snapshot added = Snapshot::of(db);

    for (int round = 0; round < 2; ++round) {
        m_stack->undo();
        QVERIFY(Snapshot::of(db) == empty);
        QVERIFY(!m_editor->repository().get(id, nullptr));
        m_stack->redo(); // the same rows again: same ids
        QVERIFY(Snapshot::of(db) == added);
    }
    QCOMPARE(stored(id).steps.first().id, created.steps.first().id);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(failed.count(), 0);
}

void TestCadenceEditor::createRefusesInvalid()
{
    const Snapshot before = Snapshot::of(m_file->db());
    Error error;
    QVERIFY(!m_editor->create(makeCadence(QStringLiteral(" ")), nullptr, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    // A name that is taken.
    QVERIFY(!m_editor->create(makeCadence(QStringLiteral("Respectful six-step")), nullptr, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QVERIFY(error.message.contains(QStringLiteral("Respectful six-step")));
    QCOMPARE(m_stack->count(), 0);
    QVERIFY(Snapshot::of(m_file->db()) == before);
}

void TestCadenceEditor::saveUndoRedo()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Edited"));
    QVERIFY(id);
    const Snapshot original = Snapshot::of(db);
    const Cadence before = stored(id);

    Cadence after = before;
    after.description = QStringLiteral("Changed");
    after.steps[1].waitDays = 4;
    after.steps[1].businessDays = true;
    after.steps[1].windowStartMinute = 14 * 60;
    after.steps[1].windowEndMinute = 16 * 60;
    after.steps[0].body = QStringLiteral("New words. Reply stop to stop.");
    after.steps.move(2, 1); // reordered as well
    QVERIFY(m_editor->save(before, after, {QStringLiteral("Edit several things"), {}, 0}));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit several things"));
    const Snapshot edited = Snapshot::of(db);
    QVERIFY(edited != original);
    Cadence now = stored(id);
    QCOMPARE(now.description, QStringLiteral("Changed"));
    QCOMPARE(now.steps.at(1).purpose, QStringLiteral("Closing the loop"));
    QCOMPARE(now.steps.at(2).waitDays, 4);
    QCOMPARE(now.steps.at(2).id, before.steps.at(1).id); // matched by id
    QVERIFY(now.updatedAt > before.updatedAt);

    for (int round = 0; round < 2; ++round) {
        m_stack->undo();
        QVERIFY(Snapshot::of(db) == original);
        m_stack->redo();
        QVERIFY(Snapshot::of(db) == edited);
    }
    QCOMPARE(m_stack->count(), 1);
}

void TestCadenceEditor::saveWithoutChangePushesNothing()
{
    const qint64 id = addDirectly(QStringLiteral("Same"));
    const Cadence before = stored(id);
    Cadence after = before;
    after.name = QStringLiteral(" Same "); // stored trimmed: no change
    QVERIFY(m_editor->save(before, after));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(stored(id).updatedAt, before.updatedAt);
}

void TestCadenceEditor::removeFulfilledStepUndoRedo()
{
    Database &db = m_file->db();
    const qint64 cadenceId = addDirectly(QStringLiteral("With history"));
    const Cadence before = stored(cadenceId);

    Prospect prospect = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY2(ProspectRepository(db).add(&prospect, &error), qPrintable(error.message));
    EnrollResult enrolled;
    QVERIFY2(EnrollmentRepository(db).enroll(cadenceId, {prospect.id}, 0, &enrolled, &error),
        qPrintable(error.message));
    QCOMPARE(enrolled.enrolled.size(), 1);
    Touch touch;
    touch.prospectId = prospect.id;
    touch.channel = TouchChannel::Email;
    touch.direction = TouchDirection::Out;
    touch.outcome = TouchOutcome::Sent;
    touch.occurredAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    touch.enrollmentId = enrolled.enrolled.first();
    touch.stepId = before.steps.first().id;
    TouchUndo touchUndo;
    QVERIFY2(TouchRepository(db).log(&touch, &touchUndo, &error), qPrintable(error.message));
    QCOMPARE(touchStepId(db, touch.id), QVariant(before.steps.first().id));
    const Snapshot original = Snapshot::of(db);

    Cadence after = before;
    after.steps.removeFirst();
    QVERIFY(m_editor->save(before, after, {QStringLiteral("Remove step 1"), {}, 0}));
    QCOMPARE(stored(cadenceId).steps.size(), 2);
    QVERIFY(touchStepId(db, touch.id).isNull()); // the step is gone, the touch stays
    const Snapshot removed = Snapshot::of(db);

    for (int round = 0; round < 2; ++round) {
        m_stack->undo();
        // The step is back with its id, and the touch fulfils it again.
        QCOMPARE(stored(cadenceId).steps.first().id, before.steps.first().id);
        QCOMPARE(touchStepId(db, touch.id), QVariant(before.steps.first().id));
        QVERIFY(Snapshot::of(db) == original);

        m_stack->redo();
        QVERIFY(touchStepId(db, touch.id).isNull());
        QVERIFY(Snapshot::of(db) == removed);
    }
}

void TestCadenceEditor::addStepUndoRedoKeepsItsId()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Growing"));
    const Cadence before = stored(id);
    const Snapshot original = Snapshot::of(db);

    Cadence after = before;
    after.steps.insert(1, makeStep(TouchChannel::Sms, 2, QStringLiteral("A text")));
    QVERIFY(m_editor->save(before, after));
    const Cadence grown = stored(id);
    QCOMPARE(grown.steps.size(), 4);
    const qint64 newStepId = grown.steps.at(1).id;
    QVERIFY(newStepId > 0);
    const Snapshot added = Snapshot::of(db);

    m_stack->undo();
    QVERIFY(Snapshot::of(db) == original);
    m_stack->redo();
    QCOMPARE(stored(id).steps.at(1).id, newStepId);
    QVERIFY(Snapshot::of(db) == added);
    m_stack->undo();
    QVERIFY(Snapshot::of(db) == original);
}

void TestCadenceEditor::duplicateUndoRedo()
{
    Database &db = m_file->db();
    const qint64 sourceId = addDirectly(QStringLiteral("Original"));
    Cadence source = stored(sourceId);
    source.archived = true; // a copy of an archived cadence is in use again
    const Snapshot original = Snapshot::of(db);

    qint64 copyId = 0;
    QVERIFY(m_editor->duplicate(source, &copyId));
    QVERIFY(copyId > 0 && copyId != sourceId);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Duplicate Original as Original (copy)"));
    const Cadence copy = stored(copyId);
    QCOMPARE(copy.name, QStringLiteral("Original (copy)"));
    QVERIFY(!copy.archived);
    QCOMPARE(copy.description, source.description);
    QCOMPARE(copy.steps.size(), source.steps.size());
    for (int i = 0; i < copy.steps.size(); ++i) {
        QVERIFY(copy.steps.at(i).id != source.steps.at(i).id);
        QCOMPARE(copy.steps.at(i).body, source.steps.at(i).body);
        QCOMPARE(copy.steps.at(i).waitDays, source.steps.at(i).waitDays);
    }
    const Snapshot duplicated = Snapshot::of(db);

    m_stack->undo();
    QVERIFY(Snapshot::of(db) == original);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == duplicated);

    // A second copy gets the next free name.
    QVERIFY(m_editor->duplicate(source, &copyId));
    QCOMPARE(stored(copyId).name, QStringLiteral("Original (copy 2)"));
}

void TestCadenceEditor::renameUndoRedo()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Old name"));
    const Snapshot original = Snapshot::of(db);
    QVERIFY(m_editor->rename(stored(id), QStringLiteral(" New name ")));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Rename Old name to New name"));
    QCOMPARE(stored(id).name, QStringLiteral("New name"));
    const Snapshot renamed = Snapshot::of(db);
    m_stack->undo();
    QVERIFY(Snapshot::of(db) == original);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == renamed);

    // A taken name is refused and nothing is pushed.
    Error error;
    QVERIFY(!m_editor->rename(stored(id), QStringLiteral("Three-touch 3-7-14"), &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QCOMPARE(m_stack->count(), 1);
}

void TestCadenceEditor::archiveUndoRedo()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Retired"));
    const Snapshot original = Snapshot::of(db);
    QVERIFY(m_editor->setArchived(stored(id), true));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Archive Retired"));
    QVERIFY(stored(id).archived);
    QCOMPARE(stored(id).steps.size(), 3); // its history stays
    const Snapshot archived = Snapshot::of(db);
    m_stack->undo();
    QVERIFY(!stored(id).archived);
    QVERIFY(Snapshot::of(db) == original);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == archived);

    QVERIFY(m_editor->setArchived(stored(id), false));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Restore Retired"));
    QVERIFY(!stored(id).archived);
}

void TestCadenceEditor::savesInOneFieldMerge()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Typed"));
    const Snapshot original = Snapshot::of(db);
    const QString key = QStringLiteral("step body, focus 1");

    // Three pauses while typing: one undo step.
    for (const QString &text :
        {QStringLiteral("Hel"), QStringLiteral("Hello"), QStringLiteral("Hello there")}) {
        const Cadence before = stored(id);
        Cadence after = before;
        after.steps[0].body = text;
        QVERIFY(m_editor->save(before, after, {QStringLiteral("Edit step 1 message"), key, 0}));
    }
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(stored(id).steps.first().body, QStringLiteral("Hello there"));
    const Snapshot typed = Snapshot::of(db);
    m_stack->undo();
    QVERIFY(Snapshot::of(db) == original);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == typed);

    // Another field (another key) is another undo step.
    Cadence before = stored(id);
    Cadence after = before;
    after.steps[0].purpose = QStringLiteral("Greeting");
    QVERIFY(m_editor->save(before, after, {QStringLiteral("Edit step 1 purpose"), {}, 0}));
    QCOMPARE(m_stack->count(), 2);

    // Typing and deleting it again leaves nothing to undo.
    const QString other = QStringLiteral("step subject, focus 2");
    before = stored(id);
    after = before;
    after.steps[0].subject = QStringLiteral("Typo");
    QVERIFY(m_editor->save(before, after, {QStringLiteral("Edit step 1 subject"), other, 0}));
    QCOMPARE(m_stack->count(), 3);
    const Cadence typo = stored(id);
    after = typo;
    after.steps[0].subject = before.steps[0].subject;
    QVERIFY(m_editor->save(typo, after, {QStringLiteral("Edit step 1 subject"), other, 0}));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit step 1 purpose"));
}

void TestCadenceEditor::createThenEditUndoRedoAll()
{
    Database &db = m_file->db();
    const Snapshot empty = Snapshot::of(db);
    qint64 id = 0;
    QVERIFY(m_editor->create(makeCadence(QStringLiteral("Fresh")), &id));
    const Snapshot created = Snapshot::of(db);
    const Cadence before = stored(id);
    Cadence after = before;
    after.steps[2].purpose = QStringLiteral("Respectful close");
    after.steps.removeAt(1);
    QVERIFY(m_editor->save(before, after));
    const Snapshot edited = Snapshot::of(db);

    QSignalSpy failed(m_editor.get(), &CadenceEditor::failed);
    for (int round = 0; round < 2; ++round) {
        m_stack->undo();
        QVERIFY(Snapshot::of(db) == created);
        m_stack->undo();
        QVERIFY(Snapshot::of(db) == empty);
        // Created again, at a new time: the edit still applies, as nobody else
        // changed the cadence.
        m_stack->redo();
        QVERIFY(Snapshot::of(db) == created);
        m_stack->redo();
        QVERIFY(Snapshot::of(db) == edited);
    }
    QCOMPARE(failed.count(), 0);
    QCOMPARE(m_stack->count(), 2);
}

void TestCadenceEditor::cadenceChangedNamesTheCadenceAndStep()
{
    const qint64 id = addDirectly(QStringLiteral("Watched"));
    const Cadence before = stored(id);
    QSignalSpy changed(m_editor.get(), &CadenceEditor::cadenceChanged);
    Cadence after = before;
    after.steps[1].waitDays = 5;
    const qint64 stepId = before.steps.at(1).id;
    QVERIFY(m_editor->save(before, after, {QStringLiteral("Wait"), {}, stepId}));
    m_stack->undo();
    m_stack->redo();
    QCOMPARE(changed.count(), 3);
    for (const QList<QVariant> &arguments : std::as_const(changed)) {
        QCOMPARE(arguments.at(0).toLongLong(), id);
        QCOMPARE(arguments.at(1).toLongLong(), stepId);
    }
}

void TestCadenceEditor::saveAfterTeammateSaveIsAConflict()
{
    const qint64 id = addDirectly(QStringLiteral("Shared"));
    const Cadence mine = stored(id);

    // A teammate renames it on their own connection.
    std::unique_ptr<Database> second = m_file->openSecondConnection();
    QVERIFY(second);
    CadenceRepository theirs(*second);
    Cadence teammate = *theirs.get(id, nullptr);
    teammate.name = QStringLiteral("Shared (Bob)");
    Error error;
    QVERIFY2(
        theirs.save(&teammate, teammate.updatedAt, nullptr, {}, &error), qPrintable(error.message));

    Cadence after = mine;
    after.steps[0].body = QStringLiteral("My words");
    QVERIFY(!m_editor->save(mine, after, {}, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(m_stack->count(), 0);
    const Cadence now = stored(id);
    QCOMPARE(now.name, QStringLiteral("Shared (Bob)")); // theirs is kept
    QCOMPARE(now.steps.first().body, mine.steps.first().body);
}

void TestCadenceEditor::undoAfterTeammateSaveFails()
{
    const qint64 id = addDirectly(QStringLiteral("Shared"));
    QVERIFY(m_editor->rename(stored(id), QStringLiteral("Mine")));

    std::unique_ptr<Database> second = m_file->openSecondConnection();
    QVERIFY(second);
    CadenceRepository theirs(*second);
    Cadence teammate = *theirs.get(id, nullptr);
    teammate.steps[1].waitDays = 10;
    Error error;
    QVERIFY2(
        theirs.save(&teammate, teammate.updatedAt, nullptr, {}, &error), qPrintable(error.message));

    QSignalSpy failed(m_editor.get(), &CadenceEditor::failed);
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("someone else")));
    // Their change and my name stay; the undo step that failed is dropped.
    const Cadence now = stored(id);
    QCOMPARE(now.name, QStringLiteral("Mine"));
    QCOMPARE(now.steps.at(1).waitDays, 10);
    QCOMPARE(m_stack->count(), 0);
}

void TestCadenceEditor::undoCreateOfEnrolledCadenceFails()
{
    Database &db = m_file->db();
    qint64 id = 0;
    QVERIFY(m_editor->create(makeCadence(QStringLiteral("Used at once")), &id));
    Prospect prospect = Test::makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(ProspectRepository(db).add(&prospect, &error));
    EnrollResult enrolled;
    QVERIFY2(EnrollmentRepository(db).enroll(id, {prospect.id}, 0, &enrolled, &error),
        qPrintable(error.message));

    QSignalSpy failed(m_editor.get(), &CadenceEditor::failed);
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("archive")));
    QVERIFY(m_editor->repository().get(id, nullptr)); // still there, with its enrollment
    QCOMPARE(m_stack->count(), 0);
}

QTEST_GUILESS_MAIN(TestCadenceEditor)
#include "tst_cadenceeditor.moc"
