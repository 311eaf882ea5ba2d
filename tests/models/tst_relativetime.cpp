#include "Translations.h"
#include "domain/RelativeTime.h"

#include <QTest>
#include <QTimeZone>

using namespace Touchline;

class TestRelativeTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(); }

    void text_data()
    {
        QTest::addColumn<QDateTime>("then");
        QTest::addColumn<QString>("expected");
        const QDateTime now(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc());
        QTest::newRow("same second") << now << "just now";
        QTest::newRow("59 seconds") << now.addSecs(-59) << "just now";
        QTest::newRow("one minute") << now.addSecs(-60) << "1 minute ago";
        QTest::newRow("59 minutes") << now.addSecs(-59 * 60) << "59 minutes ago";
        QTest::newRow("two hours, same day") << now.addSecs(-2 * 3600) << "2 hours ago";
        QTest::newRow("yesterday evening, 17 hours") << now.addSecs(-17 * 3600) << "yesterday";
        QTest::newRow("three days") << now.addDays(-3) << "3 days ago";
        QTest::newRow("28 days") << now.addDays(-28) << "28 days ago";
        QTest::newRow("29 days shows the date")
            << now.addDays(-29) << QLocale().toString(QDate(2026, 2, 9), QLocale::ShortFormat);
        QTest::newRow("future shows the date")
            << now.addDays(2) << QLocale().toString(QDate(2026, 3, 12), QLocale::ShortFormat);
    }

    void text()
    {
        QFETCH(QDateTime, then);
        QFETCH(QString, expected);
        const QDateTime now(QDate(2026, 3, 10), QTime(15, 0), QTimeZone::utc());
        QCOMPARE(relativeTimeText(then, now), expected);
    }

    void daysCountCalendarDaysInTheViewersZone()
    {
        // 23:30 and 00:30 the next day in Paris are one calendar day apart, one hour in time.
        const QTimeZone paris("Europe/Paris");
        QVERIFY(paris.isValid());
        const QDateTime then(QDate(2026, 6, 1), QTime(23, 30), paris);
        const QDateTime now(QDate(2026, 6, 2), QTime(0, 30), paris);
        QCOMPARE(daysBetween(then.toUTC(), now), 1);
        QCOMPARE(daysBetween(then, then.addSecs(60)), 0);
    }
};

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
