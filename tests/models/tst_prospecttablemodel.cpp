// The prospect table: itemmodels/ProspectTableModel.h, checked against the Qt
// model contract by QAbstractItemModelTester in every test, with a teammate
// writing to the same file on a second connection.

#include "TestData.h"
#include "TestDatabase.h"
#include "commands/ProspectEditor.h"
#include "itemmodels/ProspectTableModel.h"
#include "storage/Database.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace Touchline;
using Touchline::Test::makeProspect;
using Touchline::Test::TestDatabase;

namespace {

constexpr int columnTotal = int(ProspectField::TouchCount) + 1;
const char *const columnTitles[] = {"First name", "Last name", "Company", "Title", "Email", "Phone",
    "LinkedIn", "Owner", "Status", "Created", "Last touch", "Next due", "Touches"};
static_assert(std::size(columnTitles) == columnTotal);

QDateTime day(int month, int dayOfMonth, int hour = 12)
{
    return QDateTime(QDate(2024, month, dayOfMonth), QTime(hour, 0), QTimeZone::utc());
}

// The structural signals of a model, to tell an incremental update from a reset.
struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , layoutChanged(model, &QAbstractItemModel::layoutChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , dataChanged(model, &QAbstractItemModel::dataChanged)
    {
    }
    void clear()
    {
        for (QSignalSpy *spy : {&inserted, &removed, &layoutChanged, &reset, &dataChanged})
            spy->clear();
    }
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy layoutChanged;
    QSignalSpy reset;
    QSignalSpy dataChanged;
};

} // namespace

class TestProspectTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowCountMatchesProspects();
    void data_data();
    void data();
    void idAndStatusKeyRoles();
    void headers_data();
    void headers();
    void flags();
    void flagsWhenReadOnlyOrWithoutEditor();

    void setDataWritesThroughEditor_data();
    void setDataWritesThroughEditor();
    void setDataUnchangedValuePushesNothing();
    void setDataRefusesInvalidValues_data();
    void setDataRefusesInvalidValues();
    void setDataAfterTeammateEdit_data();
    void setDataAfterTeammateEdit();
    void setDataOnReadOnlyFileFails();

    void sortByEachColumn_data();
    void sortByEachColumn();
    void searchAndStatusFilter();
    void pagingFetchesOnlyNeededPages();

    void insertsAboveKeepSelection();
    void deletesOfOthersKeepSelection();
    void deleteOfSelectedRowClearsSelection();
    void editsOfOthersChangeDataOnly();
    void resortKeepsSelection();
    void editThatMovesRowKeepsSelection();
    void mixedChangesKeepSelection();
    void changesShiftRowsAcrossPages();
    void largeChangeResets();
    void touchRefreshesOnlyItsRow();
    void touchMovesRowWhenSortedByTouches();

private:
    void createModel(Database &db, ProspectEditor *editor);
    // Replaces the model by one over a read-only connection, with its own editor.
    bool createReadOnlyModel();
    // Ten prospects sorted by last name; returns Mia Moore's id.
    qint64 addTenAndSelectMia();
    // The first difference between the model and the file, or an empty string.
    QString mismatchWithFile();
    QList<qint64> modelIds() const;
    void logEmail(qint64 prospectId);

    std::unique_ptr<TestDatabase> m_file;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<ProspectEditor> m_editor;
    std::unique_ptr<ProspectTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QItemSelectionModel> m_selection;
    std::unique_ptr<Database> m_teammateDb;
    std::unique_ptr<ProspectRepository> m_teammate;
    // For a model over a read-only connection.
    std::unique_ptr<Database> m_readOnlyDb;
    std::unique_ptr<QUndoStack> m_readOnlyStack;
    std::unique_ptr<ProspectEditor> m_readOnlyEditor;
};

void TestProspectTableModel::init()
{
    m_file = std::make_unique<TestDatabase>();
    QVERIFY2(m_file->isValid(), qPrintable(m_file->openError().message));
    m_stack = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<ProspectEditor>(m_file->db(), m_stack.get());
    createModel(m_file->db(), m_editor.get());
    m_teammateDb = m_file->openSecondConnection();
    QVERIFY(m_teammateDb);
    m_teammate = std::make_unique<ProspectRepository>(*m_teammateDb);
}

void TestProspectTableModel::createModel(Database &db, ProspectEditor *editor)
{
    m_selection.reset();
    m_tester.reset();
    m_model = std::make_unique<ProspectTableModel>(db, editor);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_selection = std::make_unique<QItemSelectionModel>(m_model.get());
}

bool TestProspectTableModel::createReadOnlyModel()
{
    m_readOnlyDb = m_file->openSecondConnection(Database::Access::ReadOnly);
    if (!m_readOnlyDb)
        return false;
    m_readOnlyStack = std::make_unique<QUndoStack>();
    m_readOnlyEditor = std::make_unique<ProspectEditor>(*m_readOnlyDb, m_readOnlyStack.get());
    createModel(*m_readOnlyDb, m_readOnlyEditor.get());
    return true;
}

