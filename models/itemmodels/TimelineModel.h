#pragma once

#include "domain/Prospect.h"
#include "domain/ProspectEvent.h"
#include "domain/Touch.h"
#include "storage/EnrollmentRepository.h"
#include "storage/ProspectRepository.h"
#include "storage/TouchRepository.h"

#include <QAbstractListModel>
#include <QDateTime>

#include <optional>

namespace Touchline {

class Database;

// One prospect's story: its touches and the events around them (do-not-contact
// set or lifted, cadence enrolments, pauses, skips and ends), in time order,
// followed by the steps its running cadence plans (ItemKind::Planned).
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class ItemKind { Touch, Event, Planned };
    Q_ENUM(ItemKind)

    enum Role {
        KindRole = Qt::UserRole + 1, // ItemKind
        IdRole,                      // qint64: touch or event id
        TimeRole,                    // QDateTime, UTC
        ChannelRole,                 // QString key, e.g. "email"
        DirectionRole,               // QString key, "out" or "in"
        OutcomeRole,                 // QString key, e.g. "no_answer"
        TouchNumberRole,             // int, 0 when not numbered
        AuthorRole,                  // QString
        NotesRole,                   // QString
        StepPurposeRole,             // QString, the cadence step fulfilled or planned
        TitleRole,                   // QString, e.g. "Email · Replied"
    };
    Q_ENUM(Role)

    // What the header above the timeline says about the prospect.
    struct Summary
    {
        Prospect prospect;
        int outboundTouches = 0;
        QDateTime firstTouchAt;
        QDateTime lastTouchAt;
        bool replied = false;
    };

    explicit TimelineModel(Database &db, QObject *parent = nullptr);

    void setProspect(qint64 prospectId);
    qint64 prospectId() const { return m_prospectId; }
    std::optional<Summary> summary() const { return m_summary; }

    bool newestFirst() const { return m_newestFirst; }
    void setNewestFirst(bool newestFirst);

    std::optional<Touch> touchAt(int row) const;
    int rowOfTouch(qint64 touchId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void summaryChanged();
    void errorOccurred(const QString &message);

private:
    struct Item
    {
        ItemKind kind = ItemKind::Touch;
        QDateTime time;
        Touch touch;         // Touch
        ProspectEvent event; // Event: a stored event, or the end of an enrollment (id 0)
        PlannedStep planned; // Planned
        QString text;        // Event and Planned: the line to show

        bool isSameItem(const Item &other) const;
    };

    bool load(QList<Item> *items, Summary *summary, Error *error);

    ProspectRepository m_prospects;
    TouchRepository m_touches;
    EnrollmentRepository m_enrollments;
    qint64 m_prospectId = 0;
    bool m_newestFirst = true;
    QList<Item> m_items; // oldest first; rows are reversed when newest come first
    std::optional<Summary> m_summary;

    const Item &itemAt(int row) const;
};

} // namespace Touchline
