// Undoable prospect changes: commands/ProspectEditor.h over a QUndoStack, with
// a teammate writing to the same file on a second connection.

#include "TestData.h"
#include "TestDatabase.h"
#include "commands/ProspectEditor.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;

namespace {

QDateTime day(int month, int dayOfMonth)
{
    return QDateTime(QDate(2024, month, dayOfMonth), QTime(10, 0), QTimeZone::utc());
}

// Everything in the file that prospect changes can touch.
struct Snapshot
{
    QList<QVariantList> prospects, touches, enrollments, users;

    static Snapshot of(Database &db)
    {
        return {Test::tableRows(db, QStringLiteral("prospects")),
            Test::tableRows(db, QStringLiteral("touches")),
            Test::tableRows(db, QStringLiteral("enrollments")),
            Test::tableRows(db, QStringLiteral("users"))};
    }
    bool operator==(const Snapshot &other) const
    {
        return prospects == other.prospects && touches == other.touches
            && enrollments == other.enrollments && users == other.users;
    }
};

// The prospect rows without the two columns every write must change
// (updated_at, and row_version, which detects concurrent edits).
QList<QVariantList> prospectValues(Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral(
        "SELECT id, first_name, last_name, company, title, email, phone, linkedin_url, owner_id, "
        "status, time_zone, agreed_next_touch_at, created_at, last_touch_at, next_due_at, "
        "touch_count FROM prospects ORDER BY id"));
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < 16; ++i)
            row.append(query.value(i));
        rows.append(row);
    }
    return rows;
}

enum class Failure {
    InvalidAdd,
    AddWhileLocked,
    InvalidEdit,
    EditAfterTeammateEdit,
    EditOfDeleted
};

} // namespace

class TestProspectEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addUndoRedo();
    void editUndoRedo();
    void deleteUndoRedoRestoresHistory();
    void removeNothingPushesNothing();

    void failedChangeIsNotPushed_data();
    void failedChangeIsNotPushed();

    void undoEditAfterTeammateEdit_data();
    void undoEditAfterTeammateEdit();
    void redoEditAfterTeammateEditFails();

private:
    qint64 addDirectly(const QString &firstName, const QString &lastName);

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<ProspectEditor> m_editor;
};

void TestProspectEditor::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<ProspectEditor>(m_file->db(), m_stack.get());
}

void TestProspectEditor::cleanup()
{
    m_editor.reset();
    m_stack.reset();
    m_file.reset();
}

qint64 TestProspectEditor::addDirectly(const QString &firstName, const QString &lastName)
{
    Prospect p = makeProspect(firstName, lastName);
    Error error;
    if (!m_editor->repository().add(&p, &error))
        qWarning().noquote() << error.message;
    return p.id;
}

void TestProspectEditor::addUndoRedo()
{
    Database &db = m_file->db();
    QSignalSpy failed(m_editor.get(), &ProspectEditor::failed);
    const Snapshot empty = Snapshot::of(db);

    Prospect ann = makeProspect(QStringLiteral(" Ann "), QStringLiteral("Smith"),
        QStringLiteral("Acme"), QStringLiteral("ann@acme.com"));
    qint64 id = 0;
    QVERIFY(m_editor->add(ann, &id));
    QVERIFY(id > 0);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Add Ann Smith")); // as stored, trimmed
    Error error;
    const auto stored = m_editor->repository().get(id, &error);
    QVERIFY2(stored, qPrintable(error.message));
    QCOMPARE(stored->firstName, QStringLiteral("Ann"));
    const Snapshot added = Snapshot::of(db);

    m_stack->undo();
    QVERIFY(Snapshot::of(db) == empty);
    QVERIFY(!m_editor->repository().get(id, nullptr));

    m_stack->redo(); // the same row again: same id, times and version
    QVERIFY(Snapshot::of(db) == added);
    m_stack->undo();
    QVERIFY(Snapshot::of(db) == empty);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == added);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(failed.count(), 0);
}

void TestProspectEditor::editUndoRedo()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Ann"), QStringLiteral("Smith"));
    QVERIFY(id);
    addDirectly(QStringLiteral("Bob"), QStringLiteral("Stone"));
    const QList<QVariantList> original = prospectValues(db);

    Error error;
    const Prospect before = *m_editor->repository().get(id, &error);
    Prospect after = before;
    after.company = QStringLiteral("Acme");
    after.title = QStringLiteral("CTO");
    after.status = ProspectStatus::Replied;
    QVERIFY(m_editor->edit(before, after));
    QCOMPARE(m_stack->count(), 1);
    const QList<QVariantList> edited = prospectValues(db);
    QVERIFY(edited != original);
    Prospect stored = *m_editor->repository().get(id, &error);
    QCOMPARE(stored.company, QStringLiteral("Acme"));
    QCOMPARE(stored.status, ProspectStatus::Replied);
    qint64 version = stored.rowVersion;

    // Undo and redo put the values back; the version only ever grows, so that a
    // teammate still holding an old copy gets a conflict rather than a silent overwrite.
    for (int round = 0; round < 2; ++round) {
        m_stack->undo();
        QVERIFY(prospectValues(db) == original);
        stored = *m_editor->repository().get(id, &error);
        QVERIFY(stored.rowVersion > version);
        version = stored.rowVersion;

        m_stack->redo();
        QVERIFY(prospectValues(db) == edited);
        stored = *m_editor->repository().get(id, &error);
        QVERIFY(stored.rowVersion > version);
        version = stored.rowVersion;
    }
    QCOMPARE(m_stack->count(), 1);
}