void TestProspectTableModel::cleanup()
{
    m_teammate.reset();
    m_teammateDb.reset();
    m_selection.reset();
    m_tester.reset();
    m_model.reset();
    m_readOnlyEditor.reset();
    m_readOnlyStack.reset();
    m_readOnlyDb.reset();
    m_editor.reset();
    m_stack.reset();
    m_file.reset();
}

QList<qint64> TestProspectTableModel::modelIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->index(row, 0).data(ProspectTableModel::ProspectIdRole).toLongLong());
    return ids;
}

QString TestProspectTableModel::mismatchWithFile()
{
    ProspectRepository repository(m_file->db());
    QList<qint64> ids;
    Error error;
    if (!repository.ids(m_model->query(), &ids, &error))
        return error.message;
    if (modelIds() != ids)
        return QStringLiteral("the rows are not the file's prospects in the file's order");
    QList<Prospect> prospects;
    if (!repository.fetch(ids, &prospects, &error))
        return error.message;
    for (int row = 0; row < prospects.size(); ++row) {
        const Prospect &p = prospects.at(row);
        const QString first = m_model->index(row, int(ProspectField::FirstName)).data().toString();
        const QString company = m_model->index(row, int(ProspectField::Company)).data().toString();
        if (first != p.firstName || company != p.company)
            return QStringLiteral("row %1 shows \"%2\", \"%3\" instead of \"%4\", \"%5\"")
                .arg(row)
                .arg(first, company, p.firstName, p.company);
    }
    return {};
}

qint64 TestProspectTableModel::addTenAndSelectMia()
{
    QList<Prospect> prospects;
    for (const char *name : {"Ann Carter", "Ben Dixon", "Cleo Evans", "Dev Foster", "Mia Moore",
             "Noor Nash", "Omar Ortiz", "Pia Price", "Raj Reyes", "Sue Stone"}) {
        const QStringList parts = QString::fromLatin1(name).split(QLatin1Char(' '));
        prospects.append(
            makeProspect(parts[0], parts[1], QStringLiteral("Company of ") + parts[0]));
    }
    const QList<qint64> ids = Test::insertProspects(m_file->db(), prospects);
    if (ids.size() != prospects.size())
        return 0;
    m_model->sort(int(ProspectField::LastName), Qt::AscendingOrder);
    const qint64 mia = ids.at(4);
    const int row = m_model->rowOf(mia);
    if (row != 4)
        return 0;
    m_selection->setCurrentIndex(m_model->index(row, int(ProspectField::Company)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return mia;
}

void TestProspectTableModel::rowCountMatchesProspects()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), columnTotal);

    QList<Prospect> prospects;
    for (int i = 0; i < 5; ++i)
        prospects.append(makeProspect(QStringLiteral("P%1").arg(i), QStringLiteral("Smith")));
    QCOMPARE(Test::insertProspects(m_file->db(), prospects).size(), 5);
    QCOMPARE(m_model->rowCount(), 0); // written behind its back: seen on refresh
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 5);

    // A write on the model's own connection refreshes it at once.
    Prospect ann = makeProspect(QStringLiteral("Ann"), {});
    QVERIFY(m_editor->repository().add(&ann, nullptr));
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
    QCOMPARE(m_model->columnCount(m_model->index(0, 0)), 0);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::data_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("expected");

    auto add = [](const char *name, int row, ProspectField field, int role, const QVariant &value) {
        QTest::newRow(name) << row << int(field) << role << value;
    };
    using F = ProspectField;
    const int display = Qt::DisplayRole;
    const int edit = Qt::EditRole;
    add("first name", 0, F::FirstName, display, QStringLiteral("Ann"));
    add("first name, edit", 0, F::FirstName, edit, QStringLiteral("Ann"));
    add("last name", 0, F::LastName, display, QStringLiteral("Smith"));
    add("company", 0, F::Company, display, QStringLiteral("Acme"));
    add("title", 0, F::Title, display, QStringLiteral("CTO"));
    add("email", 0, F::Email, display, QStringLiteral("ann@acme.com"));
    add("email, edit", 0, F::Email, edit, QStringLiteral("ann@acme.com"));
    add("phone", 0, F::Phone, display, QStringLiteral("+1 555 0100"));
    add("LinkedIn", 0, F::LinkedInUrl, display, QStringLiteral("https://www.linkedin.com/in/ann"));
    add("owner", 0, F::Owner, display, QStringLiteral("Dana"));
    add("status", 0, F::Status, display, QStringLiteral("In cadence"));
    add("status, edit: the key", 0, F::Status, edit, QStringLiteral("in_cadence"));
    add("created", 0, F::CreatedAt, display, day(1, 2));
    add("last touch", 0, F::LastTouchAt, display, day(2, 1, 9));
    add("next due", 0, F::NextDueAt, display, day(2, 8, 8));
    add("touch count", 0, F::TouchCount, display, 3);
    add("touch count, aligned right", 0, F::TouchCount, Qt::TextAlignmentRole,
        int(Qt::AlignRight | Qt::AlignVCenter));
    add("first name, default alignment", 0, F::FirstName, Qt::TextAlignmentRole, QVariant());
    add("email tooltip", 0, F::Email, Qt::ToolTipRole, QStringLiteral("ann@acme.com"));
    add("LinkedIn tooltip", 0, F::LinkedInUrl, Qt::ToolTipRole,
        QStringLiteral("https://www.linkedin.com/in/ann"));
    add("company, no tooltip", 0, F::Company, Qt::ToolTipRole, QVariant());
    add("no decoration", 0, F::FirstName, Qt::DecorationRole, QVariant());
    add("no owner", 1, F::Owner, display, QString());
    add("no last touch", 1, F::LastTouchAt, display, QVariant());
    add("no next due", 1, F::NextDueAt, display, QVariant());
    add("no touches", 1, F::TouchCount, display, 0);
    add("new", 1, F::Status, display, QStringLiteral("New"));
}

