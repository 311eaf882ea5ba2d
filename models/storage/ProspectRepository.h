#pragma once

#include "Error.h"
#include "domain/Prospect.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace Touchline {

class Database;

// What the prospect table shows: a search, a status filter and an order.
struct ProspectQuery
{
    // Every word must appear in the name, company or email (case-insensitive).
    QString search;
    std::optional<ProspectStatus> status;
    qint64 ownerId = 0; // 0: everyone's
    ProspectField sortField = ProspectField::CreatedAt;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
};

// Everything that deleting prospects removed, so that undo can put it back as it was.
struct DeletedProspects
{
    struct TableRows
    {
        QString table;
        QStringList columns;
        QList<QVariantList> rows;
    };
    QList<TableRows> tables; // in the order they must be inserted again
    QList<qint64> prospectIds;
};

// How a prospect can be recognised in another file: its email and LinkedIn profile.
struct ProspectContactPoints
{
    qint64 id = 0;
    QString email;
    QString linkedInUrl;
};

class ProspectRepository
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ProspectRepository)

public:
    explicit ProspectRepository(Database &db);

    // The ids of the matching prospects, in display order: the table keeps only
    // these in memory and fetches rows a page at a time.
    bool ids(const ProspectQuery &query, QList<qint64> *ids, Error *error) const;
    // The prospects with these ids, in the same order; ids that no longer exist are skipped.
    bool fetch(const QList<qint64> &ids, QList<Prospect> *prospects, Error *error) const;
    std::optional<Prospect> get(qint64 id, Error *error) const;
    // What get() reports for an id no prospect has.
    static QString noSuchProspect(qint64 id);
    // Which of these ids no prospect has, in the given order.
    bool missing(const QList<qint64> &ids, QList<qint64> *missingIds, Error *error) const;
    int count(Error *error) const;

    // The prospects that have an email or a LinkedIn URL, for matching imports.
    bool contactPoints(QList<ProspectContactPoints> *points, Error *error) const;

    // Validates and stores a new prospect; fills in its id, created time and version.
    bool add(Prospect *prospect, Error *error);
    // add() for many prospects at once, in one transaction (a savepoint inside
    // the caller's), reusing one statement: the import's path. Fills in the ids;
    // the rows are not read back. Stores none of them if one is invalid.
    bool addMany(QList<Prospect> *prospects, Error *error);
    // Saves an edit made from the row at version `prospect->rowVersion`, bumps the
    // version and records the editor. Without `base`, every editable field is
    // stored, and only if nobody changed the row since. With `base` (the row as
    // the user read it), only the fields that differ from it are stored, also
    // over a newer row whose changes are in other fields. A field someone else
    // changed to another value refuses the whole save with Error::Kind::Conflict,
    // changing nothing; get() then shows what they changed.
    bool update(Prospect *prospect, Error *error, const Prospect *base = nullptr);
    // The user recorded as the author of later updates (0: nobody known).
    void setEditorId(qint64 userId) { m_editorId = userId; }
    bool remove(const QList<qint64> &ids, DeletedProspects *deleted, Error *error);
    bool restore(const DeletedProspects &deleted, Error *error);

private:
    Database &m_db;
    qint64 m_editorId = 0;
};

} // namespace Touchline
