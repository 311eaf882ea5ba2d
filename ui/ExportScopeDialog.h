#pragma once

#include <QDialog>

class QButtonGroup;

namespace Touchline {

// Which prospects an export covers: all of them, those the table shows under
// its search and filters, or the selected ones. A choice that covers nobody
// cannot be made.
class ExportScopeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { All, Shown, Selected };

    // `question` says what is exported ("Export the touches of:"); the counts
    // are the prospects in each scope.
    ExportScopeDialog(const QString &title, const QString &question, int all, int shown,
        int selected, QWidget *parent = nullptr);

    Scope scope() const;
    void setScope(Scope scope);

private:
    QButtonGroup *m_scopes = nullptr;
};

} // namespace Touchline