void TestProspectEditor::deleteUndoRedoRestoresHistory()
{
    Database &db = m_file->db();
    const qint64 ann = addDirectly(QStringLiteral("Ann"), QStringLiteral("Smith"));
    const qint64 bob = addDirectly(QStringLiteral("Bob"), QStringLiteral("Stone"));
    const qint64 carla = addDirectly(QStringLiteral("Carla"), QStringLiteral("Adams"));
    const qint64 annRun = Test::insertEnrollment(db, ann, QStringLiteral("active"), day(2, 1));
    const qint64 bobRun = Test::insertEnrollment(db, bob, QStringLiteral("replied"), day(2, 1));
    QVERIFY(annRun && bobRun);
    QVERIFY(Test::insertTouch(db, ann, annRun, 1, day(2, 1)));
    QVERIFY(Test::insertTouch(db, ann, annRun, 2, day(2, 4), QStringLiteral("left voicemail")));
    QVERIFY(Test::insertTouch(db, bob, bobRun, 1, day(2, 1)));
    QVERIFY(Test::insertTouch(db, carla, 0, 1, day(2, 2)));
    const Snapshot before = Snapshot::of(db);

    QVERIFY(m_editor->remove({ann, bob}));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_editor->repository().count(nullptr), 1);
    QCOMPARE(Test::tableRows(db, QStringLiteral("touches")).size(), 1);
    QVERIFY(Test::tableRows(db, QStringLiteral("enrollments")).isEmpty());
    const Snapshot deleted = Snapshot::of(db);

    m_stack->undo();
    QVERIFY(Snapshot::of(db) == before);
    m_stack->redo();
    QVERIFY(Snapshot::of(db) == deleted);
    m_stack->undo();
    QVERIFY(Snapshot::of(db) == before);
}

void TestProspectEditor::removeNothingPushesNothing()
{
    QVERIFY(m_editor->remove({}));
    QCOMPARE(m_stack->count(), 0);
}

void TestProspectEditor::failedChangeIsNotPushed_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<bool>("withErrorArgument");
    QTest::addColumn<Error::Kind>("expected");

    const std::tuple<Failure, const char *, Error::Kind> failures[] = {
        {Failure::InvalidAdd, "invalid add", Error::Kind::Invalid},
        {Failure::AddWhileLocked, "add while a teammate locks the file", Error::Kind::Busy},
        {Failure::InvalidEdit, "invalid edit", Error::Kind::Invalid},
        {Failure::EditAfterTeammateEdit, "edit after a teammate's edit", Error::Kind::Conflict},
        {Failure::EditOfDeleted, "edit of a prospect a teammate deleted", Error::Kind::NotFound},
    };
    for (const auto &[failure, name, kind] : failures) {
        QTest::addRow("%s, failed()", name) << failure << false << kind;
        QTest::addRow("%s, error argument", name) << failure << true << kind;
    }
}

void TestProspectEditor::failedChangeIsNotPushed()
{
    QFETCH(Failure, failure);
    QFETCH(bool, withErrorArgument);
    QFETCH(Error::Kind, expected);

    Database &db = m_file->db();
    // A history with one step to undo and one to redo.
    qint64 ann = 0;
    qint64 bob = 0;
    QVERIFY(m_editor->add(makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith")), &ann));
    QVERIFY(m_editor->add(makeProspect(QStringLiteral("Bob"), QStringLiteral("Stone")), &bob));
    m_stack->undo();
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->index(), 1);

    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    ProspectRepository theirs(*teammate);
    Error error;
    const Prospect annBefore = *m_editor->repository().get(ann, &error);
    QSqlQuery lock(teammate->connection());

    switch (failure) {
    case Failure::InvalidAdd:
    case Failure::InvalidEdit:
        break;
    case Failure::AddWhileLocked:
        QVERIFY(Test::setBusyTimeout(db, 50));
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        break;
    case Failure::EditAfterTeammateEdit: {
        Prospect theirEdit = annBefore;
        theirEdit.company = QStringLiteral("Globex");
        QVERIFY(theirs.update(&theirEdit, &error));
        break;
    }
    case Failure::EditOfDeleted:
        QVERIFY(theirs.remove({ann}, nullptr, &error));
        break;
    }
    const Snapshot before = Snapshot::of(db);

    QSignalSpy failed(m_editor.get(), &ProspectEditor::failed);
    Error reported;
    Error *errorArgument = withErrorArgument ? &reported : nullptr;
    bool ok = true;
    if (failure == Failure::InvalidAdd || failure == Failure::AddWhileLocked) {
        Prospect carla = makeProspect(QStringLiteral("Carla"), QStringLiteral("Adams"));
        if (failure == Failure::InvalidAdd)
            carla.email = QStringLiteral("carla@");
        qint64 newId = -1;
        ok = m_editor->add(carla, &newId, errorArgument);
        QCOMPARE(newId, -1);
    } else {
        Prospect annAfter = annBefore;
        annAfter.company = QStringLiteral("Acme");
        if (failure == Failure::InvalidEdit)
            annAfter.phone = QStringLiteral("call me");
        ok = m_editor->edit(annBefore, annAfter, errorArgument);
    }
    QVERIFY(!ok);

    if (withErrorArgument) {
        QCOMPARE(reported.kind, expected);
        QVERIFY(!reported.message.isEmpty());
        QCOMPARE(failed.count(), 0); // the caller shows it
    } else {
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    }

    // Neither the undo history nor the file changed.
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->index(), 1);
    QVERIFY(m_stack->canRedo());
    if (failure == Failure::AddWhileLocked)
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(Snapshot::of(db) == before);

    // What was undone can still be redone.
    m_stack->redo();
    QVERIFY(m_editor->repository().get(bob, &error));
}

