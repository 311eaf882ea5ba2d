#include "DataGenerator.h"

#include "CadenceRepository.h"
#include "Database.h"
#include "EnrollmentRepository.h"
#include "domain/Prospect.h"
#include "domain/ProspectEvent.h"
#include "domain/Touch.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace Touchline {

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
constexpr qint64 yearMs = 365 * dayMs;
// Prospects between progress reports: often enough for a responsive Cancel button.
constexpr int progressInterval = 250;
// Enrolled prospects derived by the cadence engine at once: large enough that
// the batch's few queries dominate, small enough to keep their touches in memory.
constexpr int refreshBatch = 1000;
// Most prospects are worked through a cadence; the others by hand.
constexpr double enrollChance = 0.9;
// A cadence nobody worked on for this long has been stopped by its rep, so that
// the due list holds what a team keeps up with rather than a year of backlog.
constexpr qint64 staleAfter = 21 * dayMs;

// std::mt19937_64 is specified bit for bit by the standard, but the std
// distributions are not; drawing from its raw output keeps a seed's data the
// same with every compiler and standard library.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_engine(seed)
    {
    }

    // Uniform in [0, n), without modulo bias.
    quint64 below(quint64 n)
    {
        const quint64 limit
            = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % n;
        quint64 value;
        do {
            value = m_engine();
        } while (value >= limit);
        return value % n;
    }
    qint64 below(qint64 n) { return qint64(below(quint64(n))); }
    int below(int n) { return int(below(quint64(n))); }
    // Uniform in [0, 1).
    double real() { return double(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return real() < p; }
    template<typename T, std::size_t N> const T &pick(const T (&list)[N])
    {
        return list[below(quint64(N))];
    }

private:
    std::mt19937_64 m_engine;
};

// Names from many cultures; diacritics are kept in names and folded in addresses.
// clang-format off
const char *const firstNames[] = {
    "Aisha", "Alejandro", "Amara", "Ana", "Anders", "Andrea", "Anh", "Arjun", "Astrid", "Ayumi",
    "Bjørn", "Camille", "Carlos", "Chen", "Chiara", "Chloé", "Daniel", "Dmitri", "Elena", "Emeka",
    "Emma", "Ewa", "Fatima", "Felix", "Giulia", "Hamid", "Hana", "Hannah", "Hiroshi", "Ibrahim",
    "Inès", "Ingrid", "Isabel", "Jakub", "James", "Javier", "Jia", "Jonas", "José", "Julia",
    "Kamal", "Karin", "Kenji", "Kofi", "Kwame", "Lars", "Laura", "Lea", "Leila", "Lina", "Lucas",
    "Łukasz", "Maja", "Malik", "Marek", "María", "Mariam", "Mateo", "Mei", "Mohammed", "Nadia",
    "Naledi", "Ngozi", "Nikhil", "Nina", "Noah", "Olga", "Oliver", "Omar", "Pedro", "Priya",
    "Rafael", "Ravi", "Rosa", "Sakura", "Samuel", "Sara", "Sebastián", "Siddharth", "Sofia",
    "Søren", "Tariq", "Thabo", "Thomas", "Tomás", "Valentina", "Wei", "Yara", "Yusuf", "Zainab",
    "Zoë",
};
// clang-format on

// clang-format off
const char *const lastNames[] = {
    "Abara", "Adeyemi", "Ahmed", "Andersen", "Bakker", "Banerjee", "Becker", "Bianchi", "Brown",
    "Castillo", "Chen", "Cohen", "Costa", "Diallo", "Dubois", "Dvořák", "Eriksson", "Fernández",
    "Ferreira", "Fischer", "García", "Gonzalez", "Haddad", "Hansen", "Hernández", "Hoffmann",
    "Horvat", "Ivanova", "Jansen", "Jensen", "Johnson", "Kaur", "Khan", "Kim", "Kovačević",
    "Kowalski", "Kumar", "Larsen", "Laurent", "Li", "Lindqvist", "López", "MacLeod", "Mahlangu",
    "Martin", "Mehta", "Mensah", "Moreau", "Müller", "Murphy", "Mwangi", "Nakamura", "Nguyen",
    "Nielsen", "Novak", "Nowak", "O'Brien", "Okafor", "Olsen", "Öztürk", "Park", "Patel",
    "Pereira", "Petrov", "Popescu", "Rahman", "Ramírez", "Rossi", "Santos", "Sato", "Schmidt",
    "Silva", "Singh", "Smith", "Sokolov", "Suzuki", "Tanaka", "Taylor", "Van der Berg", "Virtanen",
    "Wagner", "Wang", "Williams", "Wilson", "Wójcik", "Yamamoto", "Yılmaz", "Zhang", "Ziegler",
};
// clang-format on

