#include "FormFields.h"
#include "LogTouchDialog.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Touchline;
using Touchline::Test::choose;
using Touchline::Test::formField;

class TestLogTouchDialog : public QObject
{
    Q_OBJECT

private:
    static QComboBox *channel(LogTouchDialog &d)
    {
        return formField<QComboBox>(&d, QStringLiteral("Channel:"));
    }
    static QComboBox *direction(LogTouchDialog &d)
    {
        return formField<QComboBox>(&d, QStringLiteral("Direction:"));
    }
    static QComboBox *outcome(LogTouchDialog &d)
    {
        return formField<QComboBox>(&d, QStringLiteral("Outcome:"));
    }
    static QDateTimeEdit *when(LogTouchDialog &d)
    {
        return formField<QDateTimeEdit>(&d, QStringLiteral("When:"));
    }
    static QPlainTextEdit *notes(LogTouchDialog &d)
    {
        return formField<QPlainTextEdit>(&d, QStringLiteral("Note:"));
    }

    static QStringList itemKeys(const QComboBox *combo)
    {
        QStringList keys;
        for (int i = 0; i < combo->count(); ++i)
            keys.append(combo->itemData(i).toString());
        return keys;
    }

    // The messages the dialog shows: labels that name no field.
    static QStringList visibleErrors(LogTouchDialog &dialog)
    {
        QStringList errors;
        const auto labels = dialog.findChildren<QLabel *>();
        for (QLabel *l : labels) {
            if (!l->buddy() && l->isVisibleTo(&dialog) && !l->text().isEmpty())
                errors.append(l->text());
        }
        return errors;
    }

    LogTouchDialog::SaveHandler recorder(bool ok = true, const QString &message = {})
    {
        return [this, ok, message](const Touch &touch, QString *error) {
            ++m_saveCalls;
            m_saved = touch;
            if (!ok)
                *error = message;
            return ok;
        };
    }

    static Touch newTouch()
    {
        Touch touch;
        touch.prospectId = 7;
        touch.occurredAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        return touch;
    }

    // Step 2 of a cadence, due an hour from now plus `dueInSeconds`.
    static PlannedStep plannedStep(TouchChannel channel, qint64 dueInSeconds)
    {
        PlannedStep planned;
        planned.enrollmentId = 11;
        planned.cadenceName = QStringLiteral("Respectful six-step");
        planned.step.id = 23;
        planned.step.position = 2;
        planned.step.channel = channel;
        planned.step.purpose = QStringLiteral("Concrete time options");
        planned.dueAt = QDateTime::currentDateTimeUtc().addSecs(dueInSeconds);
        return planned;
    }

    static QCheckBox *countsAsStep(LogTouchDialog &dialog)
    {
        auto *box = dialog.findChild<QCheckBox *>();
        if (!box)
            qFatal("no step checkbox");
        return box;
    }