void TestProspectTableModel::data()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, expected);

    const qint64 dana = UserRepository(m_file->db()).ensure(QStringLiteral("Dana"), nullptr);
    QVERIFY(dana);
    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"),
        QStringLiteral("Acme"), QStringLiteral("ann@acme.com"));
    ann.title = QStringLiteral("CTO");
    ann.phone = QStringLiteral("+1 555 0100");
    ann.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/ann");
    ann.ownerId = dana;
    ann.status = ProspectStatus::InCadence;
    ann.createdAt = day(1, 2);
    ann.lastTouchAt = day(2, 1, 9);
    ann.nextDueAt = day(2, 8, 8);
    ann.touchCount = 3;
    Prospect bob = makeProspect(QStringLiteral("Bob"), QStringLiteral("Stone"));
    bob.createdAt = day(1, 1); // newest first: Bob is row 1
    QCOMPARE(Test::insertProspects(m_file->db(), {ann, bob}).size(), 2);
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 2);

    QVariant actual = m_model->index(row, column).data(role);
    if (role == Qt::TextAlignmentRole && actual.isValid())
        actual = actual.toInt();
    if (expected.typeId() == QMetaType::QDateTime) {
        QCOMPARE(actual.typeId(), QMetaType::QDateTime);
        QCOMPARE(actual.toDateTime(), expected.toDateTime());
        QCOMPARE(actual.toDateTime().timeSpec(), Qt::LocalTime); // shown in the user's zone
        return;
    }
    QCOMPARE(actual, expected);
}

void TestProspectTableModel::idAndStatusKeyRoles()
{
    Prospect ann = makeProspect(QStringLiteral("Ann"), {});
    ann.status = ProspectStatus::DoNotContact;
    const QList<qint64> ids = Test::insertProspects(m_file->db(), {ann});
    QCOMPARE(ids.size(), 1);
    m_model->refresh();
    for (int column = 0; column < columnTotal; ++column) {
        const QModelIndex index = m_model->index(0, column);
        QCOMPARE(index.data(ProspectTableModel::ProspectIdRole).toLongLong(), ids.first());
        QCOMPARE(index.data(ProspectTableModel::StatusKeyRole).toString(),
            QStringLiteral("do_not_contact"));
    }
    QCOMPARE(m_model->idAt(0), ids.first());
    QCOMPARE(m_model->idAt(1), 0);
    QCOMPARE(m_model->idAt(-1), 0);
    QCOMPARE(m_model->rowOf(ids.first()), 0);
    QCOMPARE(m_model->rowOf(4242), -1);
    QCOMPARE(m_model->prospectAt(0)->id, ids.first());
    QVERIFY(!m_model->prospectAt(1));
}

void TestProspectTableModel::headers_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("title");

    for (int section = 0; section < columnTotal; ++section)
        QTest::newRow(columnTitles[section])
            << section << QString::fromLatin1(columnTitles[section]);
}

void TestProspectTableModel::headers()
{
    QFETCH(int, section);
    QFETCH(QString, title);

    QCOMPARE(m_model->headerData(section, Qt::Horizontal).toString(), title);
    QCOMPARE(m_model->headerData(section, Qt::Horizontal, Qt::EditRole), QVariant());
}

void TestProspectTableModel::flags()
{
    QCOMPARE(
        Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})}).size(), 1);
    m_model->refresh();
    const QSet<int> editable {int(ProspectField::FirstName), int(ProspectField::LastName),
        int(ProspectField::Company), int(ProspectField::Title), int(ProspectField::Email),
        int(ProspectField::Phone), int(ProspectField::LinkedInUrl), int(ProspectField::Status)};
    for (int column = 0; column < columnTotal; ++column) {
        const Qt::ItemFlags flags = m_model->flags(m_model->index(0, column));
        QVERIFY(flags.testFlag(Qt::ItemIsSelectable));
        QVERIFY(flags.testFlag(Qt::ItemIsEnabled));
        QVERIFY2(flags.testFlag(Qt::ItemIsEditable) == editable.contains(column),
            qPrintable(m_model->headerData(column, Qt::Horizontal).toString()));
    }
}

void TestProspectTableModel::flagsWhenReadOnlyOrWithoutEditor()
{
    QCOMPARE(
        Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})}).size(), 1);
    auto checkNothingEditable = [this] {
        QCOMPARE(m_model->rowCount(), 1);
        for (int column = 0; column < columnTotal; ++column) {
            const Qt::ItemFlags flags = m_model->flags(m_model->index(0, column));
            QVERIFY(flags.testFlag(Qt::ItemIsEnabled));
            QVERIFY(!flags.testFlag(Qt::ItemIsEditable));
        }
    };

    QVERIFY(createReadOnlyModel());
    checkNothingEditable();

    createModel(m_file->db(), nullptr);
    checkNothingEditable();
    QVERIFY(!m_model->setData(m_model->index(0, 0), QStringLiteral("Anna")));
}

