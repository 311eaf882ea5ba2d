#include "CadenceLinter.h"

#include "MessageTemplate.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace Touchline {

namespace {

// Lower case, without accents or quotes, words separated by single spaces and
// framed by spaces, so that " reply stop " finds whole words only. Apostrophes
// inside words stay ("won't", "n'insisterai").
QString normalizedWords(const QString &text)
{
    const QString folded = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString words(QLatin1Char(' '));
    words.reserve(folded.size() + 2);
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const QChar c = folded[i];
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const bool apostrophe = c == QLatin1Char('\'') || c == QChar(u'\u2019');
        if (apostrophe && i > 0 && i + 1 < folded.size() && folded[i - 1].isLetter()
            && folded[i + 1].isLetter()) {
            words += QLatin1Char('\'');
        } else if (c.isLetterOrNumber()) {
            words += c;
        } else if (!words.endsWith(QLatin1Char(' '))) {
            words += QLatin1Char(' ');
        }
    }
    if (!words.endsWith(QLatin1Char(' ')))
        words += QLatin1Char(' ');
    return words;
}

template<std::size_t N> QStringList normalizedPhrases(const char *const (&phrases)[N])
{
    QStringList normalized;
    for (const char *phrase : phrases)
        normalized.append(normalizedWords(QString::fromUtf8(phrase)));
    return normalized;
}

bool containsAny(const QString &words, const QStringList &phrases)
{
    return std::any_of(phrases.cbegin(), phrases.cend(),
        [&](const QString &phrase) { return words.contains(phrase); });
}

// Ways to let someone say no, or a promise to stop when asked.
constexpr const char *optOutPhrases[] = {
    // English
    "unsubscribe", "opt out", "reply stop", "reply with stop", "text stop", "reply no", "no thanks",
    "no thank you", "not interested", "won't write again", "won't email you again",
    "won't contact you again", "won't reach out again", "won't bother you again", "won't follow up",
    "will not write again", "will not follow up", "stop following up", "stop writing",
    "stop emailing", "stop reaching out", "stop contacting", "rather I stop", "prefer I stop",
    "prefer that I stop", "want me to stop", "I'll stop", "I will stop", "remove you from",
    "take you off", "off my list",
    // French
    "désinscrire", "désinscription", "désabonner", "désabonnement", "répondez stop",
    "répondez simplement stop", "répondez non", "non merci", "pas intéressé", "pas intéressée",
    "je ne vous écrirai plus", "je ne vous relancerai plus", "je ne vous recontacterai plus",
    "je n'insisterai pas", "ne plus recevoir", "ne plus être contacté", "que j'arrête",
    "j'arrêterai", "je cesserai",
    // German
    "abmelden", "abbestellen", "austragen", "mit stopp", "mit stop", "antworten Sie stopp",
    "antworte stopp", "nein danke", "kein Interesse", "melde mich nicht mehr",
    "melde ich mich nicht mehr", "schreibe Ihnen nicht mehr", "schreibe ich Ihnen nicht mehr",
    "nicht mehr schreiben", "nicht mehr melden", "nicht mehr kontaktieren",
    "keine weiteren Nachrichten", "keine weiteren E-Mails", "keine E-Mails mehr", "höre ich auf",
    "ich höre auf"};

// Wording that tells the prospect this is the last message. Promises such as
// "reply stop and I won't write again" are conditional: opt-outs, not a close.
constexpr const char *closingPhrases[] = {
    // English
    "respectful close", "closing the loop", "close your file", "closing your file", "last note",
    "last email", "last message", "final note", "final email", "final message", "one last",
    "break up", "breakup", "I'll stop here", "I'll stop there", "this is my last",
    "I'll leave it there", "I'll leave it here",
    // French
    "dernier message", "dernier mail", "dernier e-mail", "dernier courriel", "dernière relance",
    "dernière fois", "je clos", "je clôture", "je m'arrête là", "je vais m'arrêter là",
    // German
    "letzte Nachricht", "letzte E-Mail", "letzte Mail", "letztes Mal", "schließe das Thema ab",
    "zum Abschluss"};

