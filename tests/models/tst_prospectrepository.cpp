// Storing, listing, searching, sorting, deleting and restoring prospects, and
// the users who own them: storage/ProspectRepository.h and storage/UserRepository.h.

#include "TestData.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;

namespace {

QDateTime day(int month, int dayOfMonth, int hour = 12)
{
    return QDateTime(QDate(2024, month, dayOfMonth), QTime(hour, 0), QTimeZone::utc());
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<Database::Tables> emittedTables(const QSignalSpy &spy)
{
    QList<Database::Tables> tables;
    for (const QList<QVariant> &arguments : spy)
        tables.append(arguments.at(0).value<Database::Tables>());
    return tables;
}

// SQLite's NOCASE: ASCII letters folded, everything else compared as is.
int compareNoCase(const QString &a, const QString &b)
{
    auto fold = [](QString text) {
        for (QChar &c : text) {
            if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                c = QChar(c.unicode() + 32);
        }
        return text;
    };
    return fold(a).compare(fold(b));
}

// NULL (an invalid time) sorts first, as in SQLite.
int compareTimes(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return a.isValid() ? 1 : -1;
    if (!a.isValid())
        return 0;
    const qint64 x = a.toMSecsSinceEpoch();
    const qint64 y = b.toMSecsSinceEpoch();
    return x < y ? -1 : (x > y ? 1 : 0);
}

// The expected order of each column, written independently of the SQL.
int compareBy(ProspectField field, const Prospect &a, const Prospect &b)
{
    switch (field) {
    case ProspectField::FirstName:
        return compareNoCase(a.firstName, b.firstName);
    case ProspectField::LastName:
        return compareNoCase(a.lastName, b.lastName);
    case ProspectField::Company:
        return compareNoCase(a.company, b.company);
    case ProspectField::Title:
        return compareNoCase(a.title, b.title);
    case ProspectField::Email:
        return compareNoCase(a.email, b.email);
    case ProspectField::Phone:
        return a.phone.compare(b.phone);
    case ProspectField::LinkedInUrl:
        return a.linkedInUrl.compare(b.linkedInUrl);
    case ProspectField::Owner:
        if ((a.ownerId == 0) != (b.ownerId == 0))
            return a.ownerId == 0 ? -1 : 1; // nobody's first
        return compareNoCase(a.ownerName, b.ownerName);
    case ProspectField::Status:
        return statusKey(a.status).compare(statusKey(b.status));
    case ProspectField::TimeZone:
        return a.timeZone.compare(b.timeZone);
    case ProspectField::AgreedNextTouchAt:
        return compareTimes(a.agreedNextTouchAt, b.agreedNextTouchAt);
    case ProspectField::CreatedAt:
        return compareTimes(a.createdAt, b.createdAt);
    case ProspectField::LastTouchAt:
        return compareTimes(a.lastTouchAt, b.lastTouchAt);
    case ProspectField::NextDueAt:
        return compareTimes(a.nextDueAt, b.nextDueAt);
    case ProspectField::TouchCount:
        return a.touchCount - b.touchCount;
    }
    return 0;
}

} // namespace

class TestProspectRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void addStoresNormalizedProspect();
    void addKeepsGivenCreationTime();
    void addStoresEveryStatus_data();
    void addStoresEveryStatus();
    void addRefusesInvalidValues_data();
    void addRefusesInvalidValues();

    void updateBumpsRowVersion();
    void updateKeepsMaintainedColumns();
    void updateRefusesInvalidValues();
    void updateWithStaleVersionConflicts();
    void concurrentEditsMergeOrConflict_data();
    void concurrentEditsMergeOrConflict();
    void updateRecordsWhoAndWhen();
    void updateOfDeletedProspectIsNotFound();
    void getOfMissingProspectIsNotFound();

    void search_data();
    void search();
    void statusFilter_data();
    void statusFilter();
    void ownerFilter();
    void filtersCombine();
    void sortOrder_data();
    void sortOrder();

    void fetchKeepsRequestedOrder();
    void missingIds_data();
    void missingIds();
    void removeAndRestoreWithHistory();
    void removeManyIds();
    void idsAreNeverReused();

    void usersEnsureAndFind();
    void usersNeedAName_data();
    void usersNeedAName();

private:
    // Stores a set of prospects covering every column, with ties, for the list tests.
    void addListFixture();
    QList<qint64> idsFor(const ProspectQuery &query);

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<ProspectRepository> m_repository;
    QHash<QString, qint64> m_ids;   // list fixture: key -> id
    QHash<QString, qint64> m_users; // list fixture: name -> id
};

void TestProspectRepository::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_repository = std::make_unique<ProspectRepository>(m_file->db());
    m_ids.clear();
    m_users.clear();
}

void TestProspectRepository::cleanup()
{
    m_repository.reset();
    m_file.reset();
}