void TestProspectTableModel::setDataWritesThroughEditor_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("stored"); // as EditRole reads it back

    auto add
        = [](const char *name, ProspectField field, const QString &value, const QString &stored) {
              QTest::newRow(name) << int(field) << QVariant(value) << QVariant(stored);
          };
    using F = ProspectField;
    add("first name, trimmed", F::FirstName, QStringLiteral("  Anna "), QStringLiteral("Anna"));
    add("last name", F::LastName, QStringLiteral("Smythe"), QStringLiteral("Smythe"));
    add("company", F::Company, QStringLiteral("Globex"), QStringLiteral("Globex"));
    add("company cleared", F::Company, QString(), QString());
    add("title", F::Title, QStringLiteral("CEO"), QStringLiteral("CEO"));
    add("email", F::Email, QStringLiteral("ann@globex.com"), QStringLiteral("ann@globex.com"));
    add("email cleared", F::Email, QString(), QString());
    add("phone", F::Phone, QStringLiteral("(555) 123-4567"), QStringLiteral("(555) 123-4567"));
    add("LinkedIn", F::LinkedInUrl, QStringLiteral("https://linkedin.com/in/anna"),
        QStringLiteral("https://linkedin.com/in/anna"));
    add("status key", F::Status, QStringLiteral("meeting_booked"),
        QStringLiteral("meeting_booked"));
}

void TestProspectTableModel::setDataWritesThroughEditor()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(QVariant, stored);

    Prospect ann = makeProspect(QStringLiteral("Ann"), QStringLiteral("Smith"),
        QStringLiteral("Acme"), QStringLiteral("ann@acme.com"));
    ann.title = QStringLiteral("CTO");
    ann.phone = QStringLiteral("+1 555 0100");
    const QList<qint64> ids = Test::insertProspects(m_file->db(), {ann});
    QCOMPARE(ids.size(), 1);
    m_model->refresh();
    const QModelIndex index = m_model->index(0, column);
    const QVariant original = index.data(Qt::EditRole);
    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("prospects"));
    QSignalSpy errors(m_model.get(), &ProspectTableModel::errorOccurred);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_model->setData(index, value));
    QCOMPARE(errors.count(), 0);
    QVERIFY(changed.count() > 0);
    QCOMPARE(m_model->index(0, column).data(Qt::EditRole).toString(), stored.toString());
    QCOMPARE(m_stack->count(), 1);
    // Written to the file, where a teammate's table shows it.
    QVERIFY(Test::tableRows(*m_teammateDb, QStringLiteral("prospects")) != before);
    ProspectTableModel theirModel(*m_teammateDb, nullptr);
    QCOMPARE(theirModel.index(0, column).data(Qt::EditRole).toString(), stored.toString());

    m_stack->undo();
    QCOMPARE(m_model->index(0, column).data(Qt::EditRole), original);
    m_stack->redo();
    QCOMPARE(m_model->index(0, column).data(Qt::EditRole).toString(), stored.toString());
}

void TestProspectTableModel::setDataUnchangedValuePushesNothing()
{
    QCOMPARE(
        Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})}).size(), 1);
    m_model->refresh();
    QVERIFY(m_model->setData(
        m_model->index(0, int(ProspectField::FirstName)), QStringLiteral(" Ann ")));
    QCOMPARE(m_stack->count(), 0);
}

void TestProspectTableModel::setDataRefusesInvalidValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("reported"); // errorOccurred() says why

    auto add = [](const char *name, ProspectField field, const QVariant &value, bool reported,
                   int role = Qt::EditRole) {
        QTest::newRow(name) << int(field) << role << value << reported;
    };
    using F = ProspectField;
    add("email without domain", F::Email, QStringLiteral("ann@"), true);
    add("email with a space", F::Email, QStringLiteral("ann smith@acme.com"), true);
    add("phone with letters", F::Phone, QStringLiteral("call me"), true);
    add("javascript URL", F::LinkedInUrl, QStringLiteral("javascript:alert(1)"), true);
    add("ftp URL", F::LinkedInUrl, QStringLiteral("ftp://linkedin.com/in/ann"), true);
    add("unknown status", F::Status, QStringLiteral("nonsense"), true);
    add("status display name", F::Status, QStringLiteral("Won"), true);
    add("201-character name", F::FirstName, QString(201, QLatin1Char('a')), true);
    add("clearing the only name", F::FirstName, QString(), true);
    add("owner is not editable", F::Owner, QStringLiteral("Dana"), false);
    add("created is not editable", F::CreatedAt, QDateTime::currentDateTimeUtc(), false);
    add("touch count is not editable", F::TouchCount, 5, false);
    add("display role", F::FirstName, QStringLiteral("Anna"), false, Qt::DisplayRole);
}

