// The dialog that asks which prospects an export covers: the choice it starts
// on, the choices it refuses, and the keyboard.

#include "ExportScopeDialog.h"

#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using Touchline::ExportScopeDialog;
using Scope = ExportScopeDialog::Scope;

Q_DECLARE_METATYPE(ExportScopeDialog::Scope)

class TestExportScopeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnTheLikelyChoice_data();
    void startsOnTheLikelyChoice();
    void returnExportsTheChoice_data();
    void returnExportsTheChoice();
    void nothingToExport();
};

namespace {

QStringList enabledChoices(const ExportScopeDialog &dialog)
{
    QStringList names;
    for (const QRadioButton *button : dialog.findChildren<QRadioButton *>()) {
        if (button->isEnabled())
            names.append(button->objectName());
    }
    names.sort();
    return names;
}

} // namespace

void TestExportScopeDialog::startsOnTheLikelyChoice_data()
{
    QTest::addColumn<int>("all");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("selected");
    QTest::addColumn<Scope>("scope");
    QTest::addColumn<QStringList>("enabled");

    const QString all = QStringLiteral("allScope");
    const QString shown = QStringLiteral("shownScope");
    const QString selected = QStringLiteral("selectedScope");
    // One selected row is just the current row, not a choice.
    QTest::newRow("one selected") << 10 << 4 << 1 << Scope::Shown
                                  << QStringList {all, selected, shown};
    QTest::newRow("several selected")
        << 10 << 4 << 2 << Scope::Selected << QStringList {all, selected, shown};
    QTest::newRow("none selected") << 10 << 10 << 0 << Scope::Shown << QStringList {all, shown};
    QTest::newRow("a filter hides all") << 10 << 0 << 0 << Scope::All << QStringList {all};
}

void TestExportScopeDialog::startsOnTheLikelyChoice()
{
    QFETCH(int, all);
    QFETCH(int, shown);
    QFETCH(int, selected);
    QFETCH(Scope, scope);
    QFETCH(QStringList, enabled);
    ExportScopeDialog dialog(
        QStringLiteral("Export"), QStringLiteral("Export:"), all, shown, selected);
    QCOMPARE(dialog.scope(), scope);
    QCOMPARE(enabledChoices(dialog), enabled);
    // A choice that covers nobody is refused.
    dialog.setScope(Scope::Selected);
    QCOMPARE(dialog.scope(), selected > 0 ? Scope::Selected : scope);
}

void TestExportScopeDialog::returnExportsTheChoice_data()
{
    QTest::addColumn<int>("downPresses"); // arrow key presses on the starting choice
    QTest::addColumn<Scope>("scope");

    QTest::newRow("as offered") << 0 << Scope::Shown;
    QTest::newRow("the next one") << 1 << Scope::Selected;
}

void TestExportScopeDialog::returnExportsTheChoice()
{
    QFETCH(int, downPresses);
    QFETCH(Scope, scope);
    ExportScopeDialog dialog(QStringLiteral("Export"), QStringLiteral("Export:"), 10, 4, 1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QWidget *focused = dialog.focusWidget();
    QVERIFY(focused);
    QCOMPARE(focused->objectName(), QStringLiteral("shownScope"));
    for (int i = 0; i < downPresses; ++i)
        QTest::keyClick(dialog.focusWidget(), Qt::Key_Down);
    QTest::keyClick(dialog.focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.scope(), scope);
}

void TestExportScopeDialog::nothingToExport()
{
    ExportScopeDialog dialog(QStringLiteral("Export"), QStringLiteral("Export:"), 0, 0, 0);
    QCOMPARE(enabledChoices(dialog), QStringList());
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    const auto exportButton = std::find_if(buttons.cbegin(), buttons.cend(),
        [](const QPushButton *button) { return button->text() == QStringLiteral("E&xport…"); });
    QVERIFY(exportButton != buttons.cend());
    QVERIFY(!(*exportButton)->isEnabled());
}

QTEST_MAIN(TestExportScopeDialog)
#include "tst_exportscopedialog.moc"
