#pragma once

#include "ImportTypes.h"
#include "domain/Prospect.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QStringView>

namespace Touchline {

struct VCardContact
{
    int line = 0;          // the line of its BEGIN:VCARD, from 1
    QString formattedName; // FN
    QString givenName;     // N, second component
    QString familyName;    // N, first component
    QString organization;  // ORG; units joined by ", "
    QString title;         // TITLE
    QStringList emails;    // in file order, the preferred (PREF, TYPE=pref) first
    QStringList phones;    // likewise
    QStringList urls;
    QString note; // NOTE; several joined by blank lines
};

// vCard files (RFC 2426 for 3.0, RFC 6350 for 4.0; 2.1 as phones still export it).
class VCard
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::VCard)
public:
    // Whether the text's first non-blank line is BEGIN:VCARD.
    static bool looksLikeVCard(QStringView text);

    // Every card in the text: folded lines unfolded, escapes (\n \, \; \\)
    // decoded, property groups (item1.EMAIL) and parameters (TYPE=, PREF=,
    // CHARSET=, ENCODING=QUOTED-PRINTABLE) understood. A card that is not closed
    // by END:VCARD, or that has nothing to import, is reported with its line and
    // the next card is read.
    static void parse(QStringView text, QList<VCardContact> *contacts, QList<RowProblem> *problems);

    // vCard 3.0 (the version every address book reads), CRLF line ends, lines
    // folded at 75 octets, one card per prospect: N, FN, ORG, TITLE, EMAIL,
    // TEL, URL (the LinkedIn profile).
    static QString write(const QList<Prospect> &prospects);
};

} // namespace Touchline
