#include "TextDecoder.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace Touchline {

namespace {

// The file type is judged by its start, as a file manager would.
constexpr qsizetype sniffLength = 64 * 1024;
constexpr qsizetype utf16SniffLength = 4 * 1024;

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves
// undefined map to the C1 controls of the same value, as Windows does.
constexpr char16_t windows1252High[32] = {
    0x20AC,
    0x0081,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0x008D,
    0x017D,
    0x008F,
    0x0090,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0x009D,
    0x017E,
    0x0178,
};

// Counts lines as CsvReader does: CRLF, LF and a lone CR each end one.
class LineCounter
{
public:
    void see(char32_t c)
    {
        if (c == u'\r' || (c == u'\n' && m_previous != u'\r'))
            ++m_line;
        m_previous = c;
    }
    int line() const { return m_line; }

private:
    int m_line = 1;
    char32_t m_previous = 0;
};

// Notes that bytes on `line` were replaced; the decoders go forward, so a
// line already noted is the last one.
void noteReplaced(QList<int> *lines, int line)
{
    if (lines->isEmpty() || lines->last() != line)
        lines->append(line);
}

// The length of the well-formed UTF-8 sequence at `p` (its code point in
// *codePoint), or minus the length of the maximal ill-formed part to replace
// by one U+FFFD, as Unicode recommends (chapter 3, "U+FFFD Substitution").
int utf8Sequence(const uchar *p, const uchar *end, char32_t *codePoint)
{
    const uchar lead = p[0];
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    }
    int trailing = 0;
    char32_t c = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        trailing = 1;
        c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        trailing = 2;
        c = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        else if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        trailing = 3;
        c = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90; // overlong
        else if (lead == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return -1;
    }
    for (int i = 1; i <= trailing; ++i) {
        if (p + i >= end || p[i] < low || p[i] > high)
            return -i;
        c = (c << 6) | (p[i] & 0x3F);
        low = 0x80;
        high = 0xBF;
    }
    *codePoint = c;
    return trailing + 1;
}

struct Utf8Survey
{
    qsizetype multiByteSequences = 0;
    qsizetype invalidSequences = 0;
};

Utf8Survey surveyUtf8(const uchar *begin, const uchar *end)
{
    Utf8Survey survey;
    char32_t codePoint = 0;
    for (const uchar *p = begin; p < end;) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int length = utf8Sequence(p, end, &codePoint);
        if (length > 0) {
            ++survey.multiByteSequences;
            p += length;
        } else {
            ++survey.invalidSequences;
            p -= length;
        }
    }
    return survey;
}

void appendCodePoint(QChar *&out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        *out++ = QChar(QChar::highSurrogate(c));
        *out++ = QChar(QChar::lowSurrogate(c));
    } else {
        *out++ = QChar(static_cast<char16_t>(c));
    }
}

// UTF-8 with ill-formed parts replaced: QString::fromUtf8 would do it too, but
// how it replaces has changed between Qt versions, and the lines are needed.
QString decodeUtf8Replacing(const uchar *begin, const uchar *end, QList<int> *replacedLines)
{
    QString text(end - begin, Qt::Uninitialized); // never more code units than bytes
    QChar *out = text.data();
    LineCounter lines;
    char32_t codePoint = 0;
    for (const uchar *p = begin; p < end;) {
        const int length = utf8Sequence(p, end, &codePoint);
        if (length > 0) {
            appendCodePoint(out, codePoint);
            lines.see(codePoint);
            p += length;
        } else {
            *out++ = QChar(QChar::ReplacementCharacter);
            lines.see(QChar::ReplacementCharacter);
            noteReplaced(replacedLines, lines.line());
            p -= length;
        }
    }
    text.truncate(out - text.constData());
    return text;
}

QString decodeWindows1252(const uchar *begin, const uchar *end)
{
    QString text(end - begin, Qt::Uninitialized);
    QChar *out = text.data();
    for (const uchar *p = begin; p < end; ++p)
        *out++ = QChar(*p >= 0x80 && *p < 0xA0 ? windows1252High[*p - 0x80] : char16_t(*p));
    return text;
}