// Single words that mark a closing step in its purpose, a label for the user;
// in a message they mean too many other things.
constexpr const char *closingPurposeWords[]
    = {"close", "closing", "closure", "final", "last", "goodbye", "farewell", "clôture", "dernier",
        "dernière", "rupture", "Abschluss", "Abschied", "letzte", "letzter", "Schluss"};

const QStringList &optOuts()
{
    static const QStringList phrases = normalizedPhrases(optOutPhrases);
    return phrases;
}

const QStringList &closings()
{
    static const QStringList phrases = normalizedPhrases(closingPhrases);
    return phrases;
}

const QStringList &closingPurposes()
{
    static const QStringList words = normalizedPhrases(closingPurposeWords);
    return words;
}

// Word trigrams; a text of fewer words is one shingle.
QSet<QString> shingles(const QString &text)
{
    const QStringList words = normalizedWords(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    constexpr int size = 3;
    if (words.size() < size)
        return {words.join(QLatin1Char(' '))};
    QSet<QString> result;
    for (qsizetype i = 0; i + size <= words.size(); ++i)
        result.insert(words.mid(i, size).join(QLatin1Char(' ')));
    return result;
}

double similarity(const QSet<QString> &a, const QSet<QString> &b)
{
    const qsizetype common = QSet<QString>(a).intersect(b).size();
    const qsizetype all = a.size() + b.size() - common;
    return all == 0 ? 1.0 : double(common) / double(all);
}

QString messageText(const CadenceStep &step)
{
    return step.subject + QLatin1Char('\n') + step.body;
}

class Linter
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::CadenceLinter)

public:
    explicit Linter(const Cadence &cadence)
        : m_cadence(cadence)
    {
    }

    QList<LintWarning> run()
    {
        const int count = int(m_cadence.steps.size());
        if (count > lintMaxSteps) {
            add(LintWarning::Kind::TooManySteps, 0,
                tr("This cadence has %1 steps. After %2 touches without an answer, more "
                   "messages rarely help: end sooner with a respectful close.")
                    .arg(count)
                    .arg(lintMaxSteps));
        }
        QList<QSet<QString>> texts;
        for (int index = 0; index < count; ++index) {
            const CadenceStep &step = m_cadence.steps[index];
            const int position = index + 1;
            const bool empty = step.body.trimmed().isEmpty();
            texts.append(empty ? QSet<QString>() : shingles(messageText(step)));
            if (empty) {
                add(LintWarning::Kind::EmptyMessage, position,
                    tr("Step %1 (%2) has no message. Write what to send, or for a call the "
                       "talking points.")
                        .arg(QString::number(position), channelDisplayName(step.channel)));
            } else {
                checkOptOut(step, position);
                checkLength(step, position);
                for (int earlier = 0; earlier < index; ++earlier)
                    checkDuplicate(texts, earlier, index);
            }
            checkPlaceholders(step, position);
            if (index > 0)
                checkWait(step, position);
        }
        // Checked last, so that the warnings stay in step order.
        if (count >= 2)
            checkClose(m_cadence.steps.last(), count);
        return m_warnings;
    }

