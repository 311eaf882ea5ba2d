#pragma once

#include "domain/Touch.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QHBoxLayout;
class QPushButton;
class QToolButton;

namespace Touchline {

class TimelineDelegate;
class TimelineModel;

// The selected prospect's timeline: a header that sums the prospect up, quick
// actions for each channel, and the list of touches and events.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    // On a read-only file nothing can be logged or lifted; contacting still works.
    void setReadOnly(bool readOnly);
    QListView *view() const { return m_view; }
    std::optional<Touch> currentTouch() const;
    void selectTouch(qint64 touchId);
    // Focuses the list, or the Log Touch button while there is nothing to list.
    void focusTimeline();

Q_SIGNALS:
    void logTouchRequested();
    void editTouchRequested();
    void deleteTouchRequested();
    void contactRequested(Touchline::TouchChannel channel);
    void liftDoNotContactRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHeader();
    QToolButton *addQuickAction(
        QHBoxLayout *layout, const QString &text, const QString &toolTip, TouchChannel channel);

    TimelineModel *m_model = nullptr;
    TimelineDelegate *m_delegate = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_doNotContact = nullptr;
    QPushButton *m_lift = nullptr;
    QLabel *m_empty = nullptr;
    QListView *m_view = nullptr;
    QList<QToolButton *> m_quickActions;
    QPushButton *m_logTouch = nullptr;
    bool m_readOnly = false;
};

} // namespace Touchline