void TestProspectEditor::undoEditAfterTeammateEdit_data()
{
    QTest::addColumn<bool>("sameField");
    QTest::newRow("they changed the field we edited") << true;
    QTest::newRow("they changed another field") << false;
}

// Undo stores only what the edit changed: over a teammate's change of another
// field it works and keeps theirs; over one of the same field it is a conflict.
void TestProspectEditor::undoEditAfterTeammateEdit()
{
    QFETCH(bool, sameField);
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Ann"), QStringLiteral("Smith"));
    QVERIFY(id);
    qint64 carla = 0;
    QVERIFY(m_editor->add(makeProspect(QStringLiteral("Carla"), QStringLiteral("Adams")), &carla));
    Error error;
    const Prospect before = *m_editor->repository().get(id, &error);
    Prospect after = before;
    after.title = QStringLiteral("CTO");
    QVERIFY(m_editor->edit(before, after));
    QCOMPARE(m_stack->count(), 2);

    // A teammate changes the same prospect after our edit.
    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    ProspectRepository theirs(*teammate);
    Prospect theirEdit = *theirs.get(id, &error);
    if (sameField)
        theirEdit.title = QStringLiteral("CEO");
    else
        theirEdit.company = QStringLiteral("Globex");
    QVERIFY(theirs.update(&theirEdit, &error));
    const Snapshot theirState = Snapshot::of(db);

    QSignalSpy failed(m_editor.get(), &ProspectEditor::failed);
    m_stack->undo();
    if (!sameField) {
        QCOMPARE(failed.count(), 0);
        const Prospect undone = *m_editor->repository().get(id, &error);
        QCOMPARE(undone.company, QStringLiteral("Globex"));
        QCOMPARE(undone.title, QString());
        QCOMPARE(undone.rowVersion, theirEdit.rowVersion + 1);
        m_stack->redo();
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_editor->repository().get(id, &error)->title, QStringLiteral("CTO"));
        return;
    }
    QCOMPARE(failed.count(), 1);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("changed by someone else")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Ann Smith")), qPrintable(message));
    // Their title stays: nothing was overwritten.
    QVERIFY(Snapshot::of(db) == theirState);
    QCOMPARE(m_editor->repository().get(id, &error)->title, QStringLiteral("CEO"));

    // The step that cannot be undone is dropped; the one below it still works.
    QCOMPARE(m_stack->count(), 1);
    QVERIFY(!m_stack->canRedo());
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(!m_editor->repository().get(carla, nullptr));
}

void TestProspectEditor::redoEditAfterTeammateEditFails()
{
    Database &db = m_file->db();
    const qint64 id = addDirectly(QStringLiteral("Ann"), QStringLiteral("Smith"));
    QVERIFY(id);
    Error error;
    const Prospect before = *m_editor->repository().get(id, &error);
    Prospect after = before;
    after.title = QStringLiteral("CTO");
    QVERIFY(m_editor->edit(before, after));
    m_stack->undo();
    QCOMPARE(m_editor->repository().get(id, &error)->title, QString());

    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    ProspectRepository theirs(*teammate);
    Prospect theirEdit = *theirs.get(id, &error);
    theirEdit.title = QStringLiteral("CEO");
    QVERIFY(theirs.update(&theirEdit, &error));
    const Snapshot theirState = Snapshot::of(db);

    QSignalSpy failed(m_editor.get(), &ProspectEditor::failed);
    m_stack->redo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(Snapshot::of(db) == theirState);
    QCOMPARE(m_editor->repository().get(id, &error)->title, QStringLiteral("CEO"));
}

QTEST_GUILESS_MAIN(TestProspectEditor)
#include "tst_prospecteditor.moc"
