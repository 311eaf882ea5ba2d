#pragma once

#include <QString>

namespace Touchline {

// What went wrong in the data layer, with a message fit to show a user.
struct Error
{
    enum class Kind {
        None,
        NotFound,     // the file, or a row, does not exist
        NotADatabase, // not SQLite, or SQLite but not Touchline's
        Corrupt,
        TooNew,   // written by a newer Touchline; never modified
        Busy,     // another user holds the lock longer than the busy timeout
        ReadOnly, // the file or the connection is read-only
        Invalid,  // a value the rules refuse
        Conflict, // someone else changed the row since it was read
        Io,
        Cancelled, // the user stopped it; nothing was changed
    };

    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
    static Error make(Kind kind, const QString &message) { return Error {kind, message}; }
};

// Stores an error in an optional out-parameter and returns false, for `return fail(...)`.
inline bool fail(Error *out, Error::Kind kind, const QString &message)
{
    if (out)
        *out = Error {kind, message};
    return false;
}

} // namespace Touchline