// clang-format off
const char *const companyWords[] = {
    "Aurora", "Beacon", "Bluefin", "Brightwave", "Cedar", "Copper", "Delta", "Ember", "Falcon",
    "Granite", "Harbor", "Ironbridge", "Juniper", "Kestrel", "Keystone", "Lighthouse", "Lumen",
    "Maple", "Meadow", "Nimbus", "Northwind", "Oakridge", "Orbit", "Pinecrest", "Pioneer", "Polar",
    "Quantum", "Quarry", "Redwood", "Riverside", "Sable", "Saffron", "Silverline", "Summit",
    "Tessera", "Tidewater", "Upland", "Vantage", "Willow", "Zenith",
};
// clang-format on

// clang-format off
const char *const sectors[] = {
    "Analytics", "Bio", "Consulting", "Design", "Energy", "Engineering", "Finance", "Foods",
    "Freight", "Health", "Labs", "Logistics", "Manufacturing", "Materials", "Media", "Networks",
    "Pharma", "Retail", "Robotics", "Security", "Software", "Studios", "Systems", "Textiles",
    "Travel",
};
// clang-format on

struct LegalForm
{
    const char *suffix;
    const char *domain; // top-level domain of a company with this form
};

const LegalForm legalForms[] = {
    {"Inc.", "com"},
    {"LLC", "com"},
    {"Ltd", "co.uk"},
    {"GmbH", "de"},
    {"AG", "ch"},
    {"SAS", "fr"},
    {"S.L.", "es"},
    {"S.r.l.", "it"},
    {"B.V.", "nl"},
    {"AB", "se"},
    {"ApS", "dk"},
    {"Pty Ltd", "com.au"},
    {"K.K.", "jp"},
    {"Ltda.", "com.br"},
    {"", "io"},
    {"", "com"},
};

// clang-format off
const char *const titles[] = {
    "CEO", "CTO", "COO", "CFO", "Founder", "Co-founder", "Managing Director",
    "Chief Revenue Officer", "VP Sales", "VP Marketing", "Head of Operations", "Head of IT",
    "Head of Procurement", "Head of People", "Director of Engineering", "Sales Director",
    "Finance Director", "Marketing Manager", "IT Manager", "Operations Manager",
    "Procurement Manager", "Product Manager", "Facilities Manager", "Office Manager",
    "Logistics Coordinator", "Customer Success Lead", "Revenue Operations Manager",
    "Business Development Manager", "Data Team Lead", "Partnerships Lead",
};
// clang-format on

struct Owner
{
    const char *name;
    double persistence; // how many touches this rep tends to make, relative to the team
};

const Owner owners[DataGenerator::maxOwners] = {
    {"Alex Morgan", 1.0},
    {"Sam Rivera", 1.3},
    {"Jordan Lee", 0.7},
    {"Taylor Okoye", 1.15},
    {"Casey Novak", 0.85},
    {"Riley Chen", 1.2},
    {"Morgan Schulz", 0.8},
    {"Jamie Costa", 1.1},
    {"Avery Singh", 0.9},
    {"Robin Dahl", 1.0},
};

const char *const replyNotes[] = {
    "Interested; asked for a call next week.",
    "Asked for pricing.",
    "Not the right time; try again next quarter.",
    "Forwarded to a colleague.",
    "Asked for a case study.",
    "Uses a competitor but is open to comparing.",
    "Wants a short demo.",
    "Thanked us for the resource.",
};

const char *const optOutNote = "Asked to be taken off the list.";

const char *const connectedNotes[] = {
    "Spoke briefly; will follow up by email.",
    "Reached the assistant; left a message.",
    "Short call; asked to be sent more information.",
};

// Area codes and numbers in ranges set aside for fiction, so that no demo
// number rings a real person: US 555-01xx, UK 020 7946 0xxx, AU 0491 570 110-159.
const char *const usAreaCodes[] = {"206", "212", "303", "312", "404", "415", "512", "617"};

QString utf8(const char *text)
{
    return QString::fromUtf8(text);
}

// Folds a name to the letters and digits an address may contain: "Søren Öztürk" -> "sorenozturk".
QString asciiFold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toLower();
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            folded += c;
        else if (c == QChar(0x00F8)) // ø
            folded += QLatin1Char('o');
        else if (c == QChar(0x0142) || c == QChar(0x0131)) // ł, dotless ı
            folded += c == QChar(0x0142) ? QLatin1Char('l') : QLatin1Char('i');
        else if (c == QChar(0x00E6)) // æ
            folded += QLatin1String("ae");
        else if (c == QChar(0x00DF)) // ß
            folded += QLatin1String("ss");
        // Combining marks, spaces and punctuation are dropped.
    }
    return folded;
}

struct Company
{
    QString name;
    QString domain;
};

