#pragma once

#include "Cadence.h"

#include <QList>
#include <QString>

namespace Touchline {

// Advice on a cadence that teaches good practice. Nothing here blocks saving
// (validateCadence() decides that); docs/templates.md explains each warning.
struct LintWarning
{
    enum class Kind {
        MissingOptOut,      // an email without a way to say "stop"
        NoRespectfulClose,  // the last step does not close the sequence politely
        NearDuplicateSteps, // two steps say nearly the same thing
        TooLongForChannel,  // longer than the channel carries well
        WaitTooShort,       // a step follows the previous one too quickly
        TooManySteps,       // a sequence that wears people out
        UnknownPlaceholder, // would be sent as written, braces and all
        EmptyMessage,       // nothing written for the step
    };
    Kind kind = Kind::EmptyMessage;
    int position = 0;      // 1-based step; 0: the cadence as a whole
    int otherPosition = 0; // NearDuplicateSteps: the earlier step of the pair
    QString message;       // translated; names the step
};

// The thresholds, documented for users in docs/templates.md.
constexpr int lintMinWaitDays = 2; // between steps; step 1 may start at once
constexpr int lintMaxSteps = 8;
// Word-trigram Jaccard similarity of two steps' subject and body at which they
// count as near duplicates (1: same words in the same order).
constexpr double lintDuplicateSimilarity = 0.8;
// Lengths in QString units, with known placeholders counted as long as their
// example (estimatedRenderedLength()): an SMS body over two 160-character
// segments; a LinkedIn message over the InMail limit of 1,900 characters
// (ordinary messages allow more, connection notes less); an email subject that
// mail clients cut off.
constexpr int lintMaxSmsLength = 320;
constexpr int lintMaxLinkedInLength = 1900;
constexpr int lintMaxEmailSubjectLength = 80;

// Checks, in step order (cadence-wide advice first):
// - an email has no opt-out line ("reply stop", "no thanks", "unsubscribe",
//   "won't write again"... in English, French or German), unless it announces
//   itself as the last message, which leaves nothing to opt out of;
// - in a cadence of two steps or more, the last step's purpose, subject or body
//   has no closing wording ("respectful close", "closing the loop", "last note",
//   "break-up", "I'll stop here"...);
// - two steps are near duplicates (lintDuplicateSimilarity);
// - a message is too long for its channel (the lengths above);
// - a step after the first waits less than lintMinWaitDays;
// - more than lintMaxSteps steps;
// - a subject or body uses an unknown placeholder;
// - a step's body is empty (no other text advice is given for it).
// The phrase lists match whole words, ignoring case, accents and quotes.
QList<LintWarning> lintCadence(const Cadence &cadence);

} // namespace Touchline