void TestProspectTableModel::setDataRefusesInvalidValues()
{
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, value);
    QFETCH(bool, reported);

    QCOMPARE(
        Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})}).size(), 1);
    m_model->refresh();
    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("prospects"));
    const QVariant shown = m_model->index(0, column).data(Qt::EditRole);
    QSignalSpy errors(m_model.get(), &ProspectTableModel::errorOccurred);

    QVERIFY(!m_model->setData(m_model->index(0, column), value, role));
    QCOMPARE(errors.count(), reported ? 1 : 0);
    if (reported)
        QVERIFY(!errors.at(0).at(0).toString().isEmpty());
    QVERIFY(Test::tableRows(m_file->db(), QStringLiteral("prospects")) == before);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(m_model->index(0, column).data(Qt::EditRole), shown);
}

void TestProspectTableModel::setDataAfterTeammateEdit_data()
{
    QTest::addColumn<ProspectField>("theirField");
    QTest::addColumn<bool>("conflict");
    QTest::newRow("they changed the cell's field") << ProspectField::Title << true;
    QTest::newRow("they changed another field") << ProspectField::Company << false;
}

// The table's rows are read before the teammate's save: an edit of the same
// field is a conflict the model hands on, another field merges.
void TestProspectTableModel::setDataAfterTeammateEdit()
{
    QFETCH(ProspectField, theirField);
    QFETCH(bool, conflict);

    const QList<qint64> ids
        = Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})});
    QCOMPARE(ids.size(), 1);
    m_model->refresh();
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Ann")); // read now
    const Prospect base = *m_model->prospectAt(0);

    Error error;
    Prospect theirs = *m_teammate->get(ids.first(), &error);
    theirs.*prospectTextMember(theirField) = QStringLiteral("Globex CEO");
    QVERIFY(m_teammate->update(&theirs, &error));

    QSignalSpy errors(m_model.get(), &ProspectTableModel::errorOccurred);
    QSignalSpy conflicts(m_model.get(), &ProspectTableModel::editConflicted);
    QSignalSpy failed(m_editor.get(), &ProspectEditor::failed);
    const bool saved
        = m_model->setData(m_model->index(0, int(ProspectField::Title)), QStringLiteral("CTO"));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(errors.count(), 0);
    const Prospect stored = *m_teammate->get(ids.first(), &error);
    if (!conflict) {
        QVERIFY(saved);
        QCOMPARE(conflicts.count(), 0);
        QCOMPARE(m_stack->count(), 1);
        QCOMPARE(stored.company, QStringLiteral("Globex CEO"));
        QCOMPARE(stored.title, QStringLiteral("CTO"));
        return;
    }
    QVERIFY(!saved);
    QCOMPARE(conflicts.count(), 1);
    QCOMPARE(conflicts.at(0).at(0).value<Prospect>(), base);
    QCOMPARE(conflicts.at(0).at(1).value<Prospect>().title, QStringLiteral("CTO"));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(stored, theirs);
}

void TestProspectTableModel::setDataOnReadOnlyFileFails()
{
    QCOMPARE(
        Test::insertProspects(m_file->db(), {makeProspect(QStringLiteral("Ann"), {})}).size(), 1);
    QVERIFY(createReadOnlyModel());
    const QList<QVariantList> before = Test::tableRows(m_file->db(), QStringLiteral("prospects"));
    QSignalSpy errors(m_model.get(), &ProspectTableModel::errorOccurred);

    QVERIFY(!m_model->setData(m_model->index(0, 0), QStringLiteral("Anna")));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QLatin1String("read-only")));
    QCOMPARE(m_readOnlyStack->count(), 0);
    QVERIFY(Test::tableRows(m_file->db(), QStringLiteral("prospects")) == before);
}

void TestProspectTableModel::sortByEachColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");

    for (int column = 0; column < columnTotal; ++column) {
        QTest::addRow("%s, ascending", columnTitles[column]) << column << Qt::AscendingOrder;
        QTest::addRow("%s, descending", columnTitles[column]) << column << Qt::DescendingOrder;
    }
}

void TestProspectTableModel::sortByEachColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);

    UserRepository users(m_file->db());
    const qint64 ann = users.ensure(QStringLiteral("Ann"), nullptr);
    const qint64 zoe = users.ensure(QStringLiteral("Zoe"), nullptr);
    QList<Prospect> prospects;
    for (int i = 0; i < 12; ++i) {
        // Values that sort differently in every column.
        const int a = (i * 5) % 12, b = (i * 7) % 12, c = (i * 11) % 12;
        Prospect p = makeProspect(QStringLiteral("First%1").arg(a, 2, 10, QLatin1Char('0')),
            QStringLiteral("Last%1").arg(b, 2, 10, QLatin1Char('0')),
            QStringLiteral("Company%1").arg(c, 2, 10, QLatin1Char('0')),
            QStringLiteral("p%1@example.com").arg(b, 2, 10, QLatin1Char('0')));
        p.title = QStringLiteral("Title%1").arg(c % 4);
        p.phone = QStringLiteral("555 01%1").arg(a, 2, 10, QLatin1Char('0'));
        p.linkedInUrl
            = QStringLiteral("https://linkedin.com/in/p%1").arg(c, 2, 10, QLatin1Char('0'));
        p.ownerId = i % 3 == 0 ? 0 : (i % 3 == 1 ? zoe : ann);
        p.status = allStatuses().at(b % allStatuses().size());
        p.createdAt = day(1, 1 + c);
        p.lastTouchAt = i % 4 == 0 ? QDateTime() : day(2, 1 + a);
        p.nextDueAt = i % 5 == 0 ? QDateTime() : day(3, 1 + b);
        p.touchCount = a % 6;
        prospects.append(p);
    }
    QCOMPARE(Test::insertProspects(m_file->db(), prospects).size(), prospects.size());
    m_model->refresh();
    const QModelIndex someRow = m_model->index(3, 0);
    const QPersistentModelIndex followed(someRow);
    const qint64 followedId = someRow.data(ProspectTableModel::ProspectIdRole).toLongLong();
    ModelSignals spies(m_model.get());

    m_model->sort(column, order);
    QCOMPARE(int(m_model->query().sortField), column);
    QCOMPARE(m_model->query().sortOrder, order);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    // The same rows in another order: a layout change, never a reset.
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QVERIFY(followed.isValid());
    QCOMPARE(followed.data(ProspectTableModel::ProspectIdRole).toLongLong(), followedId);

    // Sorting the other way round reverses the rows exactly.
    const QList<qint64> sorted = modelIds();
    m_model->sort(column, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    QList<qint64> reversed = modelIds();
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(reversed, sorted);
}

