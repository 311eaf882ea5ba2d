#pragma once

#include "storage/Error.h"

#include <QChar>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QStringView>

namespace Touchline {

struct CsvRecord
{
    int line = 0; // the line the record starts on, from 1
    QStringList fields;

    bool operator==(const CsvRecord &other) const
    {
        return line == other.line && fields == other.fields;
    }
};

// Reads delimited text as RFC 4180 describes it, and as spreadsheets write it.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::CsvReader)
public:
    // Comma, semicolon or tab: whichever splits the first lines (outside
    // quotes) into the most consistent number of fields; comma when unsure.
    static QChar detectDelimiter(QStringView text);

    // Records separated by CRLF, LF or CR. A quoted field may hold delimiters,
    // doubled quotes and line breaks (so a record may span lines; `line` is
    // where it starts). Blank lines are skipped. Rows may have any number of
    // fields. A quote inside an unquoted field is kept as text. A quoted field
    // that never closes fails with Error::Kind::Invalid naming the line where it
    // opened.
    static bool parse(QStringView text, QChar delimiter, QList<CsvRecord> *records, Error *error);
};

} // namespace Touchline