void TestProspectRepository::addListFixture()
{
    UserRepository users(m_file->db());
    for (const char *name : {"bob", "Alice", "Carol"}) {
        const qint64 id = users.ensure(QString::fromLatin1(name), nullptr);
        QVERIFY(id);
        m_users.insert(QString::fromLatin1(name), id);
    }

    struct Row
    {
        const char *key;
        const char *first, *last, *company, *title, *email, *phone, *linkedIn, *owner;
        ProspectStatus status;
        QDateTime created, lastTouch, nextDue;
        int touches;
    };
    // Ties on purpose in every column (broken by id), mixed case (NOCASE), empty
    // values and NULL times (first when ascending).
    const Row rows[] = {
        {"ann", "ann", "Smith", "acme", "CTO", "ann@acme.com", "+1 555 0100",
            "https://linkedin.com/in/ann", "bob", ProspectStatus::Replied, day(1, 5), day(2, 1), {},
            3},
        {"bob", "Bob", "smith", "Globex", "cto", "bob@globex.com", "(555) 123-4567", "", "Alice",
            ProspectStatus::New, day(1, 3), {}, day(3, 1), 0},
        {"carla", "Carla", "Adams", "acme", "Head of Sales", "carla@acme.com", "030/123 456",
            "https://linkedin.com/in/carla", nullptr, ProspectStatus::InCadence, day(1, 5),
            day(2, 1), day(3, 1), 3},
        {"dan", "dan", "Brown", "Initech", "", "", "", "", "Carol", ProspectStatus::Won, day(1, 1),
            day(1, 10), {}, 1},
        {"eve", "Eve", "adams", "", "VP", "eve@example.org", "+1 555 0100", "", "bob",
            ProspectStatus::DoNotContact, day(1, 9), {}, day(2, 15), 0},
        {"zeta", "", "", "Zeta GmbH", "", "", "", "", nullptr, ProspectStatus::Lost, day(1, 2),
            day(1, 20), day(2, 15), 7},
        {"ann2", "Ann", "Zimmer", "ACME", "cto", "ANN@ACME.COM", "", "https://linkedin.com/in/az",
            "Alice", ProspectStatus::Replied, day(1, 5), day(1, 10), {}, 1},
        {"bob2", "Bob", "Young", "globex", "Buyer", "bob.young@globex.com", "(555) 123-4567", "",
            "bob", ProspectStatus::MeetingBooked, day(1, 4), day(2, 1), day(3, 1), 2},
    };
    QList<Prospect> prospects;
    for (const Row &row : rows) {
        Prospect p = makeProspect(QString::fromLatin1(row.first), QString::fromLatin1(row.last),
            QString::fromLatin1(row.company), QString::fromLatin1(row.email));
        p.title = QString::fromLatin1(row.title);
        p.phone = QString::fromLatin1(row.phone);
        p.linkedInUrl = QString::fromLatin1(row.linkedIn);
        p.ownerId = row.owner ? m_users.value(QString::fromLatin1(row.owner)) : 0;
        p.status = row.status;
        p.createdAt = row.created;
        p.lastTouchAt = row.lastTouch;
        p.nextDueAt = row.nextDue;
        p.touchCount = row.touches;
        prospects.append(p);
    }
    // Stored in an order unrelated to any column, so that id order proves nothing.
    std::rotate(prospects.begin(), prospects.begin() + 3, prospects.end());
    const QList<qint64> ids = Test::insertProspects(m_file->db(), prospects);
    QCOMPARE(ids.size(), prospects.size());
    for (int i = 0; i < ids.size(); ++i) {
        const int rowIndex = (i + 3) % int(std::size(rows));
        m_ids.insert(QString::fromLatin1(rows[rowIndex].key), ids.at(i));
    }
}

QList<qint64> TestProspectRepository::idsFor(const ProspectQuery &query)
{
    QList<qint64> ids;
    Error error;
    if (!m_repository->ids(query, &ids, &error))
        qWarning().noquote() << error.message;
    return ids;
}

void TestProspectRepository::addStoresNormalizedProspect()
{
    QSignalSpy changed(&m_file->db(), &Database::changed);
    Prospect ann = makeProspect(QStringLiteral("  Ann "), QStringLiteral("Smith\t"),
        QStringLiteral(" Acme "), QStringLiteral(" ann@acme.com "));
    ann.title = QStringLiteral(" CTO ");
    ann.phone = QStringLiteral(" +1 555 0100 ");
    ann.linkedInUrl = QStringLiteral(" https://www.linkedin.com/in/ann ");
    ann.status = ProspectStatus::InCadence;
    ann.rowVersion = 42; // ignored: a new row starts at 1

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    Error error;
    QVERIFY2(m_repository->add(&ann, &error), qPrintable(error.message));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

    QVERIFY(ann.id > 0);
    QCOMPARE(ann.rowVersion, 1);
    QVERIFY(ann.createdAt >= before && ann.createdAt <= after);
    QCOMPARE(ann.firstName, QStringLiteral("Ann"));
    QCOMPARE(ann.lastName, QStringLiteral("Smith"));
    QCOMPARE(ann.company, QStringLiteral("Acme"));
    QCOMPARE(ann.title, QStringLiteral("CTO"));
    QCOMPARE(ann.email, QStringLiteral("ann@acme.com"));
    QCOMPARE(ann.phone, QStringLiteral("+1 555 0100"));
    QCOMPARE(ann.linkedInUrl, QStringLiteral("https://www.linkedin.com/in/ann"));
    QCOMPARE(ann.status, ProspectStatus::InCadence);
    QVERIFY(!ann.lastTouchAt.isValid());
    QVERIFY(!ann.nextDueAt.isValid());
    QCOMPARE(ann.touchCount, 0);

    const auto stored = m_repository->get(ann.id, &error);
    QVERIFY2(stored, qPrintable(error.message));
    QCOMPARE(*stored, ann);
    QCOMPARE(m_repository->count(&error), 1);
    QCOMPARE(emittedTables(changed), QList<Database::Tables> {Database::Table::Prospects});

    // Fields left empty are stored as empty text, which the NOT NULL columns require.
    Prospect bare = makeProspect(QStringLiteral("Bare"), QString());
    QVERIFY2(m_repository->add(&bare, &error), qPrintable(error.message));
    QCOMPARE(bare.lastName, QString());
    QCOMPARE(bare.ownerId, 0);
    QCOMPARE(bare.ownerName, QString());
}