void TestProspectTableModel::searchAndStatusFilter()
{
    QList<Prospect> prospects;
    const std::tuple<const char *, const char *, ProspectStatus> rows[] = {
        {"Ann", "Smith", ProspectStatus::Replied},
        {"Bob", "Smithers", ProspectStatus::New},
        {"Carla", "Adams", ProspectStatus::Replied},
        {"Dan", "Smith", ProspectStatus::Won},
        {"Eve", "Black", ProspectStatus::New},
    };
    for (const auto &[first, last, status] : rows) {
        Prospect p = makeProspect(QString::fromLatin1(first), QString::fromLatin1(last));
        p.status = status;
        prospects.append(p);
    }
    QCOMPARE(Test::insertProspects(m_file->db(), prospects).size(), prospects.size());
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 5);

    auto names = [this] {
        QStringList result;
        for (int row = 0; row < m_model->rowCount(); ++row)
            result.append(m_model->index(row, 0).data().toString());
        result.sort();
        return result;
    };
    m_model->setSearch(QStringLiteral("smith"));
    QCOMPARE(m_model->query().search, QStringLiteral("smith"));
    QCOMPARE(names(),
        (QStringList {QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Dan")}));
    m_model->setStatusFilter(ProspectStatus::Replied);
    QCOMPARE(names(), QStringList {QStringLiteral("Ann")});
    m_model->setSearch(QString());
    QCOMPARE(names(), (QStringList {QStringLiteral("Ann"), QStringLiteral("Carla")}));
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    m_model->setStatusFilter(std::nullopt);
    QCOMPARE(m_model->rowCount(), 5);
    m_model->setSearch(QStringLiteral("nobody"));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestProspectTableModel::pagingFetchesOnlyNeededPages()
{
    constexpr int pageSize = ProspectTableModel::pageSize;
    constexpr int total = 3 * pageSize + 50;
    QList<Prospect> prospects;
    for (int i = 0; i < total; ++i)
        prospects.append(makeProspect(QStringLiteral("Original"), QStringLiteral("P%1").arg(i)));
    const QList<qint64> ids = Test::insertProspects(m_file->db(), prospects);
    QCOMPARE(ids.size(), total);
    m_model->sort(int(ProspectField::LastName), Qt::AscendingOrder);
    QCOMPARE(m_model->rowCount(), total);

    const int last = total - 1;
    const qint64 lastId = m_model->idAt(last);
    Error error;
    QCOMPARE(m_model->index(last, int(ProspectField::LastName)).data().toString(),
        m_editor->repository().get(lastId, &error)->lastName);

    // Which pages were read: a teammate renames everyone behind the model's back
    // (no refresh), so a page read before shows the old name, and one read after
    // the new. Only the last page (and the first, which the tester reads) may be old.
    QVERIFY(Test::execSql(
        *m_teammateDb, QStringLiteral("UPDATE prospects SET first_name = 'Renamed'")));
    auto firstName = [this](int row) { return m_model->index(row, 0).data().toString(); };
    QCOMPARE(firstName(last), QStringLiteral("Original"));
    QCOMPARE(firstName(3 * pageSize), QStringLiteral("Original"));
    QCOMPARE(firstName(pageSize), QStringLiteral("Renamed"));
    QCOMPARE(firstName(2 * pageSize - 1), QStringLiteral("Renamed"));
    QCOMPARE(firstName(2 * pageSize), QStringLiteral("Renamed"));
    QCOMPARE(firstName(3 * pageSize - 1), QStringLiteral("Renamed"));

    m_model->refresh();
    QCOMPARE(firstName(last), QStringLiteral("Renamed"));
    QCOMPARE(firstName(0), QStringLiteral("Renamed"));
}

void TestProspectTableModel::insertsAboveKeepSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, int(ProspectField::Email)));
    ModelSignals spies(m_model.get());

    Error error;
    for (const char *name : {"Abe Abbott", "Bea Baker", "Zed Zimmer"}) {
        const QStringList parts = QString::fromLatin1(name).split(QLatin1Char(' '));
        Prospect p = makeProspect(parts[0], parts[1], QStringLiteral("New ") + parts[0]);
        QVERIFY(m_teammate->add(&p, &error));
    }
    m_model->refresh();

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QVERIFY(spies.inserted.count() >= 1);
    QCOMPARE(m_model->rowCount(), 13);
    QCOMPARE(m_model->rowOf(mia), 6);
    QCOMPARE(persistent.row(), 6);
    QCOMPARE(persistent.column(), int(ProspectField::Email));
    QCOMPARE(persistent.data(ProspectTableModel::ProspectIdRole).toLongLong(), mia);
    QCOMPARE(m_selection->currentIndex().row(), 6);
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_selection->selectedRows().first().row(), 6);
    // The new rows show their own data.
    QCOMPARE(m_model->index(0, int(ProspectField::Company)).data().toString(),
        QStringLiteral("New Abe"));
    QCOMPARE(m_model->index(12, int(ProspectField::Company)).data().toString(),
        QStringLiteral("New Zed"));
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::deletesOfOthersKeepSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, 0));
    ModelSignals spies(m_model.get());

    Error error;
    QVERIFY(m_teammate->remove(
        {m_model->idAt(0), m_model->idAt(2), m_model->idAt(8)}, nullptr, &error));
    m_model->refresh();

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QVERIFY(spies.removed.count() >= 1);
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(persistent.row(), 2);
    QCOMPARE(persistent.data(ProspectTableModel::ProspectIdRole).toLongLong(), mia);
    QCOMPARE(m_selection->currentIndex().row(), 2);
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_selection->selectedRows().first().row(), 2);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::deleteOfSelectedRowClearsSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, 0));
    Error error;
    QVERIFY(m_teammate->remove({mia}, nullptr, &error));
    m_model->refresh();

    QCOMPARE(m_model->rowCount(), 9);
    QVERIFY(!persistent.isValid());
    QVERIFY(m_selection->selectedRows().isEmpty());
    QCOMPARE(m_model->rowOf(mia), -1);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::editsOfOthersChangeDataOnly()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    ModelSignals spies(m_model.get());
    Error error;
    Prospect ben = *m_teammate->get(m_model->idAt(1), &error);
    ben.company = QStringLiteral("Globex");
    QVERIFY(m_teammate->update(&ben, &error));
    m_model->refresh();

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.layoutChanged.count(), 0);
    QVERIFY(spies.dataChanged.count() >= 1);
    QCOMPARE(
        m_model->index(1, int(ProspectField::Company)).data().toString(), QStringLiteral("Globex"));
    QCOMPARE(m_selection->selectedRows().first().row(), 4);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::resortKeepsSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, 0));
    ModelSignals spies(m_model.get());
    m_model->sort(int(ProspectField::FirstName), Qt::DescendingOrder);

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.layoutChanged.count(), 1);
    const int row = m_model->rowOf(mia);
    QCOMPARE(row, 5); // Sue Raj Pia Omar Noor Mia ...
    QCOMPARE(persistent.row(), row);
    QCOMPARE(m_selection->currentIndex().row(), row);
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_selection->selectedRows().first().row(), row);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::editThatMovesRowKeepsSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, 0));
    ModelSignals spies(m_model.get());
    Error error;
    Prospect moved = *m_teammate->get(mia, &error);
    moved.lastName = QStringLiteral("Zulu");
    QVERIFY(m_teammate->update(&moved, &error));
    m_model->refresh();

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.layoutChanged.count(), 1);
    QCOMPARE(persistent.row(), 9);
    QCOMPARE(persistent.data().toString(), QStringLiteral("Mia"));
    QCOMPARE(
        m_model->index(9, int(ProspectField::LastName)).data().toString(), QStringLiteral("Zulu"));
    QCOMPARE(m_selection->selectedRows().first().row(), 9);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::mixedChangesKeepSelection()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const QPersistentModelIndex persistent(m_model->index(4, 0));
    ModelSignals spies(m_model.get());
    Error error;
    // One refresh sees inserts, deletes and a row moving past Mia.
    QVERIFY(m_teammate->remove({m_model->idAt(1), m_model->idAt(7)}, nullptr, &error));
    Prospect abe = makeProspect(QStringLiteral("Abe"), QStringLiteral("Abbott"));
    Prospect nia = makeProspect(QStringLiteral("Nia"), QStringLiteral("Moss")); // just below Mia
    QVERIFY(m_teammate->add(&abe, &error));
    QVERIFY(m_teammate->add(&nia, &error));
    Prospect ann = *m_teammate->get(m_model->idAt(0), &error);
    ann.lastName = QStringLiteral("Young");
    QVERIFY(m_teammate->update(&ann, &error));
    m_model->refresh();

    QCOMPARE(spies.reset.count(), 0);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    // Abbott, Evans, Foster, Moore, Moss, Nash, Ortiz, Reyes, Stone, Young.
    const int row = m_model->rowOf(mia);
    QCOMPARE(row, 3);
    QCOMPARE(persistent.row(), row);
    QCOMPARE(persistent.data(ProspectTableModel::ProspectIdRole).toLongLong(), mia);
    QCOMPARE(m_selection->currentIndex().row(), row);
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_selection->selectedRows().first().row(), row);
}

