#include "DuePage.h"
#include "LogTouchDialog.h"
#include "TestData.h"
#include "TestDatabase.h"
#include "Translations.h"
#include "domain/ContactLinks.h"
#include "itemmodels/DueListModel.h"
#include "storage/CadenceRepository.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"
#include "storage/UserRepository.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextEdit>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace Touchline;

namespace {

QDateTime localTime(int daysAgo, int hour)
{
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(hour, 0)).toUTC();
}

} // namespace

class TestDuePage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_file;
    QUndoStack m_undoStack;
    qint64 m_cadence = 0;
    int m_cadenceCount = 0;
    QStringList m_messages;

    Database &db() { return m_file->db(); }

    // One step per channel, each due at once, without send windows.
    qint64 addCadence(TouchChannel channel, const QString &subject, const QString &body)
    {
        Cadence cadence;
        cadence.name = QStringLiteral("Cadence %1").arg(++m_cadenceCount);
        CadenceStep first;
        first.channel = channel;
        first.purpose = QStringLiteral("Light touch");
        first.subject = subject;
        first.body = body;
        CadenceStep second;
        second.channel = TouchChannel::Phone;
        second.waitDays = 3;
        second.purpose = QStringLiteral("Call");
        cadence.steps = {first, second};
        Error error;
        if (!CadenceRepository(db()).add(&cadence, &error))
            qWarning("adding a cadence failed: %s", qPrintable(error.message));
        return cadence.id;
    }

    qint64 addProspect(const QString &firstName, qint64 ownerId = 0)
    {
        Prospect p;
        p.firstName = firstName;
        p.lastName = QStringLiteral("Tester");
        p.company = firstName + QStringLiteral(" Corp");
        p.email = firstName.toLower() + QStringLiteral("@example.com");
        p.phone = QStringLiteral("+49 30 1234567");
        p.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/") + firstName.toLower();
        p.ownerId = ownerId;
        Error error;
        if (!ProspectRepository(db()).add(&p, &error))
            qWarning("adding a prospect failed: %s", qPrintable(error.message));
        return p.id;
    }

    bool enrollAt(qint64 cadenceId, qint64 prospectId, const QDateTime &enrolledAt)
    {
        const qint64 ms = enrolledAt.toMSecsSinceEpoch();
        Error error;
        return Test::execSql(db(),
                   QStringLiteral(
                       "INSERT INTO enrollments (prospect_id, cadence_id, state, next_position, "
                       "enrolled_at, updated_at) VALUES (?, ?, 'active', 1, ?, ?)"),
                   {prospectId, cadenceId, ms, ms})
            && EnrollmentRepository::refreshProspects(db(), {prospectId}, &error);
    }

    bool enrollNow(qint64 cadenceId, qint64 prospectId)
    {
        EnrollResult result;
        Error error;
        return EnrollmentRepository(db()).enroll(cadenceId, {prospectId}, 0, &result, &error)
            && result.enrolled.size() == 1;
    }

    // Ada overdue since two days ago, Bob since yesterday, Cy due now.
    void addThree()
    {
        QVERIFY(enrollAt(m_cadence, addProspect(QStringLiteral("Ada")), localTime(2, 12)));
        QVERIFY(enrollAt(m_cadence, addProspect(QStringLiteral("Bob")), localTime(1, 12)));
        QVERIFY(enrollNow(m_cadence, addProspect(QStringLiteral("Cy"))));
    }

    std::unique_ptr<DuePage> makePage()
    {
        auto page = std::make_unique<DuePage>(db(), &m_undoStack);
        page->setUser(0, QStringLiteral("Maya"));
        page->setUrlOpener([](const QUrl &) { return true; });
        page->resize(1000, 600);
        return page;
    }

    static bool showAndFocus(DuePage &page)
    {
        page.show();
        if (!QTest::qWaitForWindowActive(&page))
            return false;
        page.view()->setFocus();
        return page.view()->hasFocus();
    }

    static QStringList names(const DuePage &page)
    {
        QStringList result;
        const QAbstractItemModel *model = page.view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            result.append(model->index(row, 0).data().toString());
        return result;
    }

    static QString currentName(const DuePage &page)
    {
        return page.view()->currentIndex().data().toString();
    }

    static QString name(const char *firstName)
    {
        return QString::fromLatin1(firstName) + QStringLiteral(" Tester");
    }

    static QAction *action(DuePage &page, const char *objectName)
    {
        auto *found = page.findChild<QAction *>(QString::fromLatin1(objectName));
        if (!found)
            qFatal("no action %s", objectName);
        return found;
    }

    template<typename T> static T *child(DuePage &page, const char *objectName)
    {
        auto *found = page.findChild<T *>(QString::fromLatin1(objectName));
        if (!found)
            qFatal("no child %s", objectName);
        return found;
    }

    // Runs `drive` on the next modal dialog; closes it afterwards, so that a
    // test fails instead of hanging.
    void onNextDialog(std::function<void(QDialog *)> drive)
    {
        QTimer::singleShot(0, this, [this, drive] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                m_messages.append(QStringLiteral("no dialog"));
                return;
            }
            if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
                m_messages.append(box->text());
                box->close();
                return;
            }
            drive(dialog);
            if (dialog->isVisible())
                dialog->reject();
        });
    }

    QList<ProspectEvent> events(qint64 prospectId)
    {
        QList<ProspectEvent> list;
        Error error;
        if (!TouchRepository(db()).listEvents(prospectId, &list, &error))
            qWarning("listing events failed: %s", qPrintable(error.message));
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TZ", "Europe/Berlin");
        installTranslations();
    }

    void init()
    {
        m_messages.clear();
        m_undoStack.clear();
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_file->isValid());
        m_cadence = addCadence(TouchChannel::Email, QStringLiteral("{{company}} and an idea"),
            QStringLiteral("Hi {{first_name}},\n\nOne idea for {{company}}.\n\n{{sender_name}}"));
        QVERIFY(m_cadence);
    }

    void cleanup()
    {
        QCOMPARE(m_messages, QStringList());
        m_undoStack.clear();
        m_file.reset();
    }

    void listsItemsInOrderWithCounts()
    {
        addThree();
        auto page = makePage();
        QSignalSpy counts(page.get(), &DuePage::countsChanged);
        QCOMPARE(names(*page), QStringList({name("Ada"), name("Bob"), name("Cy")}));
        QCOMPARE(currentName(*page), name("Ada"));
        // Sent from the event loop for whoever connected after construction.
        QTRY_COMPARE(counts.size(), 1);
        QCOMPARE(counts.first(), QVariantList({1, 2}));
        QCOMPARE(page->dueTodayCount(), 1);
        QCOMPARE(page->overdueCount(), 2);
        QCOMPARE(
            child<QLabel>(*page, "dueCounts")->text(), QStringLiteral("1 due today · 2 overdue"));
        QVERIFY(child<QLabel>(*page, "dueName")->text().contains(QStringLiteral("Ada Tester")));
        QVERIFY(
            child<QLabel>(*page, "dueWhen")->text().startsWith(QStringLiteral("Overdue since")));
        QCOMPARE(child<QLabel>(*page, "dueContact")->text(), QStringLiteral("ada@example.com"));

        QVERIFY(enrollNow(m_cadence, addProspect(QStringLiteral("Dee"))));
        QCOMPARE(counts.last(), QVariantList({2, 2}));
        QCOMPARE(names(*page).last(), name("Dee"));
        QCOMPARE(currentName(*page), name("Ada"));
    }

    void showsTheRenderedMessage()
    {
        addThree();
        auto page = makePage();
        QCOMPARE(child<QTextEdit>(*page, "dueSubject")->toPlainText(),
            QStringLiteral("Ada Corp and an idea"));
        QCOMPARE(child<QTextEdit>(*page, "dueBody")->toPlainText(),
            QStringLiteral("Hi Ada,\n\nOne idea for Ada Corp.\n\nMaya"));
        QVERIFY(!child<QLabel>(*page, "dueGaps")->isVisibleTo(page.get()));
    }

    // Unknown placeholders and known ones without a value stand out and are named.
    void marksGapsInTheMessage()
    {
        const qint64 cadence = addCadence(TouchChannel::LinkedIn, {},
            QStringLiteral("Hi {{frist_name}}, how is work as {{title}}?"));
        QVERIFY(enrollNow(cadence, addProspect(QStringLiteral("Ada"))));
        auto page = makePage();
        QTextEdit *body = child<QTextEdit>(*page, "dueBody");
        const QString text = body->toPlainText();
        QCOMPARE(text, QStringLiteral("Hi {{frist_name}}, how is work as [title]?"));
        QVERIFY(!child<QTextEdit>(*page, "dueSubject")->isVisibleTo(page.get()));
        const auto backgroundAt = [body](int position) {
            QTextCursor cursor(body->document());
            cursor.setPosition(position + 1);
            return cursor.charFormat().background().style() != Qt::NoBrush;
        };
        QVERIFY(backgroundAt(int(text.indexOf(QLatin1String("{{frist_name}}")))));
        QVERIFY(backgroundAt(int(text.indexOf(QLatin1String("[title]")))));
        QVERIFY(!backgroundAt(int(text.indexOf(QLatin1String("how")))));
        QLabel *gaps = child<QLabel>(*page, "dueGaps");
        QVERIFY(gaps->isVisibleTo(page.get()));
        QVERIFY2(
            gaps->text().contains(QLatin1String("No value for title")), qPrintable(gaps->text()));
        QVERIFY2(gaps->text().contains(QLatin1String("{{frist_name}}")), qPrintable(gaps->text()));
    }

    void copyPutsTheMessageOnTheClipboard()
    {
        addThree();
        auto page = makePage();
        QVERIFY(showAndFocus(*page));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(page->view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
            QStringLiteral("Hi Ada,\n\nOne idea for Ada Corp.\n\nMaya"));
        QVERIFY(child<QLabel>(*page, "dueNotice")->text().contains(QLatin1String("Ada Tester")));
    }

    void openUsesTheStepsChannel_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("button");
        QTest::addColumn<QUrl>("expected");
        const QString body = QStringLiteral("Hi Ada,\n\nOne idea for Ada Corp.\n\nMaya");
        QTest::newRow("email") << "email"
                               << "&Open in Email"
                               << ContactLinks::mailto(QStringLiteral("ada@example.com"),
                                      QStringLiteral("Ada Corp and an idea"), body);
        QTest::newRow("phone") << "phone"
                               << "C&all" << ContactLinks::tel(QStringLiteral("+49 30 1234567"));
        QTest::newRow("sms") << "sms"
                             << "&Open in SMS"
                             << ContactLinks::sms(QStringLiteral("+49 30 1234567"), body);
        QTest::newRow("linkedin") << "linkedin"
                                  << "&Open in LinkedIn"
                                  << ContactLinks::web(
                                         QStringLiteral("https://www.linkedin.com/in/ada"));
    }

    void openUsesTheStepsChannel()
    {
        QFETCH(QString, channel);
        QFETCH(QString, button);
        QFETCH(QUrl, expected);
        QVERIFY(expected.isValid());
        TouchChannel stepChannel;
        QVERIFY(channelFromKey(channel, &stepChannel));
        const qint64 cadence = addCadence(stepChannel, QStringLiteral("{{company}} and an idea"),
            QStringLiteral("Hi {{first_name}},\n\nOne idea for {{company}}.\n\n{{sender_name}}"));
        QVERIFY(enrollNow(cadence, addProspect(QStringLiteral("Ada"))));
        auto page = makePage();
        QList<QUrl> opened;
        page->setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        QVERIFY(showAndFocus(*page));
        QCOMPARE(action(*page, "openChannelAction")->text(), button);
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(page->view(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(opened, QList<QUrl>({expected}));
        // A profile cannot be filled in: the message waits on the clipboard.
        QCOMPARE(
            QGuiApplication::clipboard()->text().isEmpty(), channel != QLatin1String("linkedin"));
    }

    void openWithoutAnAddressExplains()
    {
        Prospect p;
        p.firstName = QStringLiteral("Ada");
        Error error;
        QVERIFY(ProspectRepository(db()).add(&p, &error));
        QVERIFY(enrollNow(m_cadence, p.id));
        auto page = makePage();
        int opened = 0;
        page->setUrlOpener([&opened](const QUrl &) {
            ++opened;
            return true;
        });
        QVERIFY(showAndFocus(*page));
        QVERIFY(!action(*page, "openChannelAction")->isEnabled());
        QVERIFY(
            child<QLabel>(*page, "dueContact")->text().contains(QLatin1String("No usable email")));
        QTest::keyClick(page->view(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(opened, 0);
    }

    // In the window, Ctrl+O opens files; on this page it opens the channel.
    void pageShortcutsWinOverTheWindows()
    {
        addThree();
        QMainWindow window;
        auto *openFile = new QAction(QStringLiteral("Open File"), &window);
        openFile->setShortcut(QKeySequence::Open);
        window.addAction(openFile);
        QSignalSpy fileOpened(openFile, &QAction::triggered);
        auto *page = new DuePage(db(), &m_undoStack);
        QList<QUrl> opened;
        page->setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        window.setCentralWidget(page);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(fileOpened.size(), 0);
    }

    void logOutcomeLogsTheStepAndMovesOn()
    {
        addThree();
        auto page = makePage();
        QVERIFY(showAndFocus(*page));
        const DueItem ada = *page->currentItem();
        QString channelShown;
        bool countsAsStep = false;
        onNextDialog([&](QDialog *dialog) {
            auto *form = qobject_cast<LogTouchDialog *>(dialog);
            QVERIFY(form);
            channelShown = channelKey(form->touch().channel);
            countsAsStep = form->findChild<QCheckBox *>()->isChecked();
            form->accept();
        });
        QTest::keyClick(page->view(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(channelShown, QStringLiteral("email"));
        QVERIFY(countsAsStep);

        QList<Touch> touches;
        Error error;
        QVERIFY(TouchRepository(db()).listForProspect(ada.prospectId, &touches, &error));
        QCOMPARE(touches.size(), 1);
        QCOMPARE(touches.first().enrollmentId, ada.enrollmentId);
        QCOMPARE(touches.first().stepId, ada.step.id);
        QCOMPARE(touches.first().direction, TouchDirection::Out);
        QCOMPARE(names(*page), QStringList({name("Bob"), name("Cy")}));
        QCOMPARE(currentName(*page), name("Bob"));
        // The list keeps the keyboard (the window is active again once the form closes).
        QCOMPARE(page->focusWidget(), page->view());

        // Logging is undoable like any touch.
        m_undoStack.undo();
        QCOMPARE(names(*page), QStringList({name("Ada"), name("Bob"), name("Cy")}));
    }

    void cancellingTheFormKeepsTheItem()
    {
        addThree();
        auto page = makePage();
        QVERIFY(showAndFocus(*page));
        page->view()->setCurrentIndex(page->view()->model()->index(1, 0));
        onNextDialog([](QDialog *dialog) { dialog->reject(); });
        QTest::keyClick(page->view(), Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(names(*page).size(), 3);
        QCOMPARE(currentName(*page), name("Bob"));
        QCOMPARE(m_undoStack.count(), 0);
    }

    void snoozeAndSkipRemoveTheItem_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("snooze to tomorrow") << "tomorrow";
        QTest::newRow("snooze to a date") << "date";
        QTest::newRow("skip step") << "skip";
    }

    void snoozeAndSkipRemoveTheItem()
    {
        QFETCH(QString, how);
        addThree();
        auto page = makePage();
        QVERIFY(showAndFocus(*page));
        page->view()->setCurrentIndex(page->view()->model()->index(1, 0));
        const DueItem bob = *page->currentItem();
        const QDate date = QDate::currentDate().addDays(5);
        if (how == QLatin1String("tomorrow")) {
            QTest::keyClick(page->view(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        } else if (how == QLatin1String("date")) {
            onNextDialog([date](QDialog *dialog) {
                auto *edit = dialog->findChild<QDateEdit *>();
                QVERIFY(edit);
                QCOMPARE(edit->minimumDate(), QDate::currentDate().addDays(1));
                edit->setDate(date);
                dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            });
            QTest::keyClick(page->view(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        } else {
            QTest::keyClick(page->view(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        }

        QCOMPARE(names(*page), QStringList({name("Ada"), name("Cy")}));
        QCOMPARE(currentName(*page), name("Cy"));
        const QList<ProspectEvent> recorded = events(bob.prospectId);
        QVERIFY(!recorded.isEmpty());
        QCOMPARE(recorded.last().kind,
            how == QLatin1String("skip") ? ProspectEventKind::StepSkipped
                                         : ProspectEventKind::Snoozed);
        QCOMPARE(recorded.last().stepId, bob.step.id);
        QCOMPARE(recorded.last().enrollmentId, bob.enrollmentId);
        Error error;
        const std::optional<Enrollment> enrollment
            = EnrollmentRepository(db()).get(bob.enrollmentId, &error);
        QVERIFY(enrollment);
        if (how == QLatin1String("tomorrow"))
            QCOMPARE(enrollment->dueAt,
                QDate::currentDate().addDays(1).startOfDay(QTimeZone::systemTimeZone()));
        else if (how == QLatin1String("date"))
            QCOMPARE(enrollment->dueAt, date.startOfDay(QTimeZone::systemTimeZone()));
        else
            QCOMPARE(enrollment->nextPosition, 2);
        QVERIFY(!child<QLabel>(*page, "dueNotice")->text().isEmpty());

        m_undoStack.undo();
        QCOMPARE(names(*page), QStringList({name("Ada"), name("Bob"), name("Cy")}));
        QCOMPARE(events(bob.prospectId).size(), recorded.size() - 1);
    }

    void readOnlyHidesWriteActions()
    {
        addThree();
        auto page = makePage();
        page->setReadOnly(true);
        QVERIFY(showAndFocus(*page));
        for (const char *name :
            {"logOutcomeAction", "snoozeTomorrowAction", "snoozeDateAction", "skipStepAction"}) {
            QVERIFY2(!action(*page, name)->isEnabled(), name);
            const QString buttonName = QString::fromLatin1(name) + QStringLiteral("Button");
            QVERIFY2(!page->findChild<QToolButton *>(buttonName)->isVisible(), name);
        }
        QVERIFY(action(*page, "copyMessageAction")->isEnabled());
        QVERIFY(
            page->findChild<QToolButton *>(QStringLiteral("copyMessageActionButton"))->isVisible());
        QVERIFY(action(*page, "openChannelAction")->isEnabled());
        // Keys of hidden actions do nothing.
        QTest::keyClick(page->view(), Qt::Key_L, Qt::ControlModifier);
        QTest::keyClick(page->view(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(names(*page).size(), 3);
        QCOMPARE(m_undoStack.count(), 0);

        page->setReadOnly(false);
        QVERIFY(action(*page, "skipStepAction")->isEnabled());
        QVERIFY(
            page->findChild<QToolButton *>(QStringLiteral("skipStepActionButton"))->isVisible());
    }

    void emptyStates()
    {
        const qint64 ada = addProspect(QStringLiteral("Ada"));
        auto page = makePage();
        QLabel *empty = child<QLabel>(*page, "dueEmpty");
        QVERIFY(showAndFocus(*page));
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(),
            QStringLiteral("Nothing due today. Enroll prospects in a cadence from the Prospects "
                           "table."));

        QVERIFY(enrollNow(m_cadence, ada));
        QVERIFY(!empty->isVisible());
        QVERIFY(page->view()->isVisible());
        QCOMPARE(currentName(*page), name("Ada"));

        QTest::keyClick(page->view(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().startsWith(QStringLiteral("All done for today.")),
            qPrintable(empty->text()));
        QVERIFY(empty->text().contains(name("Ada")));

        auto *channel = child<QComboBox>(*page, "dueChannelFilter");
        channel->setCurrentIndex(channel->findData(QStringLiteral("sms")));
        QCOMPARE(empty->text(), QStringLiteral("Nothing due today for this owner and channel."));
    }

    void filtersByOwnerAndChannel()
    {
        UserRepository users(db());
        Error error;
        const qint64 maya = users.ensure(QStringLiteral("Maya"), &error);
        const qint64 sam = users.ensure(QStringLiteral("Sam"), &error);
        QVERIFY(maya && sam);
        const qint64 calls = addCadence(TouchChannel::Phone, {}, QStringLiteral("Ask"));
        QVERIFY(enrollNow(m_cadence, addProspect(QStringLiteral("Ada"), maya)));
        QVERIFY(enrollNow(calls, addProspect(QStringLiteral("Bob"), sam)));
        QVERIFY(enrollNow(calls, addProspect(QStringLiteral("Cy"), maya)));
        auto page = makePage();
        page->setUser(maya, QStringLiteral("Maya"));
        auto *owner = child<QComboBox>(*page, "dueOwnerFilter");
        QStringList owners;
        for (int i = 0; i < owner->count(); ++i)
            owners.append(owner->itemText(i));
        QCOMPARE(owners,
            QStringList({QStringLiteral("Everyone"), QStringLiteral("Me"), QStringLiteral("Sam")}));
        QCOMPARE(names(*page).size(), 3);

        owner->setCurrentIndex(owner->findText(QStringLiteral("Me")));
        QCOMPARE(names(*page), QStringList({name("Ada"), name("Cy")}));
        auto *channel = child<QComboBox>(*page, "dueChannelFilter");
        channel->setCurrentIndex(channel->findData(QStringLiteral("phone")));
        QCOMPARE(names(*page), QStringList({name("Cy")}));
        owner->setCurrentIndex(owner->findText(QStringLiteral("Sam")));
        QCOMPARE(names(*page), QStringList({name("Bob")}));
        QCOMPARE(page->dueTodayCount(), 1);

        // A new teammate shows up in the list, and the choice stays.
        QVERIFY(users.ensure(QStringLiteral("Zoe"), &error));
        QCOMPARE(owner->count(), 4);
        QCOMPARE(owner->currentText(), QStringLiteral("Sam"));
    }

    void returnShowsTheProspect()
    {
        addThree();
        auto page = makePage();
        QVERIFY(showAndFocus(*page));
        QSignalSpy activated(page.get(), &DuePage::prospectActivated);
        QTest::keyClick(page->view(), Qt::Key_Down);
        QTest::keyClick(page->view(), Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), page->currentItem()->prospectId);
        QCOMPARE(currentName(*page), name("Bob"));
    }
};

QTEST_MAIN(TestDuePage)
#include "tst_duepage.moc"