private:
    void add(LintWarning::Kind kind, int position, const QString &message, int other = 0)
    {
        m_warnings.append({kind, position, other, message});
    }

    void checkOptOut(const CadenceStep &step, int position)
    {
        if (step.channel != TouchChannel::Email)
            return;
        const QString words = normalizedWords(messageText(step));
        // A message that says it is the last leaves nothing to opt out of.
        if (containsAny(words, optOuts()) || containsAny(words, closings()))
            return;
        add(LintWarning::Kind::MissingOptOut, position,
            tr("Step %1 (%2) has no opt-out line. Give people an easy way to say no, such as: "
               "If this isn't relevant, reply \"no thanks\" and I won't write again.")
                .arg(QString::number(position), channelDisplayName(step.channel)));
    }

    void checkLength(const CadenceStep &step, int position)
    {
        const QString channel = channelDisplayName(step.channel);
        if (step.channel == TouchChannel::Sms) {
            const int length = estimatedRenderedLength(step.body);
            if (length > lintMaxSmsLength) {
                add(LintWarning::Kind::TooLongForChannel, position,
                    tr("Step %1 (%2) is about %L3 characters long. An SMS over %L4 characters "
                       "arrives in pieces, if at all: keep it short.")
                        .arg(QString::number(position), channel)
                        .arg(length)
                        .arg(lintMaxSmsLength));
            }
        } else if (step.channel == TouchChannel::LinkedIn) {
            const int length = estimatedRenderedLength(step.body);
            if (length > lintMaxLinkedInLength) {
                add(LintWarning::Kind::TooLongForChannel, position,
                    tr("Step %1 (%2) is about %L3 characters long. LinkedIn InMail takes at most "
                       "%L4: keep it short.")
                        .arg(QString::number(position), channel)
                        .arg(length)
                        .arg(lintMaxLinkedInLength));
            }
        } else if (step.channel == TouchChannel::Email) {
            const int length = estimatedRenderedLength(step.subject);
            if (length > lintMaxEmailSubjectLength) {
                add(LintWarning::Kind::TooLongForChannel, position,
                    tr("The subject of step %1 (%2) is about %L3 characters long. Mail programs "
                       "cut subjects after about %L4 characters.")
                        .arg(QString::number(position), channel)
                        .arg(length)
                        .arg(lintMaxEmailSubjectLength));
            }
        }
    }

    void checkDuplicate(const QList<QSet<QString>> &texts, int earlier, int later)
    {
        if (texts[earlier].isEmpty()
            || similarity(texts[earlier], texts[later]) < lintDuplicateSimilarity)
            return;
        add(LintWarning::Kind::NearDuplicateSteps, later + 1,
            tr("Step %1 (%2) says nearly the same as step %3. Make each touch add something "
               "new: a resource, a story, a different angle.")
                .arg(QString::number(later + 1), channelDisplayName(m_cadence.steps[later].channel),
                    QString::number(earlier + 1)),
            earlier + 1);
    }

    void checkPlaceholders(const CadenceStep &step, int position)
    {
        QStringList unknown;
        for (const QString &text : {step.subject, step.body}) {
            for (const PlaceholderSpan &span : findPlaceholders(text)) {
                const QString written = text.mid(span.start, span.length);
                if (!span.known && !unknown.contains(written))
                    unknown.append(written);
            }
        }
        if (unknown.isEmpty())
            return;
        add(LintWarning::Kind::UnknownPlaceholder, position,
            tr("Step %1 (%2) uses %3, which Touchline does not know: it would be sent as "
               "written. Check the spelling against the list of placeholders.")
                .arg(QString::number(position), channelDisplayName(step.channel),
                    unknown.join(QLatin1String(", "))));
    }

    void checkWait(const CadenceStep &step, int position)
    {
        if (step.waitDays >= lintMinWaitDays)
            return;
        const QString text = step.waitDays == 1
            ? tr("Step %1 (%2) comes one day after step %3. Wait at least %4 days so that "
                 "people have time to answer.")
            : tr("Step %1 (%2) comes the same day as step %3. Wait at least %4 days so that "
                 "people have time to answer.");
        add(LintWarning::Kind::WaitTooShort, position,
            text.arg(QString::number(position), channelDisplayName(step.channel),
                QString::number(position - 1), QString::number(lintMinWaitDays)));
    }

    void checkClose(const CadenceStep &step, int position)
    {
        if (containsAny(normalizedWords(step.purpose), closingPurposes())
            || containsAny(
                normalizedWords(step.purpose + QLatin1Char('\n') + messageText(step)), closings()))
            return;
        add(LintWarning::Kind::NoRespectfulClose, position,
            tr("Step %1 (%2), the last step, does not close the sequence. End with a short, "
               "respectful message that says it is your last and leaves the door open.")
                .arg(QString::number(position), channelDisplayName(step.channel)));
    }

    const Cadence &m_cadence;
    QList<LintWarning> m_warnings;
};

} // namespace

QList<LintWarning> lintCadence(const Cadence &cadence)
{
    return Linter(cadence).run();
}

} // namespace Touchline