void TestProspectRepository::addKeepsGivenCreationTime()
{
    Prospect imported = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    imported.createdAt = QDateTime(QDate(2021, 6, 1), QTime(8, 15, 30, 250), QTimeZone::utc());
    Error error;
    QVERIFY2(m_repository->add(&imported, &error), qPrintable(error.message));
    QCOMPARE(
        imported.createdAt, QDateTime(QDate(2021, 6, 1), QTime(8, 15, 30, 250), QTimeZone::utc()));
    QCOMPARE(m_repository->get(imported.id, &error)->createdAt, imported.createdAt);
}

void TestProspectRepository::addStoresEveryStatus_data()
{
    QTest::addColumn<ProspectStatus>("status");

    for (ProspectStatus status : allStatuses())
        QTest::newRow(qPrintable(statusKey(status))) << status;
}

void TestProspectRepository::addStoresEveryStatus()
{
    QFETCH(ProspectStatus, status);

    // The schema's CHECK list and statusKey() must agree.
    Prospect prospect = makeProspect(QStringLiteral("Ann"), {});
    prospect.status = status;
    Error error;
    QVERIFY2(m_repository->add(&prospect, &error), qPrintable(error.message));
    QCOMPARE(m_repository->get(prospect.id, &error)->status, status);
    ProspectQuery query;
    query.status = status;
    QCOMPARE(idsFor(query), QList<qint64> {prospect.id});
}

void TestProspectRepository::addRefusesInvalidValues_data()
{
    QTest::addColumn<Prospect>("prospect");

    QTest::newRow("empty") << Prospect();
    QTest::newRow("only white space") << makeProspect(QStringLiteral(" "), QStringLiteral("\t"));
    Prospect p = makeProspect(QStringLiteral("Ann"), {});
    p.email = QStringLiteral("ann@");
    QTest::newRow("bad email") << p;
    p = makeProspect(QStringLiteral("Ann"), {});
    p.phone = QStringLiteral("call me");
    QTest::newRow("bad phone") << p;
    p = makeProspect(QStringLiteral("Ann"), {});
    p.linkedInUrl = QStringLiteral("javascript:alert(1)");
    QTest::newRow("javascript URL") << p;
    p = makeProspect(QString(201, QLatin1Char('a')), {});
    QTest::newRow("201-character name") << p;
    p = makeProspect(QStringLiteral("Ann"), {});
    p.ownerId = 4242;
    QTest::newRow("unknown owner") << p;
}

void TestProspectRepository::addRefusesInvalidValues()
{
    QFETCH(Prospect, prospect);

    QSignalSpy changed(&m_file->db(), &Database::changed);
    Error error;
    QVERIFY(!m_repository->add(&prospect, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(prospect.id, 0);
    QCOMPARE(m_repository->count(&error), 0);
    QCOMPARE(changed.count(), 0);
}

void TestProspectRepository::updateBumpsRowVersion()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(m_repository->add(&ann, &error));
    const qint64 dana = UserRepository(m_file->db()).ensure(QStringLiteral("Dana"), &error);
    QVERIFY(dana);
    const QDateTime created = ann.createdAt;

    QSignalSpy changed(&m_file->db(), &Database::changed);
    Prospect edited = ann;
    edited.company = QStringLiteral("  Acme ");
    edited.status = ProspectStatus::MeetingBooked;
    edited.ownerId = dana;
    QVERIFY2(m_repository->update(&edited, &error), qPrintable(error.message));
    QCOMPARE(edited.rowVersion, 2);
    QCOMPARE(edited.company, QStringLiteral("Acme"));
    QCOMPARE(edited.ownerName, QStringLiteral("Dana"));
    QCOMPARE(edited.createdAt, created);
    QCOMPARE(*m_repository->get(ann.id, &error), edited);
    // Enrollments: the time zone and the agreed date decide when steps are due.
    QCOMPARE(emittedTables(changed),
        QList<Database::Tables> {Database::Table::Prospects | Database::Table::Enrollments});

    // Each update bumps it again; clearing the owner stores NULL.
    edited.ownerId = 0;
    QVERIFY2(m_repository->update(&edited, &error), qPrintable(error.message));
    QCOMPARE(edited.rowVersion, 3);
    QCOMPARE(edited.ownerName, QString());
    QCOMPARE(m_repository->get(ann.id, &error)->ownerId, 0);
}

void TestProspectRepository::updateKeepsMaintainedColumns()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    ann.lastTouchAt = day(2, 1);
    ann.nextDueAt = day(2, 8);
    ann.touchCount = 4;
    const QList<qint64> ids = Test::insertProspects(m_file->db(), {ann});
    QCOMPARE(ids.size(), 1);
    Error error;
    Prospect stored = *m_repository->get(ids.first(), &error);

    // A form edits the editable fields; what touches maintain stays, and the next
    // due time of a prospect in no cadence is the next touch agreed with them.
    Prospect edited = stored;
    edited.title = QStringLiteral("CTO");
    edited.lastTouchAt = {};
    edited.nextDueAt = {};
    edited.touchCount = 0;
    edited.createdAt = day(1, 1);
    edited.agreedNextTouchAt = day(3, 1);
    QVERIFY2(m_repository->update(&edited, &error), qPrintable(error.message));
    QCOMPARE(edited.title, QStringLiteral("CTO"));
    QCOMPARE(edited.lastTouchAt, day(2, 1));
    QCOMPARE(edited.agreedNextTouchAt, day(3, 1));
    QCOMPARE(edited.nextDueAt, day(3, 1));
    QCOMPARE(edited.touchCount, 4);
    QCOMPARE(edited.createdAt, stored.createdAt);
}