void TestProspectTableModel::changesShiftRowsAcrossPages()
{
    constexpr int total = 2 * ProspectTableModel::pageSize + 50;
    QList<Prospect> prospects;
    for (int i = 0; i < total; ++i)
        prospects.append(makeProspect(QStringLiteral("P%1").arg(i, 3, 10, QLatin1Char('0')), {},
            QStringLiteral("Company %1").arg(i)));
    QCOMPARE(Test::insertProspects(m_file->db(), prospects).size(), total);
    m_model->sort(int(ProspectField::FirstName), Qt::AscendingOrder);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    const QPersistentModelIndex last(m_model->index(total - 1, 0));
    const qint64 lastId = m_model->idAt(total - 1);
    ModelSignals spies(m_model.get());

    // Rows removed near the top of the first page shift every later row up,
    // across page boundaries; rows inserted there shift them down again.
    Error error;
    QVERIFY(m_teammate->remove(
        {m_model->idAt(3), m_model->idAt(4), m_model->idAt(10)}, nullptr, &error));
    m_model->refresh();
    QCOMPARE(spies.reset.count(), 0);
    QVERIFY(spies.removed.count() >= 1);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));

    QList<Prospect> early;
    for (const char *name : {"A1", "A2", "P005a", "P150a", "P199a", "P200a"})
        early.append(makeProspect(QString::fromLatin1(name), {}, QStringLiteral("Inserted")));
    QCOMPARE(Test::insertProspects(*m_teammateDb, early).size(), early.size());
    m_model->refresh();
    QCOMPARE(spies.reset.count(), 0);
    QVERIFY(spies.inserted.count() >= 1);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    QCOMPARE(m_model->rowCount(), total - 3 + 6);
    QCOMPARE(last.row(), m_model->rowCount() - 1);
    QCOMPARE(last.data(ProspectTableModel::ProspectIdRole).toLongLong(), lastId);

    // In one refresh: the first row goes, and a row from the last page moves to the top.
    Prospect moved = *m_teammate->get(m_model->idAt(2 * ProspectTableModel::pageSize + 10), &error);
    moved.firstName = QStringLiteral("A0");
    QVERIFY(m_teammate->update(&moved, &error));
    QVERIFY(m_teammate->remove({m_model->idAt(0)}, nullptr, &error));
    spies.clear();
    m_model->refresh();
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.layoutChanged.count(), 1);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("A0"));
}

