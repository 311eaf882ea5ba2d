#include "ProspectRepository.h"

#include "Database.h"
#include "EnrollmentRepository.h"
#include "SqlUtil.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Touchline {

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT p.id, p.first_name, p.last_name, p.company, p.title, p.email, p.phone, "
    "p.linkedin_url, p.owner_id, u.name, p.status, p.created_at, p.last_touch_at, "
    "p.next_due_at, p.touch_count, p.row_version, p.email_bounced, p.time_zone, "
    "p.agreed_next_touch_at, p.updated_at, e.name "
    "FROM prospects p LEFT JOIN users u ON u.id = p.owner_id "
    "LEFT JOIN users e ON e.id = p.updated_by ");

Prospect readProspect(const QSqlQuery &query)
{
    Prospect p;
    p.id = query.value(0).toLongLong();
    p.firstName = query.value(1).toString();
    p.lastName = query.value(2).toString();
    p.company = query.value(3).toString();
    p.title = query.value(4).toString();
    p.email = query.value(5).toString();
    p.phone = query.value(6).toString();
    p.linkedInUrl = query.value(7).toString();
    p.ownerId = query.value(8).toLongLong();
    p.ownerName = query.value(9).toString();
    statusFromKey(query.value(10).toString(), &p.status);
    p.createdAt = Database::fromDbTime(query.value(11));
    p.lastTouchAt = Database::fromDbTime(query.value(12));
    p.nextDueAt = Database::fromDbTime(query.value(13));
    p.touchCount = query.value(14).toInt();
    p.rowVersion = query.value(15).toLongLong();
    p.emailBounced = query.value(16).toBool();
    p.timeZone = query.value(17).toString();
    p.agreedNextTouchAt = Database::fromDbTime(query.value(18));
    p.updatedAt = Database::fromDbTime(query.value(19));
    p.updatedByName = query.value(20).toString();
    return p;
}

// The ORDER BY expression of each column. Schema.cpp indexes the ones people sort by
// (all but phone, LinkedIn and owner name), each index ending in id for stable ties.
QString sortExpression(ProspectField field)
{
    switch (field) {
    case ProspectField::FirstName:
        return QStringLiteral("p.first_name COLLATE NOCASE");
    case ProspectField::LastName:
        return QStringLiteral("p.last_name COLLATE NOCASE");
    case ProspectField::Company:
        return QStringLiteral("p.company COLLATE NOCASE");
    case ProspectField::Title:
        return QStringLiteral("p.title COLLATE NOCASE");
    case ProspectField::Email:
        return QStringLiteral("p.email COLLATE NOCASE");
    case ProspectField::Phone:
        return QStringLiteral("p.phone");
    case ProspectField::LinkedInUrl:
        return QStringLiteral("p.linkedin_url");
    case ProspectField::Owner:
        return QStringLiteral(
            "(SELECT u.name FROM users u WHERE u.id = p.owner_id) COLLATE NOCASE");
    case ProspectField::Status:
        return QStringLiteral("p.status");
    case ProspectField::CreatedAt:
        return QStringLiteral("p.created_at");
    case ProspectField::LastTouchAt:
        return QStringLiteral("p.last_touch_at");
    case ProspectField::NextDueAt:
        return QStringLiteral("p.next_due_at");
    case ProspectField::TouchCount:
        return QStringLiteral("p.touch_count");
    case ProspectField::TimeZone:
        return QStringLiteral("p.time_zone");
    case ProspectField::AgreedNextTouchAt:
        return QStringLiteral("p.agreed_next_touch_at");
    }
    Q_UNREACHABLE();
}

