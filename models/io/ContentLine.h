#pragma once

#include <QString>

// Content lines as vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) write
// them; both formats share these rules.
namespace Touchline::ContentLine {

// The text with backslashes, commas, semicolons and line breaks escaped
// (\\ \, \; \n), as TEXT values need.
QString escapedText(const QString &text);

// The line, in UTF-8, folded into physical lines of at most 75 octets (the
// continuations starting with a space) and ended by CRLF. A character's bytes
// are never split across two lines.
QString folded(const QString &line);

} // namespace Touchline::ContentLine
