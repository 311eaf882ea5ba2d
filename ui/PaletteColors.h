#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

// Colours derived from the palette, so that light and dark themes both work,
// and the look of a channel's badge, the same in every view that draws one.
namespace Touchline::PaletteColors {

// `a` with `amountOfB` (0 to 1) of `b` blended in.
QColor mix(const QColor &a, const QColor &b, qreal amountOfB);

// Whether the palette is a dark theme's (its base colour is dark).
bool isDark(const QPalette &palette);

// A red that reads on the palette's base colour, light or dark: errors and
// warnings in text.
QColor warningColor(const QPalette &palette);

// Draws `widget`'s text (QPalette::WindowText) in warningColor().
void setWarningText(QWidget *widget);

// The hue of a channel key ("email"...), chosen to stay apart for colour-blind
// readers; grey for a key without one.
QColor channelColor(const QString &channel);

// The short text drawn on a channel's badge.
QString channelGlyph(const QString &channel);

} // namespace Touchline::PaletteColors
