#pragma once

#include "domain/MessageTemplate.h"
#include "storage/EnrollmentRepository.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QStackedWidget;
class QTextEdit;
class QTimer;
class QToolButton;
class QUndoStack;
class QUrl;

namespace Touchline {

class Database;
class DueListModel;
class EnrollmentEditor;
class TouchEditor;

// The due list and the pane to work its items, one after the other: the
// rendered message, copying it, opening the channel, logging the outcome with
// the touch form, snoozing and skipping. Skips, snoozes and touches are undoable
// on the shared undo stack. While the focus is on this page its shortcuts win
// over the window's (Ctrl+O opens the channel here, not a file).
class DuePage : public QWidget
{
    Q_OBJECT
public:
    // How links (mailto:, tel:, ...) reach the desktop; tests replace it.
    using UrlOpener = std::function<bool(const QUrl &url)>;

    DuePage(Database &db, QUndoStack *undoStack, QWidget *parent = nullptr);

    // On a read-only file nothing can be logged, snoozed or skipped; copying and
    // opening the channel still work.
    void setReadOnly(bool readOnly);
    void setUrlOpener(UrlOpener opener);
    // Who works the list: "Me" in the owner filter, the author of what is logged,
    // and {{sender_name}} in messages. 0: unknown.
    void setUser(qint64 userId, const QString &name);
    // {{scheduling_link}} in messages.
    void setSchedulingLink(const QString &link);

    DueListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    std::optional<DueItem> currentItem() const;
    int dueTodayCount() const;
    int overdueCount() const;

Q_SIGNALS:
    // Items due today (not overdue) and overdue ones, as filtered. Also sent once
    // after construction, from the event loop, for whoever connects meanwhile.
    void countsChanged(int dueToday, int overdue);
    // The user asked to see the prospect (double-click, Return, or the name).
    void prospectActivated(qint64 prospectId);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Message
    {
        RenderedTemplate subject; // email steps only
        RenderedTemplate body;
    };

    QWidget *createFilterBar();
    QWidget *createWorkPane();
    QAction *addWorkAction(const char *objectName, const QString &text, const QKeySequence &keys,
        const QString &toolTip, void (DuePage::*slot)());
    QAction *actionFor(const QKeyEvent *key) const;
    void reloadOwners();
    void updateCounts();
    void updateEmptyState();
    void showCurrent();
    void updateActions();
    Message render(const DueItem &item) const;
    QUrl channelUrl(const DueItem &item, const Message &message) const;
    void showNotice(const QString &text);
    void showError(const QString &message);
    // After working the item in `row`: on to the one that followed it.
    void moveOn(int row, qint64 nextEnrollmentId);
    qint64 enrollmentAfter(int row) const;

    void copyMessage();
    void openChannel();
    void logOutcome();
    void snoozeToTomorrow();
    void snoozeToDate();
    bool snoozeUntil(const QDateTime &until);
    void skipStep();

    Database &m_db;
    QUndoStack *m_undoStack;
    DueListModel *m_model = nullptr;
    TouchEditor *m_touchEditor = nullptr;
    EnrollmentEditor *m_enrollmentEditor = nullptr;
    UrlOpener m_openUrl;
    qint64 m_userId = 0;
    QString m_userName;
    QString m_schedulingLink;
    bool m_readOnly = false;

    QComboBox *m_owner = nullptr;
    QComboBox *m_channel = nullptr;
    QLabel *m_counts = nullptr;
    QStackedWidget *m_content = nullptr;
    QLabel *m_empty = nullptr;
    QListView *m_view = nullptr;
    QStackedWidget *m_paneStack = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_contact = nullptr;
    QLabel *m_subjectLabel = nullptr;
    QTextEdit *m_subject = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QTextEdit *m_body = nullptr;
    QLabel *m_gaps = nullptr;
    QLabel *m_notice = nullptr;
    QTimer *m_noticeTimer = nullptr;

    QAction *m_copyAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_logAction = nullptr;
    QAction *m_snoozeTomorrowAction = nullptr;
    QAction *m_snoozeDateAction = nullptr;
    QAction *m_skipAction = nullptr;
    QList<QToolButton *> m_writeButtons;
};

} // namespace Touchline