QString likePattern(const QString &word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Binds, in order, the columns a user edits: first_name, last_name, company,
// title, email, phone, linkedin_url, owner_id, status, time_zone, agreed_next_touch_at.
void bindEditableFields(QSqlQuery &query, const Prospect &prospect)
{
    for (const QString *text : {&prospect.firstName, &prospect.lastName, &prospect.company,
             &prospect.title, &prospect.email, &prospect.phone, &prospect.linkedInUrl})
        query.addBindValue(SqlUtil::text(*text));
    query.addBindValue(SqlUtil::idOrNull(prospect.ownerId));
    query.addBindValue(statusKey(prospect.status));
    query.addBindValue(SqlUtil::text(prospect.timeZone));
    query.addBindValue(Database::toDbTime(prospect.agreedNextTouchAt));
}

// Tables whose rows belong to a prospect, in the order undo re-inserts them.
constexpr const char *dependentTables[] = {"enrollments", "touches", "prospect_events"};

bool snapshotTable(QSqlDatabase db, const QString &table, const QString &keyColumn,
    const QString &idsJson, DeletedProspects::TableRows *out, QSqlQuery *query)
{
    // Table and column names are the constants above, never user input.
    *query = QSqlQuery(db);
    query->prepare(QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" WHERE ") + keyColumn
        + QStringLiteral(" IN (SELECT value FROM json_each(?)) ORDER BY id"));
    query->addBindValue(idsJson);
    if (!query->exec())
        return false;
    const QSqlRecord record = query->record();
    out->table = table;
    for (int i = 0; i < record.count(); ++i)
        out->columns.append(record.fieldName(i));
    while (query->next()) {
        QVariantList row;
        row.reserve(record.count());
        for (int i = 0; i < record.count(); ++i)
            row.append(query->value(i));
        out->rows.append(row);
    }
    return true;
}

} // namespace

ProspectRepository::ProspectRepository(Database &db)
    : m_db(db)
{
}

bool ProspectRepository::ids(const ProspectQuery &filter, QList<qint64> *ids, Error *error) const
{
    QStringList conditions;
    QVariantList values;
    const QStringList words = filter.search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        // One LIKE per column: cheaper than one over the columns joined together.
        conditions.append(
            QStringLiteral("(p.first_name LIKE ? ESCAPE '\\' OR p.last_name LIKE ? ESCAPE '\\' "
                           "OR p.company LIKE ? ESCAPE '\\' OR p.email LIKE ? ESCAPE '\\')"));
        for (int column = 0; column < 4; ++column)
            values.append(likePattern(word));
    }
    if (filter.status) {
        conditions.append(QStringLiteral("p.status = ?"));
        values.append(statusKey(*filter.status));
    }
    if (filter.ownerId) {
        conditions.append(QStringLiteral("p.owner_id = ?"));
        values.append(filter.ownerId);
    }
    const QString direction
        = filter.sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString sql = QStringLiteral("SELECT p.id FROM prospects p");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    // A search reads every row anyway; sorting its few matches afterwards is
    // faster than walking the sort index and looking up each row ("+" keeps
    // SQLite from using the index).
    const QString sortBy = words.isEmpty() ? sortExpression(filter.sortField)
                                           : QLatin1Char('+') + sortExpression(filter.sortField);
    sql += QStringLiteral(" ORDER BY ") + sortBy + direction + QStringLiteral(", p.id") + direction;

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!m_db.exec(query, tr("listing prospects"), error))
        return false;
    ids->clear();
    while (query.next())
        ids->append(query.value(0).toLongLong());
    return true;
}

bool ProspectRepository::fetch(
    const QList<qint64> &ids, QList<Prospect> *prospects, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectColumns + QStringLiteral("WHERE p.id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(SqlUtil::idsToJson(ids));
    if (!m_db.exec(query, tr("reading prospects"), error))
        return false;
    QHash<qint64, Prospect> byId;
    byId.reserve(ids.size());
    while (query.next()) {
        Prospect p = readProspect(query);
        byId.insert(p.id, p);
    }
    prospects->clear();
    prospects->reserve(byId.size());
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd())
            prospects->append(*it);
    }
    return true;
}

std::optional<Prospect> ProspectRepository::get(qint64 id, Error *error) const
{
    QList<Prospect> found;
    if (!fetch({id}, &found, error))
        return std::nullopt;
    if (found.isEmpty()) {
        fail(error, Error::Kind::NotFound, noSuchProspect(id));
        return std::nullopt;
    }
    return found.first();
}

QString ProspectRepository::noSuchProspect(qint64 id)
{
    return tr("There is no prospect with id %1.").arg(id);
}

