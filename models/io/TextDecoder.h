#pragma once

#include "storage/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Touchline {

struct DecodedText
{
    QString text;     // without any byte order mark
    QString encoding; // as shown to the user: "UTF-8", "UTF-16LE", "Windows-1252", ...
    // The lines, in order and each once, where bytes could not be read in the
    // detected encoding and were replaced by U+FFFD.
    QList<int> replacedLines;
};

// Turns the bytes of a text file of unknown origin into text: UTF-8 with or
// without a byte order mark, UTF-16 (LE or BE, with a BOM, or recognised by its
// zero bytes), and Windows-1252 (which covers Latin-1) for anything that is not
// valid UTF-8.
class TextDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::TextDecoder)
public:
    // Fails with Error::Kind::Invalid for an empty file and for one that is not
    // text (a spreadsheet, an image, ...), with a message that says so.
    static bool decode(const QByteArray &bytes, DecodedText *decoded, Error *error);
};

} // namespace Touchline
