// The rules for the values a user types into a prospect, and the status keys
// that the file and the CLI store: domain/Prospect.h, no database involved.

#include "TestData.h"
#include "domain/Prospect.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;
using Touchline::Test::makeProspect;

namespace {

// A prospect that passes validation, so that each row tests one field alone.
Prospect namedProspect()
{
    Prospect prospect;
    prospect.firstName = QStringLiteral("Ann");
    return prospect;
}

// A status other than `status`, so that a parse that writes nothing is noticed.
ProspectStatus otherThan(ProspectStatus status)
{
    return status == ProspectStatus::New ? ProspectStatus::Lost : ProspectStatus::New;
}

QList<ProspectField> fieldsWithErrors(const QList<FieldError> &errors)
{
    QList<ProspectField> fields;
    for (const FieldError &error : errors)
        fields.append(error.field);
    return fields;
}

} // namespace

class TestProspectValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusKeysAreStable_data();
    void statusKeysAreStable();
    void statusKeysRoundTrip();
    void unknownStatusKeysRefused_data();
    void unknownStatusKeysRefused();
    void statusDisplayNamesAreDistinct();

    void email_data();
    void email();
    void phone_data();
    void phone();
    void linkedInUrl_data();
    void linkedInUrl();

    void prospectNeedsAnIdentity_data();
    void prospectNeedsAnIdentity();
    void textFieldsLimitedTo200Characters_data();
    void textFieldsLimitedTo200Characters();
    void everyProblemIsReported();

    void normalizedProspectTrimsText_data();
    void normalizedProspectTrimsText();
    void normalizedProspectKeepsOtherFields();

    void displayName_data();
    void displayName();
};

void TestProspectValidation::statusKeysAreStable_data()
{
    QTest::addColumn<ProspectStatus>("status");
    QTest::addColumn<QString>("key");

    // These strings are in every file ever written and in CLI scripts: never change them.
    QTest::newRow("new") << ProspectStatus::New << QStringLiteral("new");
    QTest::newRow("in cadence") << ProspectStatus::InCadence << QStringLiteral("in_cadence");
    QTest::newRow("replied") << ProspectStatus::Replied << QStringLiteral("replied");
    QTest::newRow("meeting booked")
        << ProspectStatus::MeetingBooked << QStringLiteral("meeting_booked");
    QTest::newRow("won") << ProspectStatus::Won << QStringLiteral("won");
    QTest::newRow("lost") << ProspectStatus::Lost << QStringLiteral("lost");
    QTest::newRow("do not contact")
        << ProspectStatus::DoNotContact << QStringLiteral("do_not_contact");
}

void TestProspectValidation::statusKeysAreStable()
{
    QFETCH(ProspectStatus, status);
    QFETCH(QString, key);

    QCOMPARE(statusKey(status), key);
    ProspectStatus parsed = otherThan(status);
    QVERIFY(statusFromKey(key, &parsed));
    QCOMPARE(parsed, status);
}

void TestProspectValidation::statusKeysRoundTrip()
{
    const QList<ProspectStatus> statuses = allStatuses();
    QCOMPARE(statuses.size(), 7);
    QCOMPARE(statuses.first(), ProspectStatus::New);
    QCOMPARE(statuses.last(), ProspectStatus::DoNotContact);

    QSet<QString> keys;
    for (ProspectStatus status : statuses) {
        const QString key = statusKey(status);
        QVERIFY(!key.isEmpty());
        keys.insert(key);
        ProspectStatus parsed = otherThan(status);
        QVERIFY2(statusFromKey(key, &parsed), qPrintable(key));
        QCOMPARE(parsed, status);
    }
    QCOMPARE(keys.size(), statuses.size());
}