void TestProspectRepository::updateRefusesInvalidValues()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(m_repository->add(&ann, &error));
    QSignalSpy changed(&m_file->db(), &Database::changed);

    Prospect edited = ann;
    edited.email = QStringLiteral("not an email");
    QVERIFY(!m_repository->update(&edited, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);

    edited = ann;
    edited.ownerId = 4242;
    QVERIFY(!m_repository->update(&edited, &error));
    QCOMPARE(error.kind, Error::Kind::Invalid);

    QCOMPARE(*m_repository->get(ann.id, &error), ann);
    QCOMPARE(changed.count(), 0);
}

void TestProspectRepository::updateWithStaleVersionConflicts()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(m_repository->add(&ann, &error));

    // A teammate saves first.
    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    ProspectRepository theirs(*teammate);
    Prospect theirEdit = *theirs.get(ann.id, &error);
    theirEdit.company = QStringLiteral("Globex");
    QVERIFY2(theirs.update(&theirEdit, &error), qPrintable(error.message));

    QSignalSpy changed(&m_file->db(), &Database::changed);
    Prospect mine = ann; // read before their change
    mine.company = QStringLiteral("Acme");
    mine.title = QStringLiteral("CTO");
    QVERIFY(!m_repository->update(&mine, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QVERIFY2(error.message.contains(QLatin1String("Ann Smith")), qPrintable(error.message));
    QCOMPARE(*m_repository->get(ann.id, &error), theirEdit);
    QCOMPARE(changed.count(), 0);

    // The same stale copy cannot be saved twice on one connection either.
    Prospect fresh = theirEdit;
    fresh.title = QStringLiteral("CEO");
    QVERIFY(m_repository->update(&fresh, &error));
    Prospect again = theirEdit;
    again.title = QStringLiteral("CFO");
    QVERIFY(!m_repository->update(&again, &error));
    QCOMPARE(error.kind, Error::Kind::Conflict);
    QCOMPARE(m_repository->get(ann.id, &error)->title, QStringLiteral("CEO"));
}

// Two people start from the same row on two connections, as two copies of the
// app would; theirs is saved first, then mine, made from the row they both read.
void TestProspectRepository::concurrentEditsMergeOrConflict_data()
{
    QTest::addColumn<ProspectField>("theirField");
    QTest::addColumn<QString>("theirValue");
    QTest::addColumn<ProspectField>("myField");
    QTest::addColumn<QString>("myValue");
    QTest::addColumn<bool>("conflict");

    QTest::newRow("same field, other values")
        << ProspectField::Company << QStringLiteral("Globex") << ProspectField::Company
        << QStringLiteral("Acme") << true;
    QTest::newRow("same field, same value")
        << ProspectField::Email << QStringLiteral("ann@globex.com") << ProspectField::Email
        << QStringLiteral("ann@globex.com") << false;
    QTest::newRow("different fields") << ProspectField::Company << QStringLiteral("Globex")
                                      << ProspectField::Title << QStringLiteral("CTO") << false;
    QTest::newRow("mine clears a field they changed")
        << ProspectField::Phone << QStringLiteral("+44 20 7946 0001") << ProspectField::Phone
        << QString() << true;
    QTest::newRow("status against status")
        << ProspectField::Status << QStringLiteral("won") << ProspectField::Status
        << QStringLiteral("lost") << true;
    QTest::newRow("status against a name")
        << ProspectField::Status << QStringLiteral("won") << ProspectField::FirstName
        << QStringLiteral("Anne") << false;
}

void TestProspectRepository::concurrentEditsMergeOrConflict()
{
    QFETCH(ProspectField, theirField);
    QFETCH(QString, theirValue);
    QFETCH(ProspectField, myField);
    QFETCH(QString, myValue);
    QFETCH(bool, conflict);

    const auto set = [](Prospect *p, ProspectField field, const QString &value) {
        if (field == ProspectField::Status)
            QVERIFY(statusFromKey(value, &p->status));
        else
            p->*prospectTextMember(field) = value;
    };
    Prospect base = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    base.phone = QStringLiteral("+44 20 7946 0000");
    Error error;
    QVERIFY2(m_repository->add(&base, &error), qPrintable(error.message));
    QCOMPARE(base.rowVersion, 1);

    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    ProspectRepository theirRepository(*teammate);
    const Prospect theirBase = *theirRepository.get(base.id, &error);
    Prospect theirs = theirBase;
    set(&theirs, theirField, theirValue);
    QVERIFY2(theirRepository.update(&theirs, &error, &theirBase), qPrintable(error.message));
    QCOMPARE(theirs.rowVersion, 2);

    Prospect mine = base;
    set(&mine, myField, myValue);
    const bool saved = m_repository->update(&mine, &error, &base);
    const Prospect stored = *m_repository->get(base.id, &error);
    if (conflict) {
        QVERIFY(!saved);
        QCOMPARE(error.kind, Error::Kind::Conflict);
        QVERIFY2(error.message.contains(fieldDisplayName(myField)), qPrintable(error.message));
        QCOMPARE(stored, theirs); // nothing of mine was written
        QCOMPARE(conflictingFields(base, mine, stored), QList<ProspectField> {myField});
        return;
    }
    QVERIFY2(saved, qPrintable(error.message));
    QCOMPARE(stored.rowVersion, 3);
    QCOMPARE(stored, mine);
    // Both edits are in the row.
    QVERIFY(sameFieldValue(stored, theirs, theirField));
    QVERIFY(sameFieldValue(stored, mine, myField));
    QVERIFY(changedFields(theirs, stored).size() <= 1);
}

void TestProspectRepository::updateRecordsWhoAndWhen()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(m_repository->add(&ann, &error));
    QVERIFY(ann.updatedByName.isEmpty());

    const qint64 maya = UserRepository(m_file->db()).ensure(QStringLiteral("Maya"), &error);
    QVERIFY2(maya, qPrintable(error.message));
    m_repository->setEditorId(maya);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Prospect base = ann;
    ann.title = QStringLiteral("CTO");
    QVERIFY2(m_repository->update(&ann, &error, &base), qPrintable(error.message));
    QCOMPARE(ann.updatedByName, QStringLiteral("Maya"));
    QVERIFY(ann.updatedAt >= before);

    // A status the touches change is nobody's edit.
    Touch reply;
    reply.prospectId = ann.id;
    reply.channel = TouchChannel::Email;
    reply.direction = TouchDirection::In;
    reply.outcome = TouchOutcome::Replied;
    reply.occurredAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY2(TouchRepository(m_file->db()).log(&reply, nullptr, &error), qPrintable(error.message));
    const Prospect replied = *m_repository->get(ann.id, &error);
    QCOMPARE(replied.status, ProspectStatus::Replied);
    QCOMPARE(replied.rowVersion, ann.rowVersion + 1);
    QVERIFY(replied.updatedByName.isEmpty());
}

