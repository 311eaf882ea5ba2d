// libFuzzer target: any bytes, read as an imported CSV file is read. Besides
// crashes and sanitizer reports, it stops on results that break the readers'
// promises.
#include "io/CsvReader.h"
#include "io/TextDecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace Touchline;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    DecodedText decoded;
    Error error;
    if (!TextDecoder::decode(bytes, &decoded, &error)) {
        require(error.kind == Error::Kind::Invalid && !error.message.isEmpty());
        return 0;
    }
    require(!decoded.text.isEmpty() && !decoded.encoding.isEmpty());
    // Each line once, in order, and only lines with a replacement.
    for (qsizetype i = 0; i < decoded.replacedLines.size(); ++i)
        require(decoded.replacedLines.at(i) >= 1
            && (i == 0 || decoded.replacedLines.at(i) > decoded.replacedLines.at(i - 1)));
    require(decoded.replacedLines.isEmpty()
        || decoded.text.contains(QChar(QChar::ReplacementCharacter)));

    const QChar delimiter = CsvReader::detectDelimiter(decoded.text);
    require(delimiter == u',' || delimiter == u';' || delimiter == u'\t');
    QList<CsvRecord> records;
    if (!CsvReader::parse(decoded.text, delimiter, &records, &error)) {
        require(error.kind == Error::Kind::Invalid && records.isEmpty());
        return 0;
    }
    int previousLine = 0;
    for (const CsvRecord &record : records) {
        require(record.line > previousLine && !record.fields.isEmpty());
        previousLine = record.line;
    }
    return 0;
}
