#include "domain/ContactLinks.h"

#include <QTest>

using namespace Touchline;

class TestContactLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mailto_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("expected"); // empty: no link
        QTest::newRow("plain") << "ada@acme.example"
                               << ""
                               << "mailto:ada@acme.example";
        QTest::newRow("trimmed") << "  ada@acme.example "
                                 << ""
                                 << "mailto:ada@acme.example";
        QTest::newRow("subject encoded")
            << "ada@acme.example"
            << "Hi & welcome=yes?"
            << "mailto:ada@acme.example?subject=Hi%20%26%20welcome%3Dyes%3F";
        QTest::newRow("no at") << "ada.acme.example"
                               << ""
                               << "";
        QTest::newRow("smuggled header") << "ada@acme.example?bcc=eve@evil.example"
                                         << ""
                                         << "";
        QTest::newRow("space") << "ada @acme.example"
                               << ""
                               << "";
        QTest::newRow("empty") << ""
                               << ""
                               << "";
    }

    void mailto()
    {
        QFETCH(QString, email);
        QFETCH(QString, subject);
        QFETCH(QString, expected);
        const QUrl url = ContactLinks::mailto(email, subject);
        QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
        QCOMPARE(ContactLinks::isSafeToOpen(url), !expected.isEmpty());
    }

    void phone_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("tel");
        QTest::newRow("international") << "+44 20 7946 0000"
                                       << "tel:+442079460000";
        QTest::newRow("punctuation") << "(617) 555-0117"
                                     << "tel:6175550117";
        QTest::newRow("plus only at start") << "1+2+3 4"
                                            << "tel:1234";
        QTest::newRow("too short") << "12"
                                   << "";
        QTest::newRow("letters only") << "call me"
                                      << "";
    }

    void phone()
    {
        QFETCH(QString, phone);
        QFETCH(QString, tel);
        QCOMPARE(ContactLinks::tel(phone).toString(QUrl::FullyEncoded), tel);
        const QUrl sms = ContactLinks::sms(phone, QStringLiteral("Hello there"));
        if (tel.isEmpty()) {
            QVERIFY(!sms.isValid() || sms.isEmpty());
        } else {
            QCOMPARE(sms.scheme(), QStringLiteral("sms"));
            QCOMPARE(sms.path(), tel.mid(4));
            QCOMPARE(sms.query(QUrl::FullyEncoded), QStringLiteral("body=Hello%20there"));
        }
    }

    void web_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://www.linkedin.com/in/ada" << true;
        QTest::newRow("http") << "http://linkedin.com/in/ada" << true;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("no scheme") << "linkedin.com/in/ada" << false;
        QTest::newRow("ftp") << "ftp://example.com/x" << false;
    }

    void web()
    {
        QFETCH(QString, address);
        QFETCH(bool, accepted);
        const QUrl url = ContactLinks::web(address);
        QCOMPARE(!url.isEmpty(), accepted);
        QCOMPARE(ContactLinks::isSafeToOpen(url), accepted);
    }

    void onlyContactSchemesAreSafe_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("safe");
        QTest::newRow("mailto") << "mailto:a@b.example" << true;
        QTest::newRow("tel") << "tel:+123456" << true;
        QTest::newRow("sms") << "sms:+123456" << true;
        QTest::newRow("https") << "https://example.com" << true;
        QTest::newRow("https without host") << "https:relative" << false;
        QTest::newRow("file") << "file:///home" << false;
        QTest::newRow("javascript") << "javascript:void(0)" << false;
        QTest::newRow("smb") << "smb://server/share" << false;
        QTest::newRow("empty") << "" << false;
    }

    void onlyContactSchemesAreSafe()
    {
        QFETCH(QString, url);
        QFETCH(bool, safe);
        QCOMPARE(ContactLinks::isSafeToOpen(QUrl(url)), safe);
    }
};

QTEST_GUILESS_MAIN(TestContactLinks)
#include "tst_contactlinks.moc"