// Companies are drawn from a pool so that several prospects work at the same one.
// Each is derived from its number alone, so no pool needs to be kept in memory.
Company makeCompany(quint64 seed, int number)
{
    Random random(seed ^ (0x9E3779B97F4A7C15ULL * quint64(number + 1)));
    const QString word = utf8(random.pick(companyWords));
    const QString sector = utf8(random.pick(sectors));
    const LegalForm &form = random.pick(legalForms);
    Company company;
    const int pattern = random.below(10);
    if (pattern < 2) { // "Cedar & Maple Consulting"
        const QString partner = utf8(random.pick(companyWords));
        company.name = word + QLatin1String(" & ") + partner + QLatin1Char(' ') + sector;
        company.domain = asciiFold(word) + asciiFold(partner);
    } else {
        company.name = word + QLatin1Char(' ') + sector;
        company.domain = asciiFold(word) + (pattern < 6 ? QStringLiteral("") : QStringLiteral("-"))
            + asciiFold(sector);
    }
    if (*form.suffix)
        company.name += QLatin1Char(' ') + utf8(form.suffix);
    company.domain += QLatin1Char('.') + utf8(form.domain);
    return company;
}

QString makeEmail(Random &random, const QString &first, const QString &last, const QString &domain)
{
    const QString f = asciiFold(first);
    const QString l = asciiFold(last);
    QString local;
    switch (random.below(6)) {
    case 0:
    case 1:
    case 2:
        local = f + QLatin1Char('.') + l;
        break;
    case 3:
        local = f.left(1) + l;
        break;
    case 4:
        local = f;
        break;
    default:
        local = f + QLatin1Char('_') + l;
        break;
    }
    return local + QLatin1Char('@') + domain;
}

QString makePhone(Random &random)
{
    switch (random.below(3)) {
    case 0:
        return QStringLiteral("+1 (%1) 555-01%2")
            .arg(utf8(random.pick(usAreaCodes)))
            .arg(random.below(100), 2, 10, QLatin1Char('0'));
    case 1:
        return QStringLiteral("+44 20 7946 0%1").arg(random.below(1000), 3, 10, QLatin1Char('0'));
    default:
        return QStringLiteral("+61 491 570 %1").arg(110 + random.below(50));
    }
}

QString makeLinkedIn(Random &random, const QString &first, const QString &last)
{
    return QStringLiteral("https://www.linkedin.com/in/%1-%2-%3")
        .arg(asciiFold(first), asciiFold(last))
        .arg(random.below(quint64(0x1000000)), 6, 16, QLatin1Char('0'));
}

// Monday 0 ... Sunday 6, for times after 1970-01-01, which was a Thursday.
int weekday(qint64 ms)
{
    return int((ms / dayMs + 3) % 7);
}

// A moment in working hours (08:00-18:00 UTC, Monday to Friday) no earlier than `from`.
qint64 workingTime(Random &random, qint64 from)
{
    qint64 dayStart = from - from % dayMs;
    qint64 earliest = std::max(from, dayStart + 8 * hourMs);
    while (weekday(dayStart) >= 5 || earliest >= dayStart + 18 * hourMs - minuteMs) {
        dayStart += dayMs;
        earliest = dayStart + 8 * hourMs;
    }
    return earliest + random.below(dayStart + 18 * hourMs - earliest);
}

// A prospect's touches are planned before the prospect row is written, because
// the row carries what the touches imply (count, latest time, status).
struct PlannedTouch
{
    TouchChannel channel;
    TouchDirection direction;
    TouchOutcome outcome;
    qint64 at;
    int number; // 0 for inbound
    const char *note;
    int step; // position of the cadence step it did, 0 for none
};