void TestProspectRepository::updateOfDeletedProspectIsNotFound()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"));
    Error error;
    QVERIFY(m_repository->add(&ann, &error));
    const auto teammate = m_file->openSecondConnection();
    QVERIFY(teammate);
    QVERIFY(ProspectRepository(*teammate).remove({ann.id}, nullptr, &error));

    QSignalSpy changed(&m_file->db(), &Database::changed);
    Prospect edited = ann;
    edited.company = QStringLiteral("Acme");
    QVERIFY(!m_repository->update(&edited, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(m_repository->count(&error), 0); // not re-created
    QCOMPARE(changed.count(), 0);
}

void TestProspectRepository::getOfMissingProspectIsNotFound()
{
    Error error;
    QVERIFY(!m_repository->get(4242, &error));
    QCOMPARE(error.kind, Error::Kind::NotFound);
    QVERIFY(error.message.contains(QLatin1String("4242")));
}

void TestProspectRepository::search_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");

    const QStringList everyone {QStringLiteral("ann"), QStringLiteral("bob"),
        QStringLiteral("carla"), QStringLiteral("dan"), QStringLiteral("eve"),
        QStringLiteral("rd")};
    QTest::newRow("empty") << QString() << everyone;
    QTest::newRow("only spaces") << QStringLiteral("   ") << everyone;
    QTest::newRow("substring of a last name")
        << QStringLiteral("smith") << QStringList {QStringLiteral("ann"), QStringLiteral("carla")};
    QTest::newRow("case-insensitive")
        << QStringLiteral("SMITH") << QStringList {QStringLiteral("ann"), QStringLiteral("carla")};
    QTest::newRow("two words must both match")
        << QStringLiteral("smith acme") << QStringList {QStringLiteral("ann")};
    QTest::newRow("word order does not matter")
        << QStringLiteral("acme ann") << QStringList {QStringLiteral("ann")};
    QTest::newRow("extra spaces") << QStringLiteral("  ann   acme ")
                                  << QStringList {QStringLiteral("ann")};
    QTest::newRow("first and company")
        << QStringLiteral("carla initech") << QStringList {QStringLiteral("carla")};
    QTest::newRow("email domain") << QStringLiteral("globex.com")
                                  << QStringList {QStringLiteral("bob")};
    QTest::newRow("title is not searched") << QStringLiteral("Buyer") << QStringList();
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList();
    QTest::newRow("one word matches nobody") << QStringLiteral("smith zzz") << QStringList();
    QTest::newRow("percent is literal")
        << QStringLiteral("100%") << QStringList {QStringLiteral("dan")};
    QTest::newRow("percent alone") << QStringLiteral("%") << QStringList {QStringLiteral("dan")};
    QTest::newRow("underscore is literal")
        << QStringLiteral("dan_") << QStringList {QStringLiteral("dan")};
    QTest::newRow("underscore alone") << QStringLiteral("_") << QStringList {QStringLiteral("dan")};
    QTest::newRow("backslash is literal")
        << QStringLiteral("r\\d") << QStringList {QStringLiteral("rd")};
    QTest::newRow("quote") << QStringLiteral("o'neil") << QStringList {QStringLiteral("eve")};
}

