#pragma once

#include <QLabel>

namespace Touchline {

// The text a page shows instead of an empty list or chart: centred, wrapped and
// a little larger, saying what to do to fill it.
class EmptyStateLabel : public QLabel
{
public:
    explicit EmptyStateLabel(const QString &text = {}, QWidget *parent = nullptr);
};

} // namespace Touchline