// The chance that a prospect's first reply comes after outbound touch `number`:
// about 8% after the first touch, falling to 2% from the sixth on.
double replyChance(int number, TouchChannel channel, TouchOutcome outcome)
{
    const double base = std::max(0.02, 0.08 - 0.012 * (number - 1));
    switch (channel) {
    case TouchChannel::Email:
        return outcome == TouchOutcome::Bounced ? 0.0 : base;
    case TouchChannel::Phone:
        return base
            * (outcome == TouchOutcome::Connected        ? 2.0
                    : outcome == TouchOutcome::Voicemail ? 0.8
                                                         : 0.5);
    case TouchChannel::LinkedIn:
        return base * 1.1;
    case TouchChannel::Sms:
        return base * 1.2;
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    return 0.0;
}

struct Contact
{
    bool hasPhone;
    bool hasLinkedIn;
};

// No email again once an address bounced, unless nothing else is left.
bool canUse(TouchChannel channel, const Contact &contact, bool emailBounced)
{
    switch (channel) {
    case TouchChannel::Email:
        return !emailBounced || (!contact.hasPhone && !contact.hasLinkedIn);
    case TouchChannel::Phone:
    case TouchChannel::Sms:
        return contact.hasPhone;
    case TouchChannel::LinkedIn:
        return contact.hasLinkedIn;
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    return false;
}

// Mostly email, with calls, LinkedIn and (after the first contact) SMS mixed in.
TouchChannel pickChannel(Random &random, int number, const Contact &contact, bool emailBounced)
{
    for (;;) {
        const int roll = random.below(100);
        TouchChannel channel = TouchChannel::Email;
        if (number == 1)
            channel = roll < 80 ? TouchChannel::Email
                : roll < 90     ? TouchChannel::LinkedIn
                                : TouchChannel::Phone;
        else
            channel = roll < 45 ? TouchChannel::Email
                : roll < 65     ? TouchChannel::LinkedIn
                : roll < 88     ? TouchChannel::Phone
                                : TouchChannel::Sms;
        if (canUse(channel, contact, emailBounced))
            return channel;
    }
}

TouchOutcome pickOutcome(Random &random, TouchChannel channel)
{
    const int roll = random.below(100);
    switch (channel) {
    case TouchChannel::Email:
        return roll < 3 ? TouchOutcome::Bounced : TouchOutcome::Sent;
    case TouchChannel::Phone:
        return roll < 45 ? TouchOutcome::NoAnswer
            : roll < 85  ? TouchOutcome::Voicemail
                         : TouchOutcome::Connected;
    case TouchChannel::LinkedIn:
        return roll < 30 ? TouchOutcome::Accepted : TouchOutcome::Sent;
    case TouchChannel::Sms:
    case TouchChannel::Meeting:
    case TouchChannel::Note:
        break;
    }
    return TouchOutcome::Sent;
}

// How hard the reps work, from the touches asked for per prospect. Replies end
// sequences, so no budget makes the average sequence much longer than a dozen
// touches: when more are asked for, replies get rarer and touches come faster.
struct Pace
{
    explicit Pace(double touchesPerProspect)
        : replyScale(std::min(1.0, 12.0 / std::max(1.0, touchesPerProspect)))
        , touchesPerWeek(std::max(1.0, touchesPerProspect / 10.0))
    {
    }
    double replyScale;
    double touchesPerWeek;
};

// The chance that an outbound touch makes the prospect ask to hear no more.
double optOutChance(TouchOutcome outcome)
{
    return outcome == TouchOutcome::Bounced ? 0.0 : 0.004;
}

// Plans up to `budget` touches; fewer only when an answer ends the sequence and
// `mayEndEarly` (the last prospect must use its whole budget, so totals are exact).
// With a cadence, the first outbound touches do its steps in order, on the step's
// channel where the prospect can be reached on it, until an email bounces (which
// pauses the cadence) or the steps run out; the rep goes on by hand after that.
void planTouches(Random &random, qint64 created, qint64 now, int budget, bool mayEndEarly,
    const Pace &pace, const Contact &contact, const Cadence *cadence,
    std::vector<PlannedTouch> *touches)
{
    touches->clear();
    if (budget <= 0)
        return;
    // A new lead is usually contacted within two days, often within the hour.
    qint64 cursor = created + 5 * minuteMs + random.below(random.chance(0.3) ? hourMs : 2 * dayMs);
    qint64 previous = created;
    bool emailBounced = false;
    int steps = cadence ? int(cadence->steps.size()) : 0;
    for (int number = 1; int(touches->size()) < budget; ++number) {
        const int step = number <= steps ? number : 0;
        TouchChannel channel = step ? cadence->steps.at(step - 1).channel : TouchChannel::Email;
        if (!step || !canUse(channel, contact, emailBounced))
            channel = pickChannel(random, number, contact, emailBounced);
        const TouchOutcome outcome = pickOutcome(random, channel);
        emailBounced = emailBounced || outcome == TouchOutcome::Bounced;
        if (emailBounced)
            steps = 0;
        const qint64 at = std::max(workingTime(random, cursor), previous + minuteMs);
        const char *note = outcome == TouchOutcome::Connected ? random.pick(connectedNotes) : "";
        touches->push_back({channel, TouchDirection::Out, outcome, at, number, note, step});
        previous = at;
        // Cadences space touches out: a few days early on, up to two weeks later. Counted
        // from the start of the day, so that each touch's time of day is drawn afresh.
        const int gapDays = number < 3 ? 2 + random.below(3) : 3 + random.below(9);
        cursor = at - at % dayMs + qint64(double(gapDays * dayMs) / pace.touchesPerWeek);

        const int used = int(touches->size());
        const bool answerFits = used < budget && (mayEndEarly || used + 1 == budget);
        if (!answerFits)
            continue;
        const bool replies = random.chance(pace.replyScale * replyChance(number, channel, outcome));
        if (!replies && !random.chance(pace.replyScale * optOutChance(outcome)))
            continue;
        // An answer comes on the channel of the touch it answers (a call back for a call).
        const qint64 answerAt = at + 20 * minuteMs + random.below(3 * dayMs);
        if (!replies) {
            touches->push_back(
                {channel, TouchDirection::In, TouchOutcome::OptedOut, answerAt, 0, optOutNote, 0});
            break;
        }
        touches->push_back({channel, TouchDirection::In, TouchOutcome::Replied, answerAt, 0,
            random.pick(replyNotes), 0});
        const bool meetingFits = used + 1 < budget && (mayEndEarly || used + 2 == budget);
        if (meetingFits && random.chance(0.35))
            touches->push_back({TouchChannel::Meeting, TouchDirection::In,
                TouchOutcome::MeetingBooked, answerAt + 10 * minuteMs + random.below(2 * dayMs), 0,
                "Booked through the scheduling link.", 0});
        break;
    }
    // Recent prospects have had less time: squeeze their history into a random part
    // of the time they have had, keeping its order, rather than piling it up at `now`.
    const qint64 last = touches->back().at;
    if (last > now - minuteMs) {
        const qint64 latest
            = created + qint64(double(now - minuteMs - created) * (0.5 + 0.5 * random.real()));
        const double scale = double(latest - created) / double(last - created);
        for (PlannedTouch &touch : *touches)
            touch.at = created + qint64(double(touch.at - created) * scale);
    }
}

// An enrollment as the generator plans it; the cadence engine derives its state,
// next step and due time from it and the touches.
struct PlannedEnrollment
{
    qint64 enrolledAt = 0;
    qint64 stoppedAt = 0;  // 0: not stopped by hand
    qint64 lastStepAt = 0; // the time its last step was done, else enrolledAt
    bool running = false;  // as the engine will find it: no answer, steps left, not stopped
};

PlannedEnrollment planEnrollment(Random &random, qint64 created, qint64 now, const Cadence &cadence,
    const std::vector<PlannedTouch> &touches)
{
    PlannedEnrollment plan;
    // Enrolled shortly before the first step was done, or soon after being added.
    plan.enrolledAt = touches.empty()
        ? created + random.below(std::min(hourMs, now - created))
        : std::max(created, touches.front().at - minuteMs - random.below(30 * minuteMs));
    plan.lastStepAt = plan.enrolledAt;
    int stepsDone = 0;
    bool answered = false;
    for (const PlannedTouch &touch : touches) {
        if (touch.step) {
            ++stepsDone;
            plan.lastStepAt = touch.at;
        }
        answered = answered || touch.direction == TouchDirection::In;
    }
    plan.running = !answered && stepsDone < cadence.steps.size();
    const qint64 lastActivity = touches.empty() ? plan.enrolledAt : touches.back().at;
    if (plan.running && lastActivity < now - staleAfter) {
        plan.stoppedAt = lastActivity + staleAfter + random.below(now - lastActivity - staleAfter);
        plan.running = false;
    }
    return plan;
}

// Restores the page cache size when generation ends, however it ends.
class CacheSizeGuard
{
public:
    explicit CacheSizeGuard(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA cache_size")) && query.next())
            m_previous = query.value(0);
        // 128 MiB keeps the indexes of a million touches in memory while they grow.
        query.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    }
    ~CacheSizeGuard()
    {
        if (m_previous.isValid()) {
            QSqlQuery query(m_db);
            query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous.toLongLong()));
        }
    }
    CacheSizeGuard(const CacheSizeGuard &) = delete;
    CacheSizeGuard &operator=(const CacheSizeGuard &) = delete;

private:
    QSqlDatabase m_db;
    QVariant m_previous;
};

