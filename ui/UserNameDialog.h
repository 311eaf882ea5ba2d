#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace Touchline {

// Asks for the name touches and edits are recorded under in shared files.
// A blank or overlong name is refused beside the field; the dialog stays open.
class UserNameDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int maxNameLength = 100;

    explicit UserNameDialog(const QString &name, QWidget *parent = nullptr);

    // The name as typed, without surrounding spaces.
    QString name() const;
    // Why `name` cannot be used, or an empty string when it can.
    static QString problemWith(const QString &name);

    // Shows the dialog with the current setting; on OK saves the new name and
    // returns it, on Cancel leaves the setting alone.
    static std::optional<QString> ask(QWidget *parent = nullptr);

    void accept() override;

private:
    QLineEdit *m_name = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Touchline