void TestProspectRepository::search()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);

    const struct
    {
        const char *key, *first, *last, *company, *email;
    } rows[] = {
        {"ann", "Ann", "Smith", "Acme Corp", "ann.smith@acme.com"},
        {"bob", "Bob", "Stone", "Globex", "bob@globex.com"},
        {"carla", "Carla", "Smithers", "Initech", "carla@initech.com"},
        // % and _ would match the next row too if they were wildcards.
        {"dan", "Dan", "Brown", "100% Organic", "dan_brown@organic.com"},
        {"eve", "Eve", "O'Neil", "1000 Organics", "danxbrown@other.com"},
        {"rd", "Gus", "Ng", "R\\D Labs", "gus@rdlabs.com"},
    };
    QList<Prospect> prospects;
    for (const auto &row : rows) {
        Prospect p = makeProspect(QString::fromLatin1(row.first), QString::fromLatin1(row.last),
            QString::fromLatin1(row.company), QString::fromLatin1(row.email));
        if (QLatin1String(row.key) == QLatin1String("bob"))
            p.title = QStringLiteral("Buyer");
        prospects.append(p);
    }
    const QList<qint64> ids = Test::insertProspects(m_file->db(), prospects);
    QCOMPARE(ids.size(), prospects.size());
    QHash<qint64, QString> keys;
    for (int i = 0; i < ids.size(); ++i)
        keys.insert(ids.at(i), QString::fromLatin1(rows[i].key));

    ProspectQuery query;
    query.search = search;
    QStringList found;
    for (qint64 id : idsFor(query))
        found.append(keys.value(id));
    found.sort();
    QCOMPARE(found, expected);
}

void TestProspectRepository::statusFilter_data()
{
    QTest::addColumn<ProspectStatus>("status");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("replied") << ProspectStatus::Replied
                             << QStringList {QStringLiteral("ann"), QStringLiteral("ann2")};
    QTest::newRow("new") << ProspectStatus::New << QStringList {QStringLiteral("bob")};
    QTest::newRow("won") << ProspectStatus::Won << QStringList {QStringLiteral("dan")};
    QTest::newRow("do not contact")
        << ProspectStatus::DoNotContact << QStringList {QStringLiteral("eve")};
}

void TestProspectRepository::statusFilter()
{
    QFETCH(ProspectStatus, status);
    QFETCH(QStringList, expected);

    addListFixture();
    ProspectQuery query;
    query.status = status;
    QList<qint64> expectedIds;
    for (const QString &key : std::as_const(expected))
        expectedIds.append(m_ids.value(key));
    QCOMPARE(sorted(idsFor(query)), sorted(expectedIds));
}

void TestProspectRepository::ownerFilter()
{
    addListFixture();
    ProspectQuery query;
    query.ownerId = m_users.value(QStringLiteral("bob"));
    QCOMPARE(sorted(idsFor(query)),
        sorted({m_ids.value(QStringLiteral("ann")), m_ids.value(QStringLiteral("eve")),
            m_ids.value(QStringLiteral("bob2"))}));
    query.ownerId = m_users.value(QStringLiteral("Carol"));
    QCOMPARE(idsFor(query), QList<qint64> {m_ids.value(QStringLiteral("dan"))});
    query.ownerId = 0; // everyone's
    QCOMPARE(idsFor(query).size(), m_ids.size());
    query.ownerId = 4242;
    QCOMPARE(idsFor(query), QList<qint64>());
}

void TestProspectRepository::filtersCombine()
{
    addListFixture();
    ProspectQuery query;
    query.search = QStringLiteral("acme");
    QCOMPARE(idsFor(query).size(), 3);
    query.status = ProspectStatus::Replied;
    QCOMPARE(sorted(idsFor(query)),
        sorted({m_ids.value(QStringLiteral("ann")), m_ids.value(QStringLiteral("ann2"))}));
    query.ownerId = m_users.value(QStringLiteral("Alice"));
    QCOMPARE(idsFor(query), QList<qint64> {m_ids.value(QStringLiteral("ann2"))});
}

void TestProspectRepository::sortOrder_data()
{
    QTest::addColumn<ProspectField>("field");
    QTest::addColumn<Qt::SortOrder>("order");

    const std::pair<ProspectField, const char *> fields[] = {
        {ProspectField::FirstName, "first name"},
        {ProspectField::LastName, "last name"},
        {ProspectField::Company, "company"},
        {ProspectField::Title, "title"},
        {ProspectField::Email, "email"},
        {ProspectField::Phone, "phone"},
        {ProspectField::LinkedInUrl, "LinkedIn"},
        {ProspectField::Owner, "owner"},
        {ProspectField::Status, "status"},
        {ProspectField::CreatedAt, "created"},
        {ProspectField::LastTouchAt, "last touch"},
        {ProspectField::NextDueAt, "next due"},
        {ProspectField::TouchCount, "touch count"},
    };
    for (const auto &[field, name] : fields) {
        QTest::addRow("%s, ascending", name) << field << Qt::AscendingOrder;
        QTest::addRow("%s, descending", name) << field << Qt::DescendingOrder;
    }
}

void TestProspectRepository::sortOrder()
{
    QFETCH(ProspectField, field);
    QFETCH(Qt::SortOrder, order);

    addListFixture();
    QList<Prospect> prospects;
    Error error;
    QVERIFY(m_repository->fetch(m_ids.values(), &prospects, &error));
    QCOMPARE(prospects.size(), m_ids.size());

    // Ascending by the column, ties by id; descending is exactly the reverse.
    std::sort(prospects.begin(), prospects.end(), [field](const Prospect &a, const Prospect &b) {
        const int byField = compareBy(field, a, b);
        return byField != 0 ? byField < 0 : a.id < b.id;
    });
    QList<qint64> expected;
    bool hasTie = false;
    for (int i = 0; i < prospects.size(); ++i) {
        expected.append(prospects.at(i).id);
        if (i > 0 && compareBy(field, prospects.at(i - 1), prospects.at(i)) == 0)
            hasTie = true;
    }
    QVERIFY2(hasTie, "the fixture must have a tie in every column");
    QVERIFY2(expected != sorted(expected), "the fixture must not be in id order");
    if (order == Qt::DescendingOrder)
        std::reverse(expected.begin(), expected.end());

    ProspectQuery query;
    query.sortField = field;
    query.sortOrder = order;
    QCOMPARE(idsFor(query), expected);
}