// How many touches a prospect of this age gets relative to an old one: one added
// last week has not been through a whole cadence yet. `cadenceDays` is about how
// long the average prospect's touches take, a week per touch.
double ageWeight(qint64 ageMs, double cadenceDays)
{
    return std::clamp(double(ageMs) / (cadenceDays * double(dayMs)), 0.02, 1.0);
}

} // namespace

DataGenerator::DataGenerator(Database &db)
    : m_db(db)
{
}

bool DataGenerator::validate(const GeneratorOptions &options, Error *error)
{
    if (options.prospects < 0 || options.touches < 0)
        return fail(error, Error::Kind::Invalid,
            tr("The numbers of prospects and touches cannot be negative."));
    if (options.touches > 0 && options.prospects == 0)
        return fail(
            error, Error::Kind::Invalid, tr("Touches need prospects: add at least one prospect."));
    if (qint64(options.touches) > qint64(options.prospects) * maxTouchesPerProspect)
        return fail(error, Error::Kind::Invalid,
            tr("At most %1 touches per prospect can be generated.").arg(maxTouchesPerProspect));
    if (options.owners < 1 || options.owners > maxOwners)
        return fail(error, Error::Kind::Invalid,
            tr("The number of owners must be between 1 and %1.").arg(maxOwners));
    return true;
}