bool ProspectRepository::missing(
    const QList<qint64> &ids, QList<qint64> *missingIds, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value FROM json_each(?) "
                                 "WHERE value NOT IN (SELECT id FROM prospects) ORDER BY key"));
    query.addBindValue(SqlUtil::idsToJson(ids));
    if (!m_db.exec(query, tr("looking prospects up"), error))
        return false;
    missingIds->clear();
    while (query.next())
        missingIds->append(query.value(0).toLongLong());
    return true;
}

int ProspectRepository::count(Error *error) const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM prospects")) || !query.next()) {
        if (error)
            *error = m_db.queryError(query, tr("counting prospects"));
        return -1;
    }
    return query.value(0).toInt();
}

bool ProspectRepository::contactPoints(QList<ProspectContactPoints> *points, Error *error) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, email, linkedin_url FROM prospects "
                                 "WHERE email <> '' OR linkedin_url <> ''"));
    if (!m_db.exec(query, tr("reading the prospects' email addresses"), error))
        return false;
    points->clear();
    while (query.next())
        points->append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return true;
}

bool ProspectRepository::add(Prospect *prospect, Error *error)
{
    QList<Prospect> one {*prospect};
    if (!addMany(&one, error))
        return false;
    if (const auto stored = get(one.first().id, error))
        *prospect = *stored;
    return true;
}

bool ProspectRepository::addMany(QList<Prospect> *prospects, Error *error)
{
    for (Prospect &prospect : *prospects) {
        prospect = normalizedProspect(prospect);
        const QList<FieldError> invalid = validateProspect(prospect);
        if (!invalid.isEmpty())
            return fail(error, Error::Kind::Invalid, invalid.first().message);
    }

    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO prospects (first_name, last_name, company, title, email, phone, "
        "linkedin_url, owner_id, status, time_zone, agreed_next_touch_at, created_at, "
        "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (Prospect &prospect : *prospects) {
        if (!prospect.createdAt.isValid())
            prospect.createdAt = now;
        bindEditableFields(query, prospect);
        query.addBindValue(Database::toDbTime(prospect.createdAt));
        query.addBindValue(Database::toDbTime(now));
        query.addBindValue(SqlUtil::idOrNull(m_editorId));
        // The action's text is made only on failure: this runs once per row.
        if (!query.exec()) {
            if (error)
                *error = m_db.queryError(query, tr("adding %1").arg(prospect.displayName()));
            return false;
        }
        prospect.id = query.lastInsertId().toLongLong();
    }
    if (!transaction.commit(error))
        return false;
    m_db.notifyChanged(Database::Table::Prospects);
    return true;
}

bool ProspectRepository::update(Prospect *prospect, Error *error, const Prospect *base)
{
    *prospect = normalizedProspect(*prospect);
    const QList<FieldError> invalid = validateProspect(*prospect);
    if (!invalid.isEmpty())
        return fail(error, Error::Kind::Invalid, invalid.first().message);

    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    // Read under the write lock, so the row cannot change between compare and write.
    Error lookupError;
    const std::optional<Prospect> stored = get(prospect->id, &lookupError);
    if (!stored) {
        if (lookupError.kind != Error::Kind::NotFound)
            return fail(error, lookupError.kind, lookupError.message);
        return fail(error, Error::Kind::NotFound,
            tr("%1 was deleted by someone else; the change was not saved.")
                .arg(prospect->displayName()));
    }
    Prospect toStore = *prospect;
    if (stored->rowVersion != prospect->rowVersion) {
        if (!base)
            return fail(error, Error::Kind::Conflict,
                tr("%1 was changed by someone else since you opened it; the change was not "
                   "saved.")
                    .arg(prospect->displayName()));
        const Prospect from = normalizedProspect(*base);
        const QList<ProspectField> conflicts = conflictingFields(from, *prospect, *stored);
        if (!conflicts.isEmpty()) {
            QStringList names;
            for (ProspectField field : conflicts)
                names.append(fieldDisplayName(field));
            return fail(error, Error::Kind::Conflict,
                tr("%1 was changed by someone else since you opened it (%2); the change was "
                   "not saved.")
                    .arg(prospect->displayName(), names.join(QStringLiteral(", "))));
        }
        // Their changes are in other fields: keep them, and store only ours.
        toStore = mergedProspect(from, *prospect, *stored);
        const QList<FieldError> mergedInvalid = validateProspect(toStore);
        if (!mergedInvalid.isEmpty())
            return fail(error, Error::Kind::Invalid, mergedInvalid.first().message);
    }

    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "UPDATE prospects SET first_name = ?, last_name = ?, company = ?, title = ?, email = ?, "
        "phone = ?, linkedin_url = ?, owner_id = ?, status = ?, time_zone = ?, "
        "agreed_next_touch_at = ?, updated_at = ?, updated_by = ?, "
        "row_version = row_version + 1, "
        // A bounce is about one address: a new address has not bounced yet. SET
        // expressions see the old row, so `email` here is the address before the edit.
        "email_bounced = CASE WHEN email = ? THEN email_bounced ELSE 0 END "
        "WHERE id = ? AND row_version = ?"));
    bindEditableFields(query, toStore);
    query.addBindValue(Database::toDbTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(SqlUtil::idOrNull(m_editorId));
    query.addBindValue(SqlUtil::text(toStore.email));
    query.addBindValue(toStore.id);
    query.addBindValue(stored->rowVersion);
    if (!m_db.exec(query, tr("saving prospect %1").arg(prospect->displayName()), error))
        return false;
    // The status, time zone and agreed date decide when the cadence's next step is due.
    if (!EnrollmentRepository::refreshProspects(m_db, {prospect->id}, error)
        || !transaction.commit(error))
        return false;
    if (const auto saved = get(prospect->id, error))
        *prospect = *saved;
    m_db.notifyChanged(Database::Table::Prospects | Database::Table::Enrollments);
    return true;
}