void TestProspectRepository::fetchKeepsRequestedOrder()
{
    QList<qint64> ids;
    Error error;
    for (const char *name : {"Ann", "Bob", "Carla"}) {
        Prospect p = makeProspect(QString::fromLatin1(name), {});
        QVERIFY(m_repository->add(&p, &error));
        ids.append(p.id);
    }
    QList<Prospect> fetched;
    QVERIFY2(m_repository->fetch({ids[2], 4242, ids[0], ids[1]}, &fetched, &error),
        qPrintable(error.message));
    QStringList names;
    for (const Prospect &p : std::as_const(fetched))
        names.append(p.firstName);
    QCOMPARE(names,
        (QStringList {QStringLiteral("Carla"), QStringLiteral("Ann"), QStringLiteral("Bob")}));

    QVERIFY(m_repository->fetch({}, &fetched, &error));
    QVERIFY(fetched.isEmpty());
    QVERIFY(m_repository->fetch({4242}, &fetched, &error));
    QVERIFY(fetched.isEmpty());
}

void TestProspectRepository::missingIds_data()
{
    // Offsets from the first of three prospects: 0, 1 and 2 exist.
    QTest::addColumn<QList<qint64>>("offsets");
    QTest::addColumn<QList<qint64>>("missingOffsets");

    QTest::newRow("none asked") << QList<qint64>() << QList<qint64>();
    QTest::newRow("all there") << QList<qint64> {2, 0, 1} << QList<qint64>();
    QTest::newRow("one missing") << QList<qint64> {0, 7} << QList<qint64> {7};
    QTest::newRow("in the order asked") << QList<qint64> {9, 1, 5, 2} << QList<qint64> {9, 5};
    QTest::newRow("all missing") << QList<qint64> {3, 4} << QList<qint64> {3, 4};
}

void TestProspectRepository::missingIds()
{
    QFETCH(QList<qint64>, offsets);
    QFETCH(QList<qint64>, missingOffsets);
    qint64 first = 0;
    Error error;
    for (const char *name : {"Ann", "Bob", "Carla"}) {
        Prospect p = makeProspect(QString::fromLatin1(name), {});
        QVERIFY2(m_repository->add(&p, &error), qPrintable(error.message));
        first = first ? first : p.id;
    }
    const auto plus = [first](const QList<qint64> &list) {
        QList<qint64> ids;
        for (qint64 offset : list)
            ids.append(first + offset);
        return ids;
    };
    QList<qint64> missing = {-1};
    QVERIFY2(m_repository->missing(plus(offsets), &missing, &error), qPrintable(error.message));
    QCOMPARE(missing, plus(missingOffsets));
}

void TestProspectRepository::removeAndRestoreWithHistory()
{
    Database &db = m_file->db();
    Error error;
    const qint64 dana = UserRepository(db).ensure(QStringLiteral("Dana"), &error);
    QVERIFY(dana);
    QList<qint64> ids;
    for (const char *name : {"Ann", "Bob", "Carla"}) {
        Prospect p = makeProspect(QString::fromLatin1(name), {});
        p.ownerId = dana;
        QVERIFY(m_repository->add(&p, &error));
        ids.append(p.id);
    }
    const qint64 ann = ids[0], bob = ids[1], carla = ids[2];

    // History: a finished and a running enrollment, touches in and out of them.
    const qint64 annOld = Test::insertEnrollment(db, ann, QStringLiteral("completed"), day(1, 1));
    const qint64 annNow = Test::insertEnrollment(db, ann, QStringLiteral("active"), day(2, 1));
    const qint64 bobNow = Test::insertEnrollment(db, bob, QStringLiteral("active"), day(2, 2));
    const qint64 carlaNow = Test::insertEnrollment(db, carla, QStringLiteral("paused"), day(2, 3));
    QVERIFY(annOld && annNow && bobNow && carlaNow);
    QVERIFY(Test::insertTouch(db, ann, annOld, 1, day(1, 1), QStringLiteral("first")));
    QVERIFY(Test::insertTouch(db, ann, annNow, 1, day(2, 1)));
    QVERIFY(Test::insertTouch(db, ann, annNow, 2, day(2, 4)));
    QVERIFY(Test::insertTouch(db, ann, 0, 3, day(2, 5), QStringLiteral("called back")));
    QVERIFY(Test::insertTouch(db, bob, bobNow, 1, day(2, 2)));
    QVERIFY(Test::insertTouch(db, carla, carlaNow, 1, day(2, 3)));

    const QStringList tables {QStringLiteral("prospects"), QStringLiteral("enrollments"),
        QStringLiteral("touches"), QStringLiteral("users"), QStringLiteral("cadences"),
        QStringLiteral("cadence_steps")};
    QHash<QString, QList<QVariantList>> before;
    for (const QString &table : tables)
        before.insert(table, Test::tableRows(db, table));
    QCOMPARE(before.value(QStringLiteral("touches")).size(), 6);

    QSignalSpy changed(&db, &Database::changed);
    DeletedProspects deleted;
    QVERIFY2(m_repository->remove({bob, 4242, ann}, &deleted, &error), qPrintable(error.message));
    QCOMPARE(sorted(deleted.prospectIds), sorted({ann, bob}));
    QList<qint64> remaining;
    QVERIFY(m_repository->ids({}, &remaining, &error));
    QCOMPARE(remaining, QList<qint64> {carla});
    // Their history went with them; Carla's and everything else stayed.
    QCOMPARE(Test::tableRows(db, QStringLiteral("touches")).size(), 1);
    QCOMPARE(Test::tableRows(db, QStringLiteral("enrollments")).size(), 1);
    QCOMPARE(Test::tableRows(db, QStringLiteral("users")), before.value(QStringLiteral("users")));
    const Database::Tables written
        = Database::Table::Prospects | Database::Table::Touches | Database::Table::Enrollments;
    QCOMPARE(emittedTables(changed), QList<Database::Tables> {written});

    changed.clear();
    QVERIFY2(m_repository->restore(deleted, &error), qPrintable(error.message));
    for (const QString &table : tables)
        QVERIFY2(Test::tableRows(db, table) == before.value(table), qPrintable(table));
    QCOMPARE(emittedTables(changed), QList<Database::Tables> {written});
    QCOMPARE(m_repository->get(ann, &error)->ownerName, QStringLiteral("Dana"));
}

