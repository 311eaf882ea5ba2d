#include "ErrorBanner.h"

#include "PaletteColors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Touchline {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    setAutoFillBackground(true);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(8, 4, 4, 4);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton;
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, this, &ErrorBanner::clear);
    m_layout->addWidget(m_text, 1);
    m_layout->addWidget(dismiss);
    hide();
}

void ErrorBanner::showMessage(const QString &message)
{
    QPalette tinted = palette();
    const bool dark = PaletteColors::isDark(tinted);
    tinted.setColor(QPalette::Window, dark ? QColor(0x4a, 0x1c, 0x1c) : QColor(0xfd, 0xec, 0xea));
    tinted.setColor(
        QPalette::WindowText, dark ? QColor(0xff, 0xd6, 0xd6) : QColor(0x7a, 0x12, 0x16));
    setPalette(tinted);
    m_text->setText(message);
    show();
}

void ErrorBanner::clear()
{
    hide();
    m_text->clear();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

void ErrorBanner::addButton(QWidget *button)
{
    m_layout->insertWidget(m_layout->count() - 1, button);
}

} // namespace Touchline
