#pragma once

#include "CsvReader.h"
#include "ImportTypes.h"
#include "domain/Prospect.h"
#include "storage/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace Touchline {

class Database;

// What a column of an imported file holds.
enum class ImportField {
    Ignore,
    FullName, // split into first and last name
    FirstName,
    LastName,
    Company,
    Title,
    Email, // may hold several addresses: the first valid one is the prospect's
    Phone,
    LinkedInUrl,
    Notes, // kept as a note in the prospect's timeline
    Owner, // a user's name; unknown names become users
    Status,
    TimeZone,
    CreatedAt,
};

QString importFieldDisplayName(ImportField field);
QList<ImportField> allImportFields();

// The exports people bring, each recognised by its header.
enum class ImportPreset {
    Auto, // detect from the header (or vCard from the content)
    Touchline,
    LinkedIn,
    Google,
    Outlook,
    HubSpot,
    Salesforce,
    Spreadsheet, // common header names in English, French and German
    VCard,
};

QString presetKey(ImportPreset preset); // "auto", "linkedin", ... as the CLI takes them
bool presetFromKey(const QString &key, ImportPreset *preset);
QString presetDisplayName(ImportPreset preset);
QList<ImportPreset> allPresets();

// An imported file as a table: its header and rows, and which field each column holds.
struct ImportTable
{
    QString encoding;
    QChar delimiter;                                 // null for a vCard file
    ImportPreset preset = ImportPreset::Spreadsheet; // detected or chosen, never Auto
    int headerLine = 0;
    QStringList header;
    QList<CsvRecord> rows;
    QList<ImportField> mapping;     // one per header column
    QList<RowProblem> readProblems; // cards the vCard reader could not take
};

// One row turned into a prospect, before it meets the file's prospects.
struct ImportCandidate
{
    int line = 0;
    Prospect prospect;
    QString ownerName;
    QStringList otherEmails; // further addresses from the row, kept in the note
    QString notes;
};

class ProspectFileReader
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ProspectFileReader)
public:
    // Decodes the bytes (TextDecoder), reads them as vCard or CSV (delimiter
    // detected), finds the header row (LinkedIn puts notes above it), detects the
    // preset when `preset` is Auto, and maps the columns.
    static bool read(
        const QByteArray &bytes, ImportPreset preset, ImportTable *table, Error *error);
    // read() on a file's contents; errors name the file.
    static bool readFile(
        const QString &path, ImportPreset preset, ImportTable *table, Error *error);

    // The field each column holds, from its header under this preset (Auto:
    // any preset's names).
    static QList<ImportField> mapColumns(const QStringList &header, ImportPreset preset);

    // Each row as a prospect under `table.mapping`. Rows that cannot be one
    // (no name, company or email; an invalid value) go to `problems`.
    static void candidates(
        const ImportTable &table, QList<ImportCandidate> *candidates, QList<RowProblem> *problems);
};

// What to do with a row whose prospect is already in the file.
enum class DuplicateAction {
    Skip,        // leave the prospect as it is
    UpdateEmpty, // fill in only the fields the prospect has empty
    Overwrite,   // take every non-empty value from the file
};

QString duplicateActionKey(DuplicateAction action); // "skip", "update", "overwrite"
bool duplicateActionFromKey(const QString &key, DuplicateAction *action);

struct ImportPlanRow
{
    ImportCandidate candidate;
    std::optional<Prospect> existing; // the prospect it duplicates
};

// Candidates matched against the file: by email (case-insensitive), and for
// rows without an email by LinkedIn URL. A row repeating an earlier row of the
// same file is a problem, not a second prospect.
struct ImportPlan
{
    QList<ImportPlanRow> rows;
    QList<RowProblem> problems;

    int duplicateCount() const;
};

struct ImportOptions
{
    DuplicateAction onDuplicate = DuplicateAction::Skip;
    QHash<int, DuplicateAction> perLine; // overrides onDuplicate for the row at this line
    qint64 authorId = 0;                 // who imports: the author of notes and edits
    bool dryRun = false;                 // count what would happen, write nothing
};

class ProspectImporter
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::ProspectImporter)
public:
    explicit ProspectImporter(Database &db);

    // The table's candidates() matched against the file; the plan's problems
    // are the table's read problems, the rows candidates() refused and the
    // repeated rows, in line order.
    bool plan(const ImportTable &table, ImportPlan *plan, Error *error) const;

    // Stores the plan in one transaction: all of it, or when cancelled or
    // failed, nothing. The rows are matched again first, so that a prospect
    // someone added or deleted since the plan is taken as it is now. The summary's failed rows
    // include the plan's problems. A new prospect's notes become a note in its timeline; a
    // duplicate's notes are left out, so that importing a file again adds no second note.
    ImportResult apply(const ImportPlan &plan, const ImportOptions &options,
        const ImportProgress &progress, ImportSummary *summary, Error *error);

private:
    // Fills in each row's `existing` from the file as it is now.
    bool matchExisting(QList<ImportPlanRow> *rows, Error *error) const;

    Database &m_db;
};

} // namespace Touchline
