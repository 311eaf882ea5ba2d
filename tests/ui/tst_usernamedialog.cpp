#include "AppSettings.h"
#include "UserNameDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Touchline;

class TestUserNameDialog : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *nameField(UserNameDialog &dialog)
    {
        return dialog.findChild<QLineEdit *>(QStringLiteral("nameField"));
    }

    // Types `name` into the next name dialog and presses OK, or Cancel when `name` is null.
    void answerNextDialog(const QString &name)
    {
        QTimer::singleShot(0, this, [this, name] {
            auto *dialog = qobject_cast<UserNameDialog *>(QApplication::activeModalWidget());
            if (!dialog) {
                m_prefill = QStringLiteral("no name dialog");
                return;
            }
            m_prefill = nameField(*dialog)->text();
            if (name.isNull()) {
                dialog->reject();
                return;
            }
            nameField(*dialog)->setText(name);
            dialog->accept();
            if (dialog->isVisible())
                dialog->reject();
        });
    }

    QString m_prefill;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TouchlineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_usernamedialog"));
    }
    void init()
    {
        QSettings().clear();
        m_prefill.clear();
    }

    void refusesBlankAndOverlongNames_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString() << false << QString();
        QTest::newRow("spaces") << QStringLiteral("   \t ") << false << QString();
        QTest::newRow("normal") << QStringLiteral("Dana Reyes") << true
                                << QStringLiteral("Dana Reyes");
        QTest::newRow("padded") << QStringLiteral("  Dana  ") << true << QStringLiteral("Dana");
        QTest::newRow("accented") << QStringLiteral("Zoë Ångström") << true
                                  << QStringLiteral("Zoë Ångström");
        const QString longest(UserNameDialog::maxNameLength, QLatin1Char('x'));
        QTest::newRow("longest") << longest << true << longest;
        QTest::newRow("too long") << longest + QLatin1Char('x') << false << QString();
        QTest::newRow("too long once trimmed is fine")
            << QStringLiteral("  ") + longest + QStringLiteral("  ") << true << longest;
    }
    void refusesBlankAndOverlongNames()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        QFETCH(QString, name);
        UserNameDialog dialog(QStringLiteral("login"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("nameError"));
        QVERIFY(error);
        QVERIFY(error->isHidden());
        nameField(dialog)->setText(typed);
        dialog.accept();
        QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
        QCOMPARE(error->isHidden(), accepted);
        QCOMPARE(UserNameDialog::problemWith(typed).isEmpty(), accepted);
        if (accepted)
            QCOMPARE(dialog.name(), name);
        else
            QCOMPARE(error->text(), UserNameDialog::problemWith(typed));
    }

    void sayWhatIsWrong()
    {
        QVERIFY(UserNameDialog::problemWith(QStringLiteral(" ")).contains(QStringLiteral("blank")));
        QVERIFY(UserNameDialog::problemWith(QString(150, QLatin1Char('y')))
                    .contains(QStringLiteral("150 characters")));
    }

    void askSavesTheNameAndCancelKeepsTheLoginName()
    {
        const QString login = AppSettings::userName();
        QVERIFY(!login.isEmpty());
        QVERIFY(!AppSettings::hasUserName());

        answerNextDialog(QString());
        QVERIFY(!UserNameDialog::ask());
        QCOMPARE(m_prefill, login);
        QVERIFY(!AppSettings::hasUserName());
        QCOMPARE(AppSettings::userName(), login);

        answerNextDialog(QStringLiteral(" Ana Lima "));
        QCOMPARE(UserNameDialog::ask().value_or(QString()), QStringLiteral("Ana Lima"));
        QCOMPARE(m_prefill, login);
        QVERIFY(AppSettings::hasUserName());
        QCOMPARE(AppSettings::userName(), QStringLiteral("Ana Lima"));

        // The next time it shows the chosen name.
        answerNextDialog(QString());
        QVERIFY(!UserNameDialog::ask());
        QCOMPARE(m_prefill, QStringLiteral("Ana Lima"));
        QCOMPARE(AppSettings::userName(), QStringLiteral("Ana Lima"));
    }

    void settingsKeepTheTrimmedName_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("hasName");
        QTest::addColumn<QString>("expected"); // null: the login name
        QTest::newRow("name") << QStringLiteral("Kim") << true << QStringLiteral("Kim");
        QTest::newRow("padded") << QStringLiteral("  Kim Lee ") << true
                                << QStringLiteral("Kim Lee");
        QTest::newRow("blank") << QStringLiteral("  ") << false << QString();
        QTest::newRow("empty") << QString() << false << QString();
    }
    void settingsKeepTheTrimmedName()
    {
        QFETCH(QString, stored);
        QFETCH(bool, hasName);
        QFETCH(QString, expected);
        const QString login = AppSettings::userName();
        AppSettings::setUserName(stored);
        QCOMPARE(AppSettings::hasUserName(), hasName);
        QCOMPARE(AppSettings::userName(), expected.isNull() ? login : expected);
    }
};

QTEST_MAIN(TestUserNameDialog)
#include "tst_usernamedialog.moc"
