#include "TestDatabase.h"
#include "TimelineDelegate.h"
#include "Translations.h"
#include "itemmodels/TimelineModel.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QListView>
#include <QMouseEvent>
#include <QTest>
#include <QTimeZone>

using namespace Touchline;

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc6));
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb8, 0xff));
    return palette;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::Link, QColor(0x00, 0x00, 0xee));
    return palette;
}

} // namespace

class TestTimelineDelegate : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_file;
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<QListView> m_view;
    TimelineDelegate *m_delegate = nullptr;

    void log(TouchDirection direction, TouchOutcome outcome, int daysAgo, const QString &notes)
    {
        Touch touch;
        touch.prospectId = 1;
        touch.direction = direction;
        touch.outcome = outcome;
        touch.occurredAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
        touch.notes = notes;
        Error error;
        QVERIFY2(
            TouchRepository(m_file->db()).log(&touch, nullptr, &error), qPrintable(error.message));
    }

    // The colour inside the card of `row`, away from its text.
    QColor cardColor(const QImage &image, int row) const
    {
        const QRect rect = m_view->visualRect(m_model->index(row, 0));
        return image.pixelColor(rect.right() - 12, rect.top() + 10);
    }

private Q_SLOTS:
    void initTestCase() { installTranslations(); }

    void init()
    {
        m_file = std::make_unique<Test::TestDatabase>();
        QVERIFY(m_file->isValid());
        Prospect p;
        p.firstName = QStringLiteral("Ada");
        QVERIFY(ProspectRepository(m_file->db()).add(&p, nullptr));
        log(TouchDirection::Out, TouchOutcome::Sent, 5, QStringLiteral("Intro"));
        QString longNote;
        for (int i = 0; i < 40; ++i)
            longNote += QStringLiteral("A reply with many words to fold. ");
        log(TouchDirection::In, TouchOutcome::Replied, 2, longNote);
        m_model = std::make_unique<TimelineModel>(m_file->db());
        m_model->setProspect(1);
        m_view = std::make_unique<QListView>();
        m_delegate = new TimelineDelegate(m_view.get());
        m_view->setItemDelegate(m_delegate);
        m_view->setModel(m_model.get());
        m_view->resize(420, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        m_file.reset();
    }

    void followsThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void followsThePalette()
    {
        QFETCH(bool, dark);
        m_view->setPalette(dark ? darkPalette() : lightPalette());
        const QImage image = m_view->grab().toImage();
        // Set TOUCHLINE_SCREENSHOTS to a folder to look at what was checked.
        if (qEnvironmentVariableIsSet("TOUCHLINE_SCREENSHOTS"))
            image.save(qEnvironmentVariable("TOUCHLINE_SCREENSHOTS")
                + (dark ? QStringLiteral("/timeline-dark.png")
                        : QStringLiteral("/timeline-light.png")));
        // Row 0 is the reply (newest first), row 1 the outbound email.
        const QColor reply = cardColor(image, 0);
        const QColor outbound = cardColor(image, 1);
        QCOMPARE(reply.lightnessF() < 0.5, dark);
        QCOMPARE(outbound.lightnessF() < 0.5, dark);
        // Replies stand out from outbound touches.
        QVERIFY(reply != outbound);
    }

    void longNotesFoldAndUnfold()
    {
        const QModelIndex reply = m_model->index(0, 0);
        const QModelIndex email = m_model->index(1, 0);
        QStyleOptionViewItem option;
        option.initFrom(m_view.get());
        option.rect = QRect(0, 0, 400, 0);
        const int folded = m_delegate->sizeHint(option, reply).height();
        QVERIFY(!m_delegate->isExpanded(reply));

        // A click below the folded note unfolds it.
        const QRect rect = m_view->visualRect(reply);
        QTest::mouseClick(
            m_view->viewport(), Qt::LeftButton, {}, QPoint(rect.left() + 60, rect.bottom() - 12));
        QVERIFY(m_delegate->isExpanded(reply));
        const int unfolded = m_delegate->sizeHint(option, reply).height();
        QVERIFY2(unfolded > folded + 3 * m_view->fontMetrics().lineSpacing(),
            qPrintable(QStringLiteral("%1 vs %2").arg(unfolded).arg(folded)));

        // A short note has nothing to unfold.
        const int emailHeight = m_delegate->sizeHint(option, email).height();
        const QRect emailRect = m_view->visualRect(email);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
            QPoint(emailRect.left() + 60, emailRect.bottom() - 8));
        QVERIFY(!m_delegate->isExpanded(email));
        QCOMPARE(m_delegate->sizeHint(option, email).height(), emailHeight);

        m_delegate->setExpanded(reply, false);
        QCOMPARE(m_delegate->sizeHint(option, reply).height(), folded);
    }
};

QTEST_MAIN(TestTimelineDelegate)
#include "tst_timelinedelegate.moc"