void TestProspectTableModel::largeChangeResets()
{
    QList<Prospect> prospects;
    for (int i = 0; i < 300; ++i)
        prospects.append(makeProspect(QStringLiteral("P%1").arg(i), {},
            i % 3 == 0 ? QStringLiteral("Keep") : QStringLiteral("Drop")));
    QCOMPARE(Test::insertProspects(m_file->db(), prospects).size(), prospects.size());
    m_model->refresh();
    QCOMPARE(m_model->rowCount(), 300);
    ModelSignals spies(m_model.get());

    // 200 separate blocks of removed rows: one reset is cheaper for the views.
    m_model->setSearch(QStringLiteral("keep"));
    QCOMPARE(spies.reset.count(), 1);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 100);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));

    // A narrowing that removes a few blocks is incremental.
    spies.clear();
    m_model->setSearch(QStringLiteral("keep p1"));
    QCOMPARE(spies.reset.count(), 0);
    QVERIFY(spies.removed.count() >= 1);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::logEmail(qint64 prospectId)
{
    Touch touch;
    touch.prospectId = prospectId;
    touch.occurredAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    Error error;
    QVERIFY2(TouchRepository(m_file->db()).log(&touch, nullptr, &error), qPrintable(error.message));
}

void TestProspectTableModel::touchRefreshesOnlyItsRow()
{
    const qint64 mia = addTenAndSelectMia();
    QVERIFY(mia);
    const int row = m_model->rowOf(mia);
    ModelSignals spies(m_model.get());
    logEmail(mia);

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.layoutChanged.count(), 0);
    QCOMPARE(spies.dataChanged.count(), 1);
    const auto topLeft = spies.dataChanged.first().at(0).value<QModelIndex>();
    const auto bottomRight = spies.dataChanged.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), row);
    QCOMPARE(bottomRight.row(), row);
    QCOMPARE(m_model->index(row, int(ProspectField::TouchCount)).data(), QVariant(1));
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

void TestProspectTableModel::touchMovesRowWhenSortedByTouches()
{
    QVERIFY(addTenAndSelectMia());
    m_model->sort(int(ProspectField::TouchCount), Qt::DescendingOrder);
    const qint64 last = m_model->idAt(m_model->rowCount() - 1);
    ModelSignals spies(m_model.get());
    logEmail(last);

    QCOMPARE(m_model->idAt(0), last);
    QVERIFY(spies.layoutChanged.count() >= 1);
    QCOMPARE(spies.reset.count(), 0);
    QVERIFY2(mismatchWithFile().isEmpty(), qPrintable(mismatchWithFile()));
}

QTEST_GUILESS_MAIN(TestProspectTableModel)
#include "tst_prospecttablemodel.moc"
