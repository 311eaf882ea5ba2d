#include "CliRunner.h"

#include <QJsonDocument>
#include <QProcess>
#include <QtDebug>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Touchline::Test {

namespace {

#ifdef Q_OS_UNIX
constexpr uid_t nobodyId = 65534;
#endif

} // namespace

CliRunner::CliRunner(const QString &program)
    : m_program(program)
    , m_databasePath(m_dir.filePath(QStringLiteral("test.touchline")))
{
}

CliRun CliRunner::run(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg")));
    environment.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
#ifdef Q_OS_UNIX
    if (m_unprivileged && ::geteuid() == 0) {
        process.setChildProcessModifier([] {
            if (::setgid(nobodyId) != 0 || ::setuid(nobodyId) != 0)
                ::_exit(126);
        });
    }
#endif
    process.start(m_program, arguments);
    CliRun result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        qWarning() << "touchline-cli did not finish:" << arguments << process.errorString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun CliRunner::cli(const QStringList &arguments) const
{
    return run(QStringList {QStringLiteral("--db"), m_databasePath} + arguments);
}

QJsonArray jsonOf(const CliRun &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        qWarning() << "not a JSON array:" << error.errorString() << run.out << run.err;
        return {};
    }
    return document.array();
}

std::optional<QList<QStringList>> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool inQuotes = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (inQuotes) {
            if (c == QLatin1Char('"') && next == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                inQuotes = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!cell.isEmpty() || wasQuoted)
                return std::nullopt; // a quote inside an unquoted cell
            inQuotes = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') && next == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            wasQuoted = false;
            ++i;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            return std::nullopt; // a bare line break outside quotes
        } else {
            cell += c;
        }
    }
    if (inQuotes || !cell.isEmpty() || !row.isEmpty())
        return std::nullopt; // the last record is not terminated
    return rows;
}

} // namespace Touchline::Test