void TestProspectRepository::removeManyIds()
{
    constexpr int total = 5000;
    QList<Prospect> prospects;
    for (int i = 0; i < total; ++i)
        prospects.append(makeProspect(QStringLiteral("First%1").arg(i), QStringLiteral("Last")));
    const QList<qint64> ids = Test::insertProspects(m_file->db(), prospects);
    QCOMPARE(ids.size(), total);
    QVERIFY(Test::insertTouch(m_file->db(), ids.last(), 0, 1, day(3, 1)));
    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("prospects"));

    Error error;
    DeletedProspects deleted;
    QVERIFY2(m_repository->remove(ids, &deleted, &error), qPrintable(error.message));
    QCOMPARE(m_repository->count(&error), 0);
    QCOMPARE(deleted.prospectIds.size(), total);
    QVERIFY(Test::tableRows(m_file->db(), QStringLiteral("touches")).isEmpty());

    QVERIFY2(m_repository->restore(deleted, &error), qPrintable(error.message));
    QCOMPARE(m_repository->count(&error), total);
    QVERIFY(Test::tableRows(m_file->db(), QStringLiteral("prospects")) == before);
    QCOMPARE(Test::tableRows(m_file->db(), QStringLiteral("touches")).size(), 1);
}

void TestProspectRepository::idsAreNeverReused()
{
    // Undo restores rows with their old ids, so a new prospect must never take one.
    Prospect ann = makeProspect(QStringLiteral("Ann"), {});
    Error error;
    QVERIFY(m_repository->add(&ann, &error));
    QVERIFY(m_repository->remove({ann.id}, nullptr, &error));
    Prospect bob = makeProspect(QStringLiteral("Bob"), {});
    QVERIFY(m_repository->add(&bob, &error));
    QVERIFY(bob.id > ann.id);
}

void TestProspectRepository::usersEnsureAndFind()
{
    UserRepository users(m_file->db());
    QSignalSpy changed(&m_file->db(), &Database::changed);
    Error error;

    QCOMPARE(users.find(QStringLiteral("Ann"), &error), 0);
    const qint64 ann = users.ensure(QStringLiteral("Ann"), &error);
    QVERIFY2(ann, qPrintable(error.message));
    QCOMPARE(emittedTables(changed), QList<Database::Tables> {Database::Table::Users});

    // The same name in any case, with any surrounding spaces, is the same user.
    changed.clear();
    QCOMPARE(users.ensure(QStringLiteral("ann"), &error), ann);
    QCOMPARE(users.ensure(QStringLiteral("  ANN "), &error), ann);
    QCOMPARE(changed.count(), 0); // nothing was written
    QCOMPARE(users.find(QStringLiteral("aNn"), &error), ann);
    QCOMPARE(users.find(QStringLiteral(" Ann "), &error), ann);
    QCOMPARE(users.find(QStringLiteral("Anne"), &error), 0);

    const qint64 bob = users.ensure(QStringLiteral("bob"), &error);
    QVERIFY(bob && bob != ann);
    QCOMPARE(changed.count(), 1);

    QList<User> list;
    QVERIFY(users.list(&list, &error));
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, ann);
    QCOMPARE(list.at(0).name, QStringLiteral("Ann")); // as first written
    QCOMPARE(list.at(1).id, bob);
}

void TestProspectRepository::usersNeedAName_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("tab and line break") << QStringLiteral("\t\n");
}

void TestProspectRepository::usersNeedAName()
{
    QFETCH(QString, name);

    UserRepository users(m_file->db());
    QSignalSpy changed(&m_file->db(), &Database::changed);
    Error error;
    QCOMPARE(users.ensure(name, &error), 0);
    QCOMPARE(error.kind, Error::Kind::Invalid);
    QVERIFY(!error.message.isEmpty());
    QList<User> list;
    QVERIFY(users.list(&list, &error));
    QVERIFY(list.isEmpty());
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(TestProspectRepository)
#include "tst_prospectrepository.moc"
