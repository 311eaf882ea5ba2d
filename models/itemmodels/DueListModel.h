#pragma once

#include "storage/EnrollmentRepository.h"

#include <QAbstractListModel>
#include <QTimer>

#include <optional>

namespace Touchline {

class Database;

// The due list: the cadence steps due before the end of today (local time), in
// the order EnrollmentRepository::due() gives (due time, then send window), one
// row per enrollment. Refreshes on every write to the tables it shows and at
// midnight, moving rows instead of resetting so that the current item stays.
class DueListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        EnrollmentIdRole = Qt::UserRole + 1, // qint64
        ProspectIdRole,                      // qint64
        DueAtRole,                           // QDateTime, UTC
        OverdueRole,                         // bool: due before the start of today (local)
        ProspectNameRole,                    // QString (also Qt::DisplayRole)
        CompanyRole,                         // QString
        ChannelRole,                         // QString: the step's channel key, e.g. "email"
        StepRole,                            // QString: "2 of 6"
        PurposeRole,                         // QString: the step's purpose
        CadenceRole,                         // QString: the cadence's name
        TimeZoneRole,                        // QString: the prospect's IANA zone, empty if unknown
        DueTextRole,   // QString: "14:00" today, "Mon 09:00" when overdue (local time)
        TheirTimeRole, // QString: "09:00-10:00 their time" when the prospect's clock differs
    };
    Q_ENUM(Role)

    explicit DueListModel(Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // 0: every owner.
    qint64 ownerFilter() const { return m_filter.ownerId; }
    void setOwnerFilter(qint64 ownerId);
    // A channel key ("email", ...); empty: every channel.
    QString channelFilter() const { return m_filter.channelKey; }
    void setChannelFilter(const QString &channelKey);

    // The rows split in two: due today (not overdue) and overdue; both follow the filters.
    int dueTodayCount() const { return m_dueToday; }
    int overdueCount() const { return m_overdue; }

    std::optional<DueItem> itemAt(int row) const;
    int rowOfEnrollment(qint64 enrollmentId) const;

    // The start of a day on the user's clock, counted from today (1: tomorrow).
    static QDateTime startOfLocalDay(int daysFromToday);

public Q_SLOTS:
    // Reads the list again, keeping the current item and selection on their enrollments.
    void refresh();

Q_SIGNALS:
    void countsChanged(int dueToday, int overdue);
    void errorOccurred(const QString &message);

private:
    bool isOverdue(const DueItem &item) const { return item.dueAt < m_startOfToday; }
    void apply(const QList<DueItem> &items);
    void updateCounts();

    EnrollmentRepository m_repository;
    DueFilter m_filter;
    QList<DueItem> m_items;
    QDateTime m_startOfToday;
    int m_dueToday = 0;
    int m_overdue = 0;
    QTimer m_midnight;
};

} // namespace Touchline
