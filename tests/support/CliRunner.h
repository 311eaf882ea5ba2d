#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

// touchline-cli run as users run it: the real executable in a separate process,
// with its output checked as scripts and spreadsheets read it.
namespace Touchline::Test {

// What one run of touchline-cli returned and printed.
struct CliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QString out;
    QString err;
};

// Runs touchline-cli in a temporary folder that is removed afterwards. The folder
// stands in for the user's home and data folders, so that the tests never touch
// the real ones, and times print in UTC.
class CliRunner
{
public:
    // `program`: the executable, such as TOUCHLINE_CLI_PATH.
    explicit CliRunner(const QString &program);

    // The folder exists; QVERIFY this in each test.
    bool isValid() const { return m_dir.isValid(); }
    QString dirPath() const { return m_dir.path(); }
    // A path in the folder.
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The Touchline file cli() names with --db; nothing creates it here.
    QString databasePath() const { return m_databasePath; }

    // Root may write any file: when the tests run as root, runs as "nobody" from
    // now on, so that read-only files stay read-only.
    void setUnprivileged(bool unprivileged) { m_unprivileged = unprivileged; }

    CliRun run(const QStringList &arguments) const;
    // The same, with --db naming databasePath().
    CliRun cli(const QStringList &arguments) const;

private:
    QString m_program;
    QTemporaryDir m_dir;
    QString m_databasePath;
    bool m_unprivileged = false;
};

// The output of a run with --format json; an empty array, with a warning, when it
// is not a JSON array.
QJsonArray jsonOf(const CliRun &run);

// RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; every
// record ends in CRLF. Returns nothing when the text breaks those rules.
std::optional<QList<QStringList>> parseCsv(const QString &text);

} // namespace Touchline::Test
