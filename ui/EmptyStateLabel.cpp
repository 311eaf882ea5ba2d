#include "EmptyStateLabel.h"

namespace Touchline {

EmptyStateLabel::EmptyStateLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    setFont(larger);
}

} // namespace Touchline