bool ProspectRepository::remove(const QList<qint64> &ids, DeletedProspects *deleted, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const QString idsJson = SqlUtil::idsToJson(ids);
    DeletedProspects snapshot;
    QSqlQuery query(m_db.connection());
    DeletedProspects::TableRows prospects;
    if (!snapshotTable(m_db.connection(), QStringLiteral("prospects"), QStringLiteral("id"),
            idsJson, &prospects, &query)) {
        if (error)
            *error = m_db.queryError(query, tr("reading the prospects to delete"));
        return false;
    }
    snapshot.tables.append(prospects);
    for (const char *table : dependentTables) {
        DeletedProspects::TableRows rows;
        if (!snapshotTable(m_db.connection(), QString::fromLatin1(table),
                QStringLiteral("prospect_id"), idsJson, &rows, &query)) {
            if (error)
                *error = m_db.queryError(query, tr("reading the history of deleted prospects"));
            return false;
        }
        snapshot.tables.append(rows);
    }
    for (const QVariantList &row : std::as_const(prospects.rows))
        snapshot.prospectIds.append(row.first().toLongLong());

    query = QSqlQuery(m_db.connection());
    query.prepare(
        QStringLiteral("DELETE FROM prospects WHERE id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(idsJson);
    if (!m_db.exec(query, tr("deleting prospects"), error))
        return false;
    if (!transaction.commit(error))
        return false;
    if (deleted)
        *deleted = snapshot;
    m_db.notifyChanged(
        Database::Table::Prospects | Database::Table::Touches | Database::Table::Enrollments);
    return true;
}

bool ProspectRepository::restore(const DeletedProspects &deleted, Error *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    for (const auto &table : deleted.tables) {
        if (table.rows.isEmpty())
            continue;
        QStringList placeholders;
        for (int i = 0; i < table.columns.size(); ++i)
            placeholders.append(QStringLiteral("?"));
        QSqlQuery query(m_db.connection());
        query.prepare(QStringLiteral("INSERT INTO ") + table.table + QStringLiteral(" (")
            + table.columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (")
            + placeholders.join(QStringLiteral(", ")) + QStringLiteral(")"));
        for (const QVariantList &row : table.rows) {
            for (int i = 0; i < row.size(); ++i)
                query.bindValue(i, row.at(i));
            // The action's text is made only on failure: this runs once per row.
            if (!query.exec()) {
                if (error)
                    *error = m_db.queryError(query, tr("restoring deleted prospects"));
                return false;
            }
        }
    }
    if (!transaction.commit(error))
        return false;
    m_db.notifyChanged(
        Database::Table::Prospects | Database::Table::Touches | Database::Table::Enrollments);
    return true;
}

} // namespace Touchline