DataGenerator::Result DataGenerator::generate(
    const GeneratorOptions &options, const Progress &progress, Error *error)
{
    if (!validate(options, error))
        return Result::Failed;
    const qint64 now = (options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc())
                           .toMSecsSinceEpoch();
    const int total = options.prospects;
    Random random(options.seed);

    const QSqlDatabase db = m_db.connection();
    CacheSizeGuard cacheSize(db);
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return Result::Failed;
    auto failed = [&](const QSqlQuery &query, const QString &action) {
        if (error)
            *error = m_db.queryError(query, action);
        return Result::Failed;
    };

    // Owners: existing users with these names are reused.
    QSqlQuery userQuery(db);
    userQuery.prepare(QStringLiteral(
        "INSERT INTO users (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"));
    QSqlQuery findUser(db);
    findUser.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?"));
    std::vector<std::pair<qint64, double>> ownerIds; // id, persistence
    for (int i = 0; i < options.owners; ++i) {
        const QString name = utf8(owners[i].name);
        userQuery.bindValue(0, name);
        userQuery.bindValue(1, now - 400 * dayMs);
        if (!userQuery.exec())
            return failed(userQuery, tr("adding the demo users"));
        findUser.bindValue(0, name);
        if (!findUser.exec() || !findUser.next())
            return failed(findUser, tr("adding the demo users"));
        ownerIds.emplace_back(findUser.value(0).toLongLong(), owners[i].persistence);
        findUser.finish();
    }

    QSqlQuery prospectQuery(db);
    prospectQuery.prepare(QStringLiteral(
        "INSERT INTO prospects (id, first_name, last_name, company, title, email, phone, "
        "linkedin_url, owner_id, status, created_at, updated_at, last_touch_at, touch_count, "
        "email_bounced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery touchQuery(db);
    touchQuery.prepare(QStringLiteral(
        "INSERT INTO touches (prospect_id, channel, direction, outcome, occurred_at, "
        "touch_number, notes, author_id, enrollment_id, step_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // Enrollments start as enroll() stores them; the engine derives them in batches.
    QSqlQuery enrollmentQuery(db);
    enrollmentQuery.prepare(QStringLiteral(
        "INSERT INTO enrollments (prospect_id, cadence_id, state, next_position, enrolled_at, "
        "updated_at, enrolled_by, stopped_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"));
    QSqlQuery eventQuery(db);
    eventQuery.prepare(QStringLiteral(
        "INSERT INTO prospect_events (prospect_id, kind, occurred_at, author_id, detail, "
        "enrollment_id) VALUES (?, ?, ?, ?, ?, ?)"));
    // The refresh stamps what it derives with the wall clock; generated rows are dated
    // by the history instead (ended, or changed by their last step), so that a seed
    // gives the same rows.
    QSqlQuery stampQuery(db);
    stampQuery.prepare(
        QStringLiteral("UPDATE enrollments SET updated_at = coalesce(ended_at, ?) WHERE id = ?"));

    // Prospects are enrolled in the file's cadences that can take them.
    QList<Cadence> cadences;
    if (!CadenceRepository(m_db).list(&cadences, error))
        return Result::Failed;
    cadences.erase(
        std::remove_if(cadences.begin(), cadences.end(),
            [](const Cadence &cadence) { return cadence.archived || cadence.steps.isEmpty(); }),
        cadences.end());

    // The keys as bound values, made once instead of once per row.
    std::vector<QVariant> channelValues(std::size_t(allChannels().size()));
    for (TouchChannel channel : allChannels())
        channelValues[std::size_t(channel)] = channelKey(channel);
    std::vector<QVariant> outcomeValues(std::size_t(allOutcomes().size()));
    for (TouchOutcome outcome : allOutcomes())
        outcomeValues[std::size_t(outcome)] = outcomeKey(outcome);
    const QVariant directionValues[]
        = {directionKey(TouchDirection::Out), directionKey(TouchDirection::In)};
    const QVariant activeValue = enrollmentStateKey(EnrollmentState::Active);
    const QVariant enrolledValue = eventKindKey(ProspectEventKind::Enrolled);
    const QVariant unenrolledValue = eventKindKey(ProspectEventKind::Unenrolled);
    const QVariant doNotContactValue = eventKindKey(ProspectEventKind::DoNotContactSet);
    const QVariant nullNumber(QMetaType::fromType<qint64>());
    // Text columns are NOT NULL: an empty text must be bound as "", never as a null QString.
    const QVariant emptyNote {QStringLiteral("")};

    // Prospects are created evenly over the past year, and planned newest first: the
    // touches a prospect could not take (its sequence ended with a reply, or it is too
    // new for more) move on to older prospects, who have had time for them. Ids are
    // given explicitly so that they still follow age.
    QSqlQuery idQuery(db);
    if (!idQuery.exec(QStringLiteral(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'prospects'), 0), "
            "coalesce((SELECT max(id) FROM prospects), 0))"))
        || !idQuery.next())
        return failed(idQuery, tr("adding demo prospects"));
    const qint64 lastUsedId = idQuery.value(0).toLongLong();
    idQuery.finish();

    const qint64 firstCreated = now - yearMs;
    const qint64 createdSpan = yearMs - hourMs;
    const qint64 step = total > 0 ? std::max<qint64>(1, createdSpan / total) : 1;
    // Position 0 is the oldest prospect.
    auto nominalCreated = [&](int position) {
        return firstCreated + qint64(double(createdSpan) * position / total);
    };
    const double perProspect = double(options.touches) / std::max(1, options.prospects);
    const double cadenceDays = std::clamp(7.0 * perProspect, 7.0, 300.0);
    const Pace pace(perProspect);
    double remainingWeight = 0;
    for (int position = 0; position < total; ++position)
        remainingWeight += ageWeight(now - nominalCreated(position), cadenceDays);

    const int companyPool = std::max(1, total / 3);
    qint64 remainingTouches = options.touches;
    double allocated = 0;
    double realized = 0;
    std::vector<PlannedTouch> touches;

    auto addEvent = [&](qint64 prospectId, const QVariant &kind, qint64 at, qint64 authorId,
                        const QString &detail, const QVariant &enrollmentId) {
        eventQuery.bindValue(0, prospectId);
        eventQuery.bindValue(1, kind);
        eventQuery.bindValue(2, at);
        eventQuery.bindValue(3, authorId);
        eventQuery.bindValue(4, detail);
        eventQuery.bindValue(5, enrollmentId);
        return eventQuery.exec();
    };
    // Enrollments waiting for the engine: prospect id, enrollment id, last step time.
    struct Pending
    {
        qint64 prospectId;
        qint64 enrollmentId;
        qint64 lastStepAt;
    };
    std::vector<Pending> pending;
    auto derivePending = [&] {
        QList<qint64> prospectIds;
        prospectIds.reserve(qsizetype(pending.size()));
        for (const Pending &item : pending)
            prospectIds.append(item.prospectId);
        if (!EnrollmentRepository::refreshProspects(m_db, prospectIds, error))
            return false;
        for (const Pending &item : pending) {
            stampQuery.bindValue(0, item.lastStepAt);
            stampQuery.bindValue(1, item.enrollmentId);
            if (!stampQuery.exec()) {
                failed(stampQuery, tr("adding demo enrollments"));
                return false;
            }
        }
        pending.clear();
        return true;
    };
    for (int i = 0; i < total; ++i) {
        if (i % progressInterval == 0 && progress && !progress(i, total))
            return Result::Cancelled; // the transaction rolls back
        const int position = total - 1 - i;
        const qint64 created = nominalCreated(position) + random.below(step);
        const double weight = ageWeight(now - nominalCreated(position), cadenceDays);
        const auto &[ownerId, persistence] = ownerIds[random.below(quint64(ownerIds.size()))];

        const QString first = utf8(random.pick(firstNames));
        const QString last = utf8(random.pick(lastNames));
        const Company company = makeCompany(options.seed, random.below(companyPool));
        const QString email = makeEmail(random, first, last, company.domain);
        const Contact contact {random.chance(0.85), random.chance(0.8)};
        const QString phone = contact.hasPhone ? makePhone(random) : QStringLiteral("");
        const QString linkedIn
            = contact.hasLinkedIn ? makeLinkedIn(random, first, last) : QStringLiteral("");
        const QString title = utf8(random.pick(titles));
        const Cadence *cadence = !cadences.isEmpty() && random.chance(enrollChance)
            ? &cadences.at(random.below(int(cadences.size())))
            : nullptr;

        // This prospect's share of the touches still to place. The oldest, planned
        // last, takes exactly what is left, so that the total is exact.
        const bool lastProspect = i == total - 1;
        int budget = int(remainingTouches);
        if (!lastProspect) {
            // Replies end some sequences early; asking for more by the share of a
            // budget used so far keeps the leftover small instead of letting it grow.
            const double used = (realized + 0.7 * 100) / (allocated + 100);
            const double expected = double(remainingTouches) * weight / remainingWeight / used
                * persistence * (0.2 + 1.6 * random.real());
            budget = int(std::floor(expected));
            budget += random.chance(expected - budget) ? 1 : 0;
            // No more touches than fit in the prospect's time so far at the reps' pace.
            const qint64 fits
                = 1 + qint64(double(now - created) * pace.touchesPerWeek / double(7 * dayMs));
            budget = int(std::min<qint64>({budget, fits, remainingTouches, maxTouchesPerProspect}));
        }
        remainingWeight -= weight;
        planTouches(random, created, now, budget, !lastProspect, pace, contact, cadence, &touches);
        remainingTouches -= qint64(touches.size());
        allocated += budget;
        realized += double(touches.size());

        const PlannedEnrollment enrollment = cadence
            ? planEnrollment(random, created, now, *cadence, touches)
            : PlannedEnrollment();
        int outbound = 0;
        bool emailBounced = false; // as TouchRepository flags the address
        // What the touches made of the prospect; without an answer, it is in_cadence
        // while its cadence runs, as the app keeps it.
        ProspectStatus status
            = enrollment.running ? ProspectStatus::InCadence : ProspectStatus::New;
        for (const PlannedTouch &touch : touches) {
            emailBounced = emailBounced || touch.outcome == TouchOutcome::Bounced;
            if (isNumbered(touch.channel, touch.direction))
                ++outbound;
            else if (touch.outcome == TouchOutcome::OptedOut)
                status = ProspectStatus::DoNotContact;
            else if (touch.outcome == TouchOutcome::MeetingBooked)
                status = ProspectStatus::MeetingBooked;
            else if (status != ProspectStatus::MeetingBooked)
                status = ProspectStatus::Replied;
        }
        const QVariant lastTouch = touches.empty() ? nullNumber : QVariant(touches.back().at);

        const qint64 prospectId = lastUsedId + 1 + position;
        prospectQuery.bindValue(0, prospectId);
        prospectQuery.bindValue(1, first);
        prospectQuery.bindValue(2, last);
        prospectQuery.bindValue(3, company.name);
        prospectQuery.bindValue(4, title);
        prospectQuery.bindValue(5, email);
        prospectQuery.bindValue(6, phone);
        prospectQuery.bindValue(7, linkedIn);
        prospectQuery.bindValue(8, ownerId);
        prospectQuery.bindValue(9, statusKey(status));
        prospectQuery.bindValue(10, created);
        prospectQuery.bindValue(11, touches.empty() ? created : touches.back().at);
        prospectQuery.bindValue(12, lastTouch);
        prospectQuery.bindValue(13, outbound);
        prospectQuery.bindValue(14, emailBounced ? 1 : 0);
        if (!prospectQuery.exec())
            return failed(prospectQuery, tr("adding demo prospects"));

        QVariant enrollmentId = nullNumber;
        if (cadence) {
            enrollmentQuery.bindValue(0, prospectId);
            enrollmentQuery.bindValue(1, cadence->id);
            enrollmentQuery.bindValue(2, activeValue);
            enrollmentQuery.bindValue(3, enrollment.enrolledAt);
            enrollmentQuery.bindValue(4, enrollment.enrolledAt);
            enrollmentQuery.bindValue(5, ownerId);
            enrollmentQuery.bindValue(
                6, enrollment.stoppedAt ? QVariant(enrollment.stoppedAt) : nullNumber);
            if (!enrollmentQuery.exec())
                return failed(enrollmentQuery, tr("adding demo enrollments"));
            enrollmentId = enrollmentQuery.lastInsertId();
            if (!addEvent(prospectId, enrolledValue, enrollment.enrolledAt, ownerId, cadence->name,
                    enrollmentId)
                || (enrollment.stoppedAt
                    && !addEvent(prospectId, unenrolledValue, enrollment.stoppedAt, ownerId,
                        cadence->name, enrollmentId)))
                return failed(eventQuery, tr("adding demo enrollments"));
            pending.push_back({prospectId, enrollmentId.toLongLong(), enrollment.lastStepAt});
        }

        for (const PlannedTouch &touch : touches) {
            touchQuery.bindValue(0, prospectId);
            touchQuery.bindValue(1, channelValues[std::size_t(touch.channel)]);
            touchQuery.bindValue(2, directionValues[int(touch.direction)]);
            touchQuery.bindValue(3, outcomeValues[std::size_t(touch.outcome)]);
            touchQuery.bindValue(4, touch.at);
            touchQuery.bindValue(5, touch.number ? QVariant(touch.number) : nullNumber);
            touchQuery.bindValue(6, *touch.note ? QVariant(utf8(touch.note)) : emptyNote);
            touchQuery.bindValue(7, ownerId);
            touchQuery.bindValue(8, touch.step ? enrollmentId : nullNumber);
            touchQuery.bindValue(
                9, touch.step ? QVariant(cadence->steps.at(touch.step - 1).id) : nullNumber);
            touchQuery.bindValue(10, touch.at);
            if (!touchQuery.exec())
                return failed(touchQuery, tr("adding demo touches"));
            // As TouchRepository records an opt-out, for the timeline and the engine.
            if (touch.outcome == TouchOutcome::OptedOut
                && !addEvent(prospectId, doNotContactValue, touch.at, ownerId,
                    channelKey(touch.channel), nullNumber))
                return failed(eventQuery, tr("adding demo touches"));
        }
        if (int(pending.size()) >= refreshBatch && !derivePending())
            return Result::Failed;
    }
    if (!derivePending())
        return Result::Failed;
    if (progress && !progress(total, total))
        return Result::Cancelled;
    if (!transaction.commit(error))
        return Result::Failed;
    m_db.notifyChanged(Database::Table::Users | Database::Table::Prospects
        | Database::Table::Touches | Database::Table::Enrollments);
    return Result::Finished;
}

} // namespace Touchline