void TestProspectValidation::unknownStatusKeysRefused_data()
{
    QTest::addColumn<QString>("key");

    QTest::newRow("empty") << QString();
    QTest::newRow("display name") << QStringLiteral("In cadence");
    QTest::newRow("capitalised") << QStringLiteral("New");
    QTest::newRow("upper case") << QStringLiteral("WON");
    QTest::newRow("leading space") << QStringLiteral(" new");
    QTest::newRow("trailing space") << QStringLiteral("new ");
    QTest::newRow("hyphen instead of underscore") << QStringLiteral("do-not-contact");
    QTest::newRow("enum value") << QStringLiteral("0");
    QTest::newRow("unknown word") << QStringLiteral("archived");
}

void TestProspectValidation::unknownStatusKeysRefused()
{
    QFETCH(QString, key);

    ProspectStatus status = ProspectStatus::MeetingBooked;
    QVERIFY(!statusFromKey(key, &status));
    QCOMPARE(status, ProspectStatus::MeetingBooked); // left alone on failure
}

void TestProspectValidation::statusDisplayNamesAreDistinct()
{
    QSet<QString> names;
    for (ProspectStatus status : allStatuses()) {
        const QString name = statusDisplayName(status);
        QVERIFY(!name.isEmpty());
        names.insert(name);
    }
    QCOMPARE(names.size(), allStatuses().size());
    QCOMPARE(statusDisplayName(ProspectStatus::InCadence), QStringLiteral("In cadence"));
}

void TestProspectValidation::email_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << QStringLiteral("ann@example.com") << true;
    QTest::newRow("dotted local part and subdomains")
        << QStringLiteral("ann.smith@mail.example.co.uk") << true;
    QTest::newRow("plus tag") << QStringLiteral("ann+crm@example.com") << true;
    QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie") << true;
    QTest::newRow("digits only local part") << QStringLiteral("42@example.com") << true;
    QTest::newRow("non-ASCII") << QStringLiteral("jürgen@müller.de") << true;
    QTest::newRow("surrounding white space") << QStringLiteral("  ann@example.com\t") << true;
    QTest::newRow("empty: no email") << QString() << true;
    QTest::newRow("blank: no email") << QStringLiteral("   ") << true;

    QTest::newRow("no at sign") << QStringLiteral("ann.example.com") << false;
    QTest::newRow("no local part") << QStringLiteral("@example.com") << false;
    QTest::newRow("no domain") << QStringLiteral("ann@") << false;
    QTest::newRow("dotless domain") << QStringLiteral("ann@localhost") << false;
    QTest::newRow("two at signs") << QStringLiteral("ann@@example.com") << false;
    QTest::newRow("at sign in domain") << QStringLiteral("ann@b@example.com") << false;
    QTest::newRow("space inside") << QStringLiteral("ann smith@example.com") << false;
    QTest::newRow("domain starts with a dot") << QStringLiteral("ann@.example.com") << false;
    QTest::newRow("empty domain label") << QStringLiteral("ann@example..com") << false;
    QTest::newRow("trailing dot") << QStringLiteral("ann@example.com.") << false;
    QTest::newRow("display name form") << QStringLiteral("Ann <ann@example.com>") << false;
    QTest::newRow("two addresses") << QStringLiteral("ann@example.com, bob@example.com") << false;
    QTest::newRow("two addresses without space")
        << QStringLiteral("ann@example.com,bob@example.com") << false;
    QTest::newRow("line break inside")
        << QStringLiteral("ann@example.com\nbob@example.com") << false;
    QTest::newRow("just a word") << QStringLiteral("ann") << false;
}

void TestProspectValidation::email()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);

    Prospect prospect = namedProspect();
    prospect.email = email;
    const QList<FieldError> errors = validateProspect(prospect);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(fieldsWithErrors(errors), QList<ProspectField> {ProspectField::Email});
    QVERIFY2(errors.first().message.contains(email.trimmed()), qPrintable(errors.first().message));
}

