#include "ContentLine.h"

#include <QByteArray>

namespace Touchline::ContentLine {

QString escapedText(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char(',') || c == QLatin1Char(';')) {
            escaped += QLatin1Char('\\') + c;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            // CRLF is one line break, as is a lone CR or LF.
            if (c == QLatin1Char('\r') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            escaped += QLatin1String("\\n");
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QString folded(const QString &line)
{
    constexpr qsizetype maxOctets = 75;
    const QByteArray bytes = line.toUtf8();
    QByteArray lines;
    qsizetype start = 0;
    qsizetype room = maxOctets;
    while (bytes.size() - start > room) {
        qsizetype end = start + room;
        // Continuation bytes are 10xxxxxx: back up to the first byte of the character.
        while ((static_cast<uchar>(bytes.at(end)) & 0xC0) == 0x80)
            --end;
        lines.append(bytes.constData() + start, end - start);
        lines.append("\r\n ");
        start = end;
        room = maxOctets - 1; // the leading space counts
    }
    lines.append(bytes.constData() + start, bytes.size() - start);
    lines.append("\r\n");
    return QString::fromUtf8(lines);
}

} // namespace Touchline::ContentLine
