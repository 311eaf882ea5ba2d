#pragma once

#include <QWidget>

class QLabel;
class QHBoxLayout;

namespace Touchline {

// A dismissable strip that tells what went wrong, above a page's content;
// hidden until showMessage(). Its text can be selected, to paste into a report.
class ErrorBanner : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // Shows `message`, tinted for the palette (light or dark).
    void showMessage(const QString &message);
    void clear();
    QString text() const;
    // Puts `button` (offering a way out, say) before the dismiss button.
    void addButton(QWidget *button);

private:
    QLabel *m_text = nullptr;
    QHBoxLayout *m_layout = nullptr;
};

} // namespace Touchline