void TestProspectValidation::phone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("valid");

    QTest::newRow("international") << QStringLiteral("+49 30 1234567") << true;
    QTest::newRow("trunk prefix in brackets") << QStringLiteral("+49 (0) 30 1234567") << true;
    QTest::newRow("US style") << QStringLiteral("(555) 123-4567") << true;
    QTest::newRow("slash") << QStringLiteral("030/123 456") << true;
    QTest::newRow("dots") << QStringLiteral("555.123.4567") << true;
    QTest::newRow("three digits") << QStringLiteral("112") << true;
    QTest::newRow("surrounding white space") << QStringLiteral(" +1 555 0100 ") << true;
    QTest::newRow("30 characters") << QStringLiteral("555 0100 555 0100 555 0100 555") << true;
    QTest::newRow("30 characters after a plus")
        << QStringLiteral("+555 0100 555 0100 555 0100 555") << true;
    QTest::newRow("empty: no phone") << QString() << true;

    QTest::newRow("two digits") << QStringLiteral("12") << false;
    QTest::newRow("only punctuation") << QStringLiteral("(((--)))") << false;
    QTest::newRow("only a plus") << QStringLiteral("+") << false;
    QTest::newRow("letters") << QStringLiteral("abc") << false;
    QTest::newRow("vanity number") << QStringLiteral("555-CALL-NOW") << false;
    QTest::newRow("extension") << QStringLiteral("555 0100 ext 12") << false;
    QTest::newRow("label") << QStringLiteral("tel: 555 0100") << false;
    QTest::newRow("two plus signs") << QStringLiteral("++49 30 1234567") << false;
    QTest::newRow("plus in the middle") << QStringLiteral("49+30 1234567") << false;
    QTest::newRow("line break inside") << QStringLiteral("555\n0100") << false;
    QTest::newRow("31 characters") << QStringLiteral("555 0100 555 0100 555 0100 5555") << false;
    QTest::newRow("31 characters after a plus")
        << QStringLiteral("+555 0100 555 0100 555 0100 5555") << false;
}

void TestProspectValidation::phone()
{
    QFETCH(QString, phone);
    QFETCH(bool, valid);

    Prospect prospect = namedProspect();
    prospect.phone = phone;
    const QList<FieldError> errors = validateProspect(prospect);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(fieldsWithErrors(errors), QList<ProspectField> {ProspectField::Phone});
    QVERIFY2(errors.first().message.contains(phone.trimmed()), qPrintable(errors.first().message));
}

void TestProspectValidation::linkedInUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");

    QTest::newRow("https profile")
        << QStringLiteral("https://www.linkedin.com/in/ann-smith") << true;
    QTest::newRow("http") << QStringLiteral("http://linkedin.com/in/ann") << true;
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://WWW.LINKEDIN.COM/in/ann") << true;
    QTest::newRow("query string") << QStringLiteral("https://www.linkedin.com/in/ann?trk=x")
                                  << true;
    QTest::newRow("percent-encoded path")
        << QStringLiteral("https://www.linkedin.com/in/j%C3%BCrgen") << true;
    QTest::newRow("surrounding white space")
        << QStringLiteral("  https://www.linkedin.com/in/ann \n") << true;
    QTest::newRow("empty: no profile") << QString() << true;

    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("javascript, mixed case")
        << QStringLiteral("JavaScript:alert(document.cookie)") << false;
    QTest::newRow("javascript with a host")
        << QStringLiteral("javascript://www.linkedin.com/%0Aalert(1)") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://linkedin.com/in/ann") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("mailto") << QStringLiteral("mailto:ann@example.com") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>") << false;
    QTest::newRow("no scheme") << QStringLiteral("linkedin.com/in/ann") << false;
    QTest::newRow("www without scheme") << QStringLiteral("www.linkedin.com/in/ann") << false;
    QTest::newRow("scheme-relative") << QStringLiteral("//www.linkedin.com/in/ann") << false;
    QTest::newRow("bare text") << QStringLiteral("Ann Smith") << false;
    QTest::newRow("scheme only") << QStringLiteral("https://") << false;
    QTest::newRow("no host") << QStringLiteral("https:///in/ann") << false;
    QTest::newRow("space in host") << QStringLiteral("https://www.linked in.com/in/ann") << false;
}