    int m_saveCalls = 0;
    std::optional<Touch> m_saved;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A zone away from UTC, so that a time the form shows in local time and
        // one stored in UTC cannot be mistaken for each other.
        qputenv("TZ", "Europe/Berlin");
        installTranslations();
    }

    void init()
    {
        m_saveCalls = 0;
        m_saved.reset();
    }

    void outcomesFollowChannelAndDirection_data()
    {
        QTest::addColumn<QString>("channelName");
        QTest::addColumn<QString>("directionName");
        QTest::newRow("email out") << "email"
                                   << "out";
        QTest::newRow("email in") << "email"
                                  << "in";
        QTest::newRow("phone out") << "phone"
                                   << "out";
        QTest::newRow("phone in") << "phone"
                                  << "in";
        QTest::newRow("linkedin out") << "linkedin"
                                      << "out";
        QTest::newRow("sms out") << "sms"
                                 << "out";
        QTest::newRow("sms in") << "sms"
                                << "in";
        QTest::newRow("meeting out") << "meeting"
                                     << "out";
        QTest::newRow("meeting in") << "meeting"
                                    << "in";
        QTest::newRow("note out") << "note"
                                  << "out";
        QTest::newRow("note in") << "note"
                                 << "in";
    }

    void outcomesFollowChannelAndDirection()
    {
        QFETCH(QString, channelName);
        QFETCH(QString, directionName);
        TouchChannel ch;
        TouchDirection dir;
        QVERIFY(channelFromKey(channelName, &ch));
        QVERIFY(directionFromKey(directionName, &dir));
        QStringList expected;
        for (TouchOutcome o : outcomesFor(ch, dir))
            expected.append(outcomeKey(o));

        // Both orders of choosing: the list must follow whichever field changed last.
        for (bool channelFirst : {true, false}) {
            LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), {});
            if (channelFirst) {
                QVERIFY(choose(channel(dialog), channelName));
                QVERIFY(choose(direction(dialog), directionName));
            } else {
                QVERIFY(choose(direction(dialog), directionName));
                QVERIFY(choose(channel(dialog), channelName));
            }
            QCOMPARE(itemKeys(outcome(dialog)), expected);
            QCOMPARE(outcome(dialog)->isEnabled(), !expected.isEmpty());
            if (!expected.isEmpty()) {
                // The most common outcome comes first and is preselected.
                QCOMPARE(outcome(dialog)->currentData().toString(), expected.first());
                QCOMPARE(outcomeKey(dialog.touch().outcome), expected.first());
            }
            QCOMPARE(channelKey(dialog.touch().channel), channelName);
            QCOMPARE(directionKey(dialog.touch().direction), directionName);
        }
    }

    void keepsTheOutcomeWhileItIsOffered()
    {
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), {});
        QVERIFY(choose(channel(dialog), QStringLiteral("phone")));
        QVERIFY(choose(outcome(dialog), QStringLiteral("meeting_booked")));
        QVERIFY(choose(direction(dialog), QStringLiteral("in")));
        QCOMPARE(outcome(dialog)->currentData().toString(), QStringLiteral("meeting_booked"));
        QVERIFY(choose(direction(dialog), QStringLiteral("out")));
        QVERIFY(choose(channel(dialog), QStringLiteral("email")));
        // Outbound email cannot book a meeting: back to the first choice.
        QCOMPARE(outcome(dialog)->currentData().toString(), QStringLiteral("sent"));
    }

    void returnsTheChosenValues()
    {
        Touch original = newTouch();
        original.authorId = 3;
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), original, {});
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Log Touch with Grace Hopper"));
        QVERIFY(choose(channel(dialog), QStringLiteral("phone")));
        QVERIFY(choose(direction(dialog), QStringLiteral("out")));
        QVERIFY(choose(outcome(dialog), QStringLiteral("connected")));
        // 14:30 in Berlin on 5 March 2024 (CET, UTC+1) is 13:30 UTC.
        const QDateTime local(QDate(2024, 3, 5), QTime(14, 30));
        when(dialog)->setDateTime(local);
        notes(dialog)->setPlainText(
            QStringLiteral("  \n Talked about pricing.\nCall back in May. \n\n"));

        const Touch t = dialog.touch();
        QCOMPARE(t.id, 0);
        QCOMPARE(t.prospectId, 7);
        QCOMPARE(t.authorId, 3);
        QCOMPARE(t.channel, TouchChannel::Phone);
        QCOMPARE(t.direction, TouchDirection::Out);
        QCOMPARE(t.outcome, TouchOutcome::Connected);
        QCOMPARE(t.occurredAt, QDateTime(QDate(2024, 3, 5), QTime(13, 30), QTimeZone::utc()));
        QCOMPARE(t.occurredAt.timeSpec(), Qt::UTC);
        QCOMPARE(t.occurredAt.time(), QTime(13, 30));
        QCOMPARE(t.notes, QStringLiteral("Talked about pricing.\nCall back in May."));
    }

    void enterSavesShiftEnterStartsANewLine_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::newRow("return") << int(Qt::Key_Return) << Qt::KeyboardModifiers();
        QTest::newRow("keypad enter")
            << int(Qt::Key_Enter) << Qt::KeyboardModifiers(Qt::KeypadModifier);
    }

    void enterSavesShiftEnterStartsANewLine()
    {
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), recorder());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(choose(channel(dialog), QStringLiteral("email")));
        QPlainTextEdit *edit = notes(dialog);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("Sent the deck"));
        QTest::keyClick(edit, Qt::Key(key), modifiers | Qt::ShiftModifier);
        QCOMPARE(m_saveCalls, 0);
        QVERIFY(dialog.isVisible());
        QCOMPARE(edit->toPlainText(), QStringLiteral("Sent the deck\n"));
        QTest::keyClicks(edit, QStringLiteral("and the pricing"));

        QTest::keyClick(edit, Qt::Key(key), modifiers);
        QCOMPARE(m_saveCalls, 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(m_saved);
        QCOMPARE(m_saved->notes, QStringLiteral("Sent the deck\nand the pricing"));
        QCOMPARE(m_saved->channel, TouchChannel::Email);
        QCOMPARE(m_saved->outcome, TouchOutcome::Sent);
    }

    void refusesAnInboundNote()
    {
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), recorder());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(choose(channel(dialog), QStringLiteral("note")));
        QVERIFY(choose(direction(dialog), QStringLiteral("in")));
        QCOMPARE(outcome(dialog)->count(), 0);
        QVERIFY(!outcome(dialog)->isEnabled());
        QVERIFY(visibleErrors(dialog).isEmpty());

        notes(dialog)->setFocus();
        QTest::keyClicks(notes(dialog), QStringLiteral("They called about the invoice"));
        QTest::keyClick(notes(dialog), Qt::Key_Return);
        QCOMPARE(m_saveCalls, 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        const QStringList errors = visibleErrors(dialog);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("note")), qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(QStringLiteral("cannot be inbound")),
            qPrintable(errors.first()));
        QCOMPARE(notes(dialog)->toPlainText(), QStringLiteral("They called about the invoice"));
    }

    void keepsInputWhenSavingFails_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("shown");
        QTest::newRow("with a reason") << "The file is locked by another program."
                                       << "The file is locked by another program.";
        QTest::newRow("without a reason") << ""
                                          << "The touch could not be saved.";
    }

    void keepsInputWhenSavingFails()
    {
        QFETCH(QString, message);
        QFETCH(QString, shown);
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), recorder(false, message));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(choose(channel(dialog), QStringLiteral("linkedin")));
        QVERIFY(choose(outcome(dialog), QStringLiteral("accepted")));
        notes(dialog)->setPlainText(QStringLiteral("Accepted my request"));

        QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(m_saveCalls, 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QCOMPARE(visibleErrors(dialog), QStringList {shown});
        QCOMPARE(channel(dialog)->currentData().toString(), QStringLiteral("linkedin"));
        QCOMPARE(outcome(dialog)->currentData().toString(), QStringLiteral("accepted"));
        QCOMPARE(notes(dialog)->toPlainText(), QStringLiteral("Accepted my request"));
        QCOMPARE(dialog.touch(), *m_saved);
    }

    void editsAnExistingTouch()
    {
        Touch original;
        original.id = 42;
        original.prospectId = 7;
        original.channel = TouchChannel::LinkedIn;
        original.direction = TouchDirection::Out;
        original.outcome = TouchOutcome::Accepted;
        original.occurredAt
            = QDateTime(QDate(2024, 2, 10), QTime(9, 15, 42, 123), QTimeZone::utc());
        original.touchNumber = 2;
        original.notes = QStringLiteral("Accepted after the webinar.");
        original.authorId = 3;
        original.authorName = QStringLiteral("Maya");
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), original, recorder());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Touch with Grace Hopper"));
        QCOMPARE(channel(dialog)->currentData().toString(), QStringLiteral("linkedin"));
        QCOMPARE(direction(dialog)->currentData().toString(), QStringLiteral("out"));
        QCOMPARE(outcome(dialog)->currentData().toString(), QStringLiteral("accepted"));
        QCOMPARE(when(dialog)->dateTime(), original.occurredAt);
        // Shown in local time (9:15 UTC is 10:15 in Berlin in February), to the millisecond.
        QCOMPARE(when(dialog)->dateTime().toLocalTime().time(), QTime(10, 15, 42, 123));
        QCOMPARE(notes(dialog)->toPlainText(), original.notes);
        // Untouched, the form gives back the very touch it was given.
        QCOMPARE(dialog.touch(), original);

        QVERIFY(choose(outcome(dialog), QStringLiteral("sent")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_saved);
        QCOMPARE(m_saved->id, 42);
        QCOMPARE(m_saved->outcome, TouchOutcome::Sent);
        QCOMPARE(m_saved->occurredAt, original.occurredAt);
    }

    void offersNoStepUnlessAsked()
    {
        Touch original = newTouch();
        original.enrollmentId = 4;
        original.stepId = 5;
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), original, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!countsAsStep(dialog)->isVisible());
        QCOMPARE(dialog.touch().enrollmentId, 4);
        QCOMPARE(dialog.touch().stepId, 5);
    }

    void countsAsStep_data()
    {
        QTest::addColumn<QString>("stepChannel");
        QTest::addColumn<qint64>("dueInSeconds");
        QTest::addColumn<bool>("namedByCaller"); // the due list presets the step
        QTest::addColumn<QString>("channelName");
        QTest::addColumn<QString>("directionName");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("counts");

        QTest::newRow("due, same channel") << "email" << qint64(-3600) << false << "email"
                                           << "out" << true << true;
        QTest::newRow("overdue by days, same channel")
            << "phone" << qint64(-3 * 86400) << false << "phone"
            << "out" << true << true;
        QTest::newRow("due, another channel") << "email" << qint64(-3600) << false << "phone"
                                              << "out" << true << false;
        QTest::newRow("not due yet") << "email" << qint64(3600) << false << "email"
                                     << "out" << true << false;
        QTest::newRow("an answer is no step") << "email" << qint64(-3600) << false << "email"
                                              << "in" << false << false;
        QTest::newRow("a note is no step") << "email" << qint64(-3600) << false << "note"
                                           << "out" << false << false;
        QTest::newRow("due list, not due yet") << "email" << qint64(3600) << true << "email"
                                               << "out" << true << true;
        QTest::newRow("due list, another channel") << "email" << qint64(-3600) << true << "linkedin"
                                                   << "out" << true << true;
        QTest::newRow("due list, an answer") << "email" << qint64(-3600) << true << "email"
                                             << "in" << false << false;
    }

    void countsAsStep()
    {
        QFETCH(QString, stepChannel);
        QFETCH(qint64, dueInSeconds);
        QFETCH(bool, namedByCaller);
        QFETCH(QString, channelName);
        QFETCH(QString, directionName);
        QFETCH(bool, enabled);
        QFETCH(bool, counts);
        TouchChannel channelValue;
        QVERIFY(channelFromKey(stepChannel, &channelValue));
        const PlannedStep planned = plannedStep(channelValue, dueInSeconds);
        Touch original = newTouch();
        original.channel = channelValue;
        if (namedByCaller) {
            original.enrollmentId = planned.enrollmentId;
            original.stepId = planned.step.id;
        }
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), original, recorder());
        dialog.offerStep(planned);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCheckBox *box = countsAsStep(dialog);
        QVERIFY(box->isVisible());
        QCOMPARE(box->text().remove(QLatin1Char('&')),
            QStringLiteral("Counts as step 2 of Respectful six-step (Concrete time options)"));
        QVERIFY(choose(channel(dialog), channelName));
        QVERIFY(choose(direction(dialog), directionName));
        QCOMPARE(box->isEnabled(), enabled);

        dialog.accept();
        QCOMPARE(m_saveCalls, 1);
        QCOMPARE(m_saved->enrollmentId, counts ? 11 : 0);
        QCOMPARE(m_saved->stepId, counts ? 23 : 0);
    }

    // Once the user sets the checkbox, changing the channel no longer changes it.
    void theUsersChoiceStays()
    {
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), {});
        dialog.offerStep(plannedStep(TouchChannel::Email, -60));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCheckBox *box = countsAsStep(dialog);
        QVERIFY(choose(channel(dialog), QStringLiteral("phone")));
        QVERIFY(!box->isChecked());
        QVERIFY(choose(channel(dialog), QStringLiteral("email")));
        QVERIFY(box->isChecked());

        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        QVERIFY(!box->isChecked());
        QVERIFY(choose(channel(dialog), QStringLiteral("phone")));
        QVERIFY(choose(channel(dialog), QStringLiteral("email")));
        QVERIFY(!box->isChecked());
        QCOMPARE(dialog.touch().enrollmentId, 0);

        // A call can count as the email step when the user says so.
        QVERIFY(choose(channel(dialog), QStringLiteral("phone")));
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY(box->isChecked());
        QVERIFY(choose(channel(dialog), QStringLiteral("sms")));
        QVERIFY(box->isChecked());
        QCOMPARE(dialog.touch().enrollmentId, 11);
        QCOMPARE(dialog.touch().stepId, 23);
        QCOMPARE(dialog.touch().channel, TouchChannel::Sms);
    }

    void stepWithoutAPurpose()
    {
        PlannedStep planned = plannedStep(TouchChannel::Sms, -60);
        planned.step.purpose.clear();
        LogTouchDialog dialog(QStringLiteral("Grace Hopper"), newTouch(), {});
        dialog.offerStep(planned);
        QCOMPARE(countsAsStep(dialog)->text().remove(QLatin1Char('&')),
            QStringLiteral("Counts as step 2 of Respectful six-step"));
    }
};

QTEST_MAIN(TestLogTouchDialog)
#include "tst_logtouchdialog.moc"
