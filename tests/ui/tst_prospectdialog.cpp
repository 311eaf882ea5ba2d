#include "ProspectDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace Touchline;

class TestProspectDialog : public QObject
{
    Q_OBJECT

private:
    static QLineEdit *edit(ProspectDialog &dialog, const QString &label)
    {
        const auto labels = dialog.findChildren<QLabel *>();
        for (QLabel *l : labels) {
            if (l->text().remove(QLatin1Char('&')) == label)
                return qobject_cast<QLineEdit *>(l->buddy());
        }
        return nullptr;
    }

    static QStringList visibleErrors(ProspectDialog &dialog)
    {
        QStringList errors;
        const auto labels = dialog.findChildren<QLabel *>();
        for (QLabel *l : labels) {
            if (!l->buddy() && l->isVisibleTo(&dialog) && !l->text().isEmpty()
                && !l->text().endsWith(QLatin1Char(':')))
                errors.append(l->text());
        }
        return errors;
    }

private Q_SLOTS:
    void init() { m_saved.reset(); }

    void showsTheProspect()
    {
        Prospect p;
        p.id = 7;
        p.firstName = QStringLiteral("Grace");
        p.email = QStringLiteral("grace@navy.example");
        p.status = ProspectStatus::Replied;
        p.ownerId = 2;
        ProspectDialog dialog(p, {{1, QStringLiteral("Maya")}, {2, QStringLiteral("Tom")}}, {});
        QCOMPARE(edit(dialog, QStringLiteral("First name:"))->text(), QStringLiteral("Grace"));
        QCOMPARE(
            edit(dialog, QStringLiteral("Email:"))->text(), QStringLiteral("grace@navy.example"));
        const Prospect shown = dialog.prospect();
        QCOMPARE(shown.status, ProspectStatus::Replied);
        QCOMPARE(shown.ownerId, 2);
        QCOMPARE(shown.ownerName, QStringLiteral("Tom"));
        QCOMPARE(shown.id, 7);
    }

    void refusesInvalidValues_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("email without @") << "Email:"
                                         << "grace.navy.example"
                                         << "valid email";
        QTest::newRow("email with space") << "Email:"
                                          << "grace @navy.example"
                                          << "valid email";
        QTest::newRow("linkedin not a url") << "LinkedIn:"
                                            << "linkedin.com/in/grace"
                                            << "web address";
        QTest::newRow("linkedin javascript") << "LinkedIn:"
                                             << "javascript:alert(1)"
                                             << "web address";
        QTest::newRow("phone letters") << "Phone:"
                                       << "call me maybe"
                                       << "phone number";
    }

    void refusesInvalidValues()
    {
        QFETCH(QString, label);
        QFETCH(QString, value);
        QFETCH(QString, messagePart);
        Prospect p;
        p.firstName = QStringLiteral("Grace");
        ProspectDialog dialog(p, {}, [this](const Prospect &saved, QString *) {
            m_saved = saved;
            return true;
        });
        edit(dialog, label)->setText(value);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!m_saved);
        const QStringList errors = visibleErrors(dialog);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(messagePart), qPrintable(errors.first()));
    }

    void savesTrimmedValues()
    {
        ProspectDialog dialog(
            Prospect {}, {{1, QStringLiteral("Maya")}}, [this](const Prospect &saved, QString *) {
                m_saved = saved;
                return true;
            });
        edit(dialog, QStringLiteral("First name:"))->setText(QStringLiteral("  Grace "));
        edit(dialog, QStringLiteral("Company:"))->setText(QStringLiteral("Navy"));
        edit(dialog, QStringLiteral("Email:"))->setText(QStringLiteral("grace@navy.example "));
        auto *owner = dialog.findChildren<QComboBox *>().first();
        owner->setEditText(QStringLiteral("maya"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_saved);
        QCOMPARE(m_saved->firstName, QStringLiteral("Grace"));
        QCOMPARE(m_saved->email, QStringLiteral("grace@navy.example"));
        QCOMPARE(m_saved->ownerId, 1);
    }

    void newOwnerNameHasNoId()
    {
        ProspectDialog dialog(Prospect {}, {{1, QStringLiteral("Maya")}}, {});
        edit(dialog, QStringLiteral("First name:"))->setText(QStringLiteral("Grace"));
        dialog.findChildren<QComboBox *>().first()->setEditText(QStringLiteral("Priya"));
        QCOMPARE(dialog.prospect().ownerId, 0);
        QCOMPARE(dialog.prospect().ownerName, QStringLiteral("Priya"));
    }

    void keepsInputWhenSavingFails()
    {
        ProspectDialog dialog(Prospect {}, {}, [](const Prospect &, QString *error) {
            *error = QStringLiteral("The file is busy.");
            return false;
        });
        edit(dialog, QStringLiteral("First name:"))->setText(QStringLiteral("Grace"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(edit(dialog, QStringLiteral("First name:"))->text(), QStringLiteral("Grace"));
        QVERIFY(visibleErrors(dialog).contains(QStringLiteral("The file is busy.")));
    }

private:
    std::optional<Prospect> m_saved;
};

QTEST_MAIN(TestProspectDialog)
#include "tst_prospectdialog.moc"