void TestProspectValidation::linkedInUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);

    Prospect prospect = namedProspect();
    prospect.linkedInUrl = url;
    const QList<FieldError> errors = validateProspect(prospect);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(fieldsWithErrors(errors), QList<ProspectField> {ProspectField::LinkedInUrl});
    QVERIFY2(errors.first().message.contains(url.trimmed()), qPrintable(errors.first().message));
}

void TestProspectValidation::prospectNeedsAnIdentity_data()
{
    QTest::addColumn<Prospect>("prospect");
    QTest::addColumn<bool>("valid");

    Prospect p;
    QTest::newRow("empty") << p << false;
    p.firstName = QStringLiteral("  ");
    p.lastName = QStringLiteral("\t");
    p.company = QStringLiteral("\n");
    p.email = QStringLiteral(" ");
    QTest::newRow("only white space") << p << false;

    p = Prospect();
    p.phone = QStringLiteral("+1 555 0100");
    QTest::newRow("phone only") << p << false;
    p = Prospect();
    p.title = QStringLiteral("CTO");
    QTest::newRow("title only") << p << false;
    p = Prospect();
    p.linkedInUrl = QStringLiteral("https://www.linkedin.com/in/ann");
    QTest::newRow("LinkedIn only") << p << false;
    p = Prospect();
    p.ownerId = 1;
    p.status = ProspectStatus::Replied;
    QTest::newRow("owner and status only") << p << false;

    p = Prospect();
    p.firstName = QStringLiteral("Ann");
    QTest::newRow("first name") << p << true;
    p = Prospect();
    p.lastName = QStringLiteral("Smith");
    QTest::newRow("last name") << p << true;
    p = Prospect();
    p.company = QStringLiteral("Acme");
    QTest::newRow("company") << p << true;
    p = Prospect();
    p.email = QStringLiteral("ann@example.com");
    QTest::newRow("email") << p << true;
}

void TestProspectValidation::prospectNeedsAnIdentity()
{
    QFETCH(Prospect, prospect);
    QFETCH(bool, valid);

    const QList<FieldError> errors = validateProspect(prospect);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, ProspectField::FirstName);
    QVERIFY(!errors.first().message.isEmpty());
}

void TestProspectValidation::textFieldsLimitedTo200Characters_data()
{
    QTest::addColumn<ProspectField>("field");
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("valid");

    const std::pair<ProspectField, const char *> fields[] = {
        {ProspectField::FirstName, "first name"},
        {ProspectField::LastName, "last name"},
        {ProspectField::Company, "company"},
        {ProspectField::Title, "title"},
    };
    for (const auto &[field, name] : fields) {
        QTest::addRow("%s, 1", name) << field << 1 << true;
        QTest::addRow("%s, 200", name) << field << 200 << true;
        QTest::addRow("%s, 201", name) << field << 201 << false;
        QTest::addRow("%s, 5000", name) << field << 5000 << false;
    }
}

void TestProspectValidation::textFieldsLimitedTo200Characters()
{
    QFETCH(ProspectField, field);
    QFETCH(int, length);
    QFETCH(bool, valid);

    Prospect prospect;
    prospect.email = QStringLiteral("ann@example.com"); // an identity besides the field
    const QString text(length, QLatin1Char('x'));
    switch (field) {
    case ProspectField::FirstName:
        prospect.firstName = text;
        break;
    case ProspectField::LastName:
        prospect.lastName = text;
        break;
    case ProspectField::Company:
        prospect.company = text;
        break;
    case ProspectField::Title:
        prospect.title = text;
        break;
    default:
        QFAIL("no such row");
    }
    const QList<FieldError> errors = validateProspect(prospect);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        return;
    }
    QCOMPARE(fieldsWithErrors(errors), QList<ProspectField> {field});
    QVERIFY(errors.first().message.contains(QLatin1String("200")));
}

