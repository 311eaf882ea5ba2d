#include "CsvReader.h"

#include <QHash>

#include <array>
#include <type_traits>
#include <utility>

namespace Touchline {

namespace {

constexpr char16_t quote = u'"';
// Enough lines to see a pattern, few enough to stay instant on any file.
constexpr int sniffRecords = 20;

bool isLineBreak(char16_t c)
{
    return c == u'\r' || c == u'\n';
}

// Walks delimited text record by record. Fields are slices of the text where
// possible, so that a large file costs one allocation per field.
class Scanner
{
public:
    Scanner(QStringView text, char16_t delimiter)
        : m_text(text.utf16())
        , m_size(text.size())
        , m_delimiter(delimiter)
    {
    }

    bool atEnd() const { return m_pos >= m_size; }
    int line() const { return m_line; }
    // Whether the last record had quotes where a well-formed file has none: inside
    // an unquoted field, or followed by text. Common when the delimiter is wrong.
    bool hadStrayQuotes() const { return m_strayQuotes; }

    // Skips empty lines; true when a record follows.
    bool skipBlankLines()
    {
        while (!atEnd() && isLineBreak(m_text[m_pos]))
            consumeLineBreak();
        return !atEnd();
    }

    // Reads the fields of the record that starts here and its line break; false
    // when a quoted field never closes (*openLine: where it opened).
    template<typename FieldSink> bool readRecord(FieldSink &&sink, int *openLine)
    {
        m_strayQuotes = false;
        for (;;) {
            if (!atEnd() && m_text[m_pos] == quote) {
                *openLine = m_line;
                QString field;
                if (!readQuoted(&field))
                    return false;
                sink(std::move(field));
            } else {
                const qsizetype start = m_pos;
                skipUnquoted();
                sink(QStringView(m_text + start, m_pos - start));
            }
            if (!atEnd() && m_text[m_pos] == m_delimiter) {
                ++m_pos;
                continue;
            }
            if (!atEnd())
                consumeLineBreak();
            return true;
        }
    }

private:
    void skipUnquoted()
    {
        while (!atEnd()) {
            const char16_t c = m_text[m_pos];
            if (c == m_delimiter || isLineBreak(c))
                return;
            m_strayQuotes = m_strayQuotes || c == quote;
            ++m_pos;
        }
    }

    void consumeLineBreak()
    {
        if (m_text[m_pos] == u'\r' && m_pos + 1 < m_size && m_text[m_pos + 1] == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    // From the opening quote: the content with doubled quotes undone, and any
    // text between the closing quote and the delimiter, as spreadsheets keep it.
    bool readQuoted(QString *field)
    {
        ++m_pos;
        qsizetype chunkStart = m_pos;
        char16_t previous = 0;
        for (;;) {
            if (atEnd())
                return false;
            const char16_t c = m_text[m_pos];
            if (c == quote) {
                const QStringView chunk(m_text + chunkStart, m_pos - chunkStart);
                ++m_pos;
                if (atEnd() || m_text[m_pos] != quote) {
                    if (field->isEmpty())
                        *field = chunk.toString(); // the common case: one allocation
                    else
                        field->append(chunk);
                    break;
                }
                field->append(chunk);
                chunkStart = m_pos++; // the second quote starts the next chunk
                previous = quote;
                continue;
            }
            if (c == u'\r' || (c == u'\n' && previous != u'\r'))
                ++m_line;
            previous = c;
            ++m_pos;
        }
        const qsizetype trailingStart = m_pos;
        skipUnquoted();
        if (m_pos > trailingStart) {
            m_strayQuotes = true;
            field->append(QStringView(m_text + trailingStart, m_pos - trailingStart));
        }
        return true;
    }

    const char16_t *m_text;
    qsizetype m_size;
    char16_t m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_strayQuotes = false;
};

} // namespace

QChar CsvReader::detectDelimiter(QStringView text)
{
    // The number of delimiters most records share, and how many share it.
    struct Consistency
    {
        int delimiters = 0;
        int records = 0;
    };
    const std::array<char16_t, 3> candidates = {u',', u';', u'\t'};
    char16_t best = u',';
    Consistency bestConsistency;
    for (const char16_t candidate : candidates) {
        Scanner scanner(text, candidate);
        QHash<int, int> recordsByDelimiters;
        for (int i = 0; i < sniffRecords && scanner.skipBlankLines(); ++i) {
            int fields = 0;
            int openLine = 0;
            if (!scanner.readRecord([&fields](auto &&) { ++fields; }, &openLine))
                break;
            // Such a record is no evidence for this delimiter.
            if (!scanner.hadStrayQuotes())
                ++recordsByDelimiters[fields - 1];
        }
        Consistency consistency;
        for (auto it = recordsByDelimiters.cbegin(); it != recordsByDelimiters.cend(); ++it) {
            if (it.key() > 0
                && (it.value() > consistency.records
                    || (it.value() == consistency.records && it.key() > consistency.delimiters)))
                consistency = {it.key(), it.value()};
        }
        // More records alike wins; then more fields. The earlier candidate keeps a tie.
        if (consistency.records > bestConsistency.records
            || (consistency.records == bestConsistency.records
                && consistency.delimiters > bestConsistency.delimiters)) {
            best = candidate;
            bestConsistency = consistency;
        }
    }
    return QChar(best);
}

bool CsvReader::parse(QStringView text, QChar delimiter, QList<CsvRecord> *records, Error *error)
{
    QList<CsvRecord> result;
    Scanner scanner(text, delimiter.unicode());
    qsizetype expectedFields = 0;
    while (scanner.skipBlankLines()) {
        CsvRecord record;
        record.line = scanner.line();
        record.fields.reserve(expectedFields);
        int openLine = 0;
        const auto append = [&record](auto &&field) {
            if constexpr (std::is_same_v<std::decay_t<decltype(field)>, QStringView>)
                record.fields.append(field.toString());
            else
                record.fields.append(std::move(field));
        };
        if (!scanner.readRecord(append, &openLine)) {
            return fail(error, Error::Kind::Invalid,
                tr("Line %1: a quoted field is never closed (a \" is missing).").arg(openLine));
        }
        expectedFields = record.fields.size();
        result.append(std::move(record));
    }
    *records = std::move(result);
    return true;
}

} // namespace Touchline