// Lone surrogates and a final odd byte become U+FFFD.
QString decodeUtf16(const uchar *begin, const uchar *end, bool bigEndian, QList<int> *replacedLines)
{
    const qsizetype units = (end - begin) / 2;
    const bool oddByte = (end - begin) % 2 != 0;
    QString text(units + (oddByte ? 1 : 0), Qt::Uninitialized);
    QChar *out = text.data();
    const auto unitAt = [begin, bigEndian](qsizetype i) {
        const uchar *p = begin + 2 * i;
        return static_cast<char16_t>(bigEndian ? (p[0] << 8) | p[1] : (p[1] << 8) | p[0]);
    };
    LineCounter lines;
    for (qsizetype i = 0; i < units; ++i) {
        const char16_t unit = unitAt(i);
        if (QChar::isHighSurrogate(unit) && i + 1 < units && QChar::isLowSurrogate(unitAt(i + 1))) {
            *out++ = QChar(unit);
            *out++ = QChar(unitAt(++i));
        } else if (QChar::isSurrogate(unit)) {
            *out++ = QChar(QChar::ReplacementCharacter);
            lines.see(QChar::ReplacementCharacter);
            noteReplaced(replacedLines, lines.line());
        } else {
            *out++ = QChar(unit);
            lines.see(unit);
        }
    }
    if (oddByte) {
        *out++ = QChar(QChar::ReplacementCharacter);
        noteReplaced(replacedLines, lines.line());
    }
    return text;
}

enum class Utf16Guess { No, LittleEndian, BigEndian };

// UTF-16 text has a zero byte in every code unit below U+0100 (in Latin
// script, most of them; elsewhere, at least the spaces, digits, punctuation and
// line ends), and always on the same side. Other text has no zero bytes at all.
Utf16Guess guessUtf16(const uchar *begin, const uchar *end)
{
    const qsizetype pairs = std::min<qsizetype>(end - begin, utf16SniffLength) / 2;
    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        evenZeros += begin[2 * i] == 0;
        oddZeros += begin[2 * i + 1] == 0;
    }
    const auto oneSided = [pairs](qsizetype zeros, qsizetype otherZeros) {
        return zeros >= 2 && zeros * 10 >= pairs && otherZeros * 10 <= zeros;
    };
    if (oneSided(oddZeros, evenZeros))
        return Utf16Guess::LittleEndian;
    if (oneSided(evenZeros, oddZeros))
        return Utf16Guess::BigEndian;
    return Utf16Guess::No;
}

bool isControl(char16_t c)
{
    if (c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v')
        return false;
    return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

// Text files have no NUL characters and hardly any other control characters;
// images, archives and spreadsheets have plenty.
bool looksLikeText(const QString &text)
{
    const qsizetype length = std::min(text.size(), sniffLength);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == 0)
            return false;
        controls += isControl(c);
    }
    return controls * 50 <= length;
}

bool startsWith(const uchar *begin, const uchar *end, std::initializer_list<uchar> prefix)
{
    return end - begin >= qsizetype(prefix.size())
        && std::equal(prefix.begin(), prefix.end(), begin);
}

} // namespace

bool TextDecoder::decode(const QByteArray &bytes, DecodedText *decoded, Error *error)
{
    const auto *begin = reinterpret_cast<const uchar *>(bytes.constData());
    const uchar *end = begin + bytes.size();
    DecodedText result;
    if (startsWith(begin, end, {0xEF, 0xBB, 0xBF})) {
        result.encoding = tr("UTF-8 with BOM");
        result.text = decodeUtf8Replacing(begin + 3, end, &result.replacedLines);
    } else if (startsWith(begin, end, {0xFF, 0xFE}) || startsWith(begin, end, {0xFE, 0xFF})) {
        const bool bigEndian = begin[0] == 0xFE;
        result.encoding = bigEndian ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
        result.text = decodeUtf16(begin + 2, end, bigEndian, &result.replacedLines);
    } else if (const Utf16Guess guess = guessUtf16(begin, end); guess != Utf16Guess::No) {
        const bool bigEndian = guess == Utf16Guess::BigEndian;
        result.encoding = bigEndian ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
        result.text = decodeUtf16(begin, end, bigEndian, &result.replacedLines);
    } else {
        // Valid multi-byte sequences hardly ever occur by chance in Windows-1252
        // text, so a file with more of them than bad bytes is damaged UTF-8.
        const Utf8Survey survey = surveyUtf8(begin, end);
        if (survey.invalidSequences == 0) {
            result.encoding = QStringLiteral("UTF-8");
            result.text = QString::fromUtf8(bytes);
        } else if (survey.invalidSequences <= survey.multiByteSequences) {
            result.encoding = QStringLiteral("UTF-8");
            result.text = decodeUtf8Replacing(begin, end, &result.replacedLines);
        } else {
            result.encoding = QStringLiteral("Windows-1252");
            result.text = decodeWindows1252(begin, end);
        }
    }
    if (result.text.isEmpty())
        return fail(error, Error::Kind::Invalid, tr("The file is empty."));
    if (!looksLikeText(result.text)) {
        return fail(error, Error::Kind::Invalid,
            tr("This is not a text file. If it is a spreadsheet, save it as CSV from "
               "the spreadsheet program and import that file."));
    }
    *decoded = std::move(result);
    return true;
}

} // namespace Touchline