void TestProspectValidation::everyProblemIsReported()
{
    Prospect prospect;
    prospect.email = QStringLiteral("not an email");
    prospect.phone = QStringLiteral("call me");
    prospect.linkedInUrl = QStringLiteral("javascript:alert(1)");
    prospect.title = QString(201, QLatin1Char('t'));

    // The bad email does not count as an identity, and every field gets its own error.
    QCOMPARE(fieldsWithErrors(validateProspect(prospect)),
        (QList<ProspectField> {ProspectField::Email, ProspectField::Phone,
            ProspectField::LinkedInUrl, ProspectField::Title}));
}

void TestProspectValidation::normalizedProspectTrimsText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("spaces") << QStringLiteral("  Ann  ") << QStringLiteral("Ann");
    QTest::newRow("tabs and line breaks") << QStringLiteral("\t\nAnn\r\n") << QStringLiteral("Ann");
    QTest::newRow("inner spaces kept")
        << QStringLiteral(" Ann  Marie ") << QStringLiteral("Ann  Marie");
    QTest::newRow("blank becomes empty") << QStringLiteral(" \t ") << QString();
    QTest::newRow("already trimmed") << QStringLiteral("Ann") << QStringLiteral("Ann");
}

void TestProspectValidation::normalizedProspectTrimsText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    Prospect prospect;
    for (QString *text : {&prospect.firstName, &prospect.lastName, &prospect.company,
             &prospect.title, &prospect.email, &prospect.phone, &prospect.linkedInUrl})
        *text = input;

    const Prospect normalized = normalizedProspect(prospect);
    QCOMPARE(normalized.firstName, expected);
    QCOMPARE(normalized.lastName, expected);
    QCOMPARE(normalized.company, expected);
    QCOMPARE(normalized.title, expected);
    QCOMPARE(normalized.email, expected);
    QCOMPARE(normalized.phone, expected);
    QCOMPARE(normalized.linkedInUrl, expected);
}

void TestProspectValidation::normalizedProspectKeepsOtherFields()
{
    Prospect prospect;
    prospect.id = 42;
    prospect.firstName = QStringLiteral(" Ann ");
    prospect.ownerId = 7;
    prospect.ownerName = QStringLiteral(" Bob ");
    prospect.status = ProspectStatus::MeetingBooked;
    prospect.createdAt = QDateTime(QDate(2024, 5, 1), QTime(9, 30), QTimeZone::utc());
    prospect.lastTouchAt = QDateTime(QDate(2024, 5, 2), QTime(10, 0), QTimeZone::utc());
    prospect.nextDueAt = QDateTime(QDate(2024, 5, 9), QTime(8, 0), QTimeZone::utc());
    prospect.touchCount = 3;
    prospect.rowVersion = 5;

    Prospect expected = prospect;
    expected.firstName = QStringLiteral("Ann");
    const Prospect normalized = normalizedProspect(prospect);
    QCOMPARE(normalized, expected);
    QCOMPARE(normalized.ownerName, prospect.ownerName); // read-only, not a form field
}

void TestProspectValidation::displayName_data()
{
    QTest::addColumn<Prospect>("prospect");
    QTest::addColumn<QString>("expected");

    QTest::newRow("first and last name") << makeProspect(QStringLiteral("Ann"),
        QStringLiteral("Smith")) << QStringLiteral("Ann Smith");
    QTest::newRow("last name only")
        << makeProspect({}, QStringLiteral("Smith")) << QStringLiteral("Smith");
    QTest::newRow("email when no name") << makeProspect({}, {}, QStringLiteral("Acme"),
        QStringLiteral("ann@acme.com")) << QStringLiteral("ann@acme.com");
    QTest::newRow("company when no name or email")
        << makeProspect({}, {}, QStringLiteral("Acme")) << QStringLiteral("Acme");
}

void TestProspectValidation::displayName()
{
    QFETCH(Prospect, prospect);
    QFETCH(QString, expected);

    QCOMPARE(prospect.displayName(), expected);
}

QTEST_GUILESS_MAIN(TestProspectValidation)
#include "tst_prospectvalidation.moc"
