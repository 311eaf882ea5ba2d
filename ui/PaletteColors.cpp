#include "PaletteColors.h"

#include <QWidget>

namespace Touchline::PaletteColors {

QColor mix(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
        float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
        float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor warningColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x1c, 0x28);
}

void setWarningText(QWidget *widget)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, warningColor(palette));
    widget->setPalette(palette);
}

QColor channelColor(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return QColor(0x1f, 0x77, 0xb4);
    if (channel == QLatin1String("phone"))
        return QColor(0xe6, 0x7e, 0x22);
    if (channel == QLatin1String("linkedin"))
        return QColor(0x0a, 0x66, 0xc2);
    if (channel == QLatin1String("sms"))
        return QColor(0x2c, 0xa0, 0x2c);
    if (channel == QLatin1String("meeting"))
        return QColor(0x94, 0x67, 0xbd);
    return QColor(0x7f, 0x7f, 0x7f);
}

QString channelGlyph(const QString &channel)
{
    if (channel == QLatin1String("email"))
        return QStringLiteral("\u2709"); // envelope
    if (channel == QLatin1String("phone"))
        return QStringLiteral("\u260E"); // telephone
    if (channel == QLatin1String("linkedin"))
        return QStringLiteral("in");
    if (channel == QLatin1String("sms"))
        return QStringLiteral("SMS");
    if (channel == QLatin1String("meeting"))
        return QStringLiteral("\u25F7"); // clock face
    return QStringLiteral("\u270E");     // pencil
}

} // namespace Touchline::PaletteColors
