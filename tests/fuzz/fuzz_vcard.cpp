// libFuzzer target: any bytes, read as the vCard reader reads an imported file.
// Besides crashes and sanitizer reports, it stops on results that break the
// reader's promises.
#include "io/VCard.h"

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
    // Straight from UTF-8 rather than through TextDecoder, which refuses text
    // with control characters: the parser should see those too.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    VCard::looksLikeVCard(text);
    QList<VCardContact> contacts;
    QList<RowProblem> problems;
    VCard::parse(text, &contacts, &problems);
    int previousLine = 0;
    for (const VCardContact &contact : contacts) {
        require(contact.line > previousLine);
        previousLine = contact.line;
    }
    for (const RowProblem &problem : problems)
        require(problem.line >= 0 && !problem.reason.isEmpty());
    return 0;
}
