#include "BenchSupport.h"

#include "storage/DataGenerator.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace Touchline::Bench {

namespace {

void addOptions(QCommandLineParser &parser, int defaultRepeat, int defaultProspects)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("An existing Touchline file."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("prospects"), QStringLiteral("Prospects to generate."),
        QStringLiteral("n"), QString::number(defaultProspects)});
    parser.addOption({QStringLiteral("touches"), QStringLiteral("Touches to generate."),
        QStringLiteral("n"), QString::number(qint64(defaultProspects) * 10)});
    parser.addOption(
        {QStringLiteral("repeat"), QStringLiteral("Runs per measurement; the median is shown."),
            QStringLiteral("n"), QString::number(defaultRepeat)});
}

int repeatCount(const QCommandLineParser &parser)
{
    return std::max(1, parser.value(QStringLiteral("repeat")).toInt());
}

QString benchFile(const QCommandLineParser &parser, const QTemporaryDir &dir, QTextStream &out)
{
    const QString given = parser.value(QStringLiteral("db"));
    if (!given.isEmpty())
        return given;
    const QString path = dir.filePath(QStringLiteral("bench.touchline"));
    Database db;
    Error error;
    if (!db.open(path, Database::Creation::MustNotExist, Database::Access::ReadWrite, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return {};
    }
    GeneratorOptions options;
    options.prospects = parser.value(QStringLiteral("prospects")).toInt();
    options.touches = parser.value(QStringLiteral("touches")).toInt();
    QElapsedTimer timer;
    timer.start();
    if (DataGenerator(db).generate(options, {}, &error) != DataGenerator::Result::Finished) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return {};
    }
    out << "generated " << options.prospects << " prospects and " << options.touches
        << " touches in " << timer.elapsed() << " ms\n";
    out.flush();
    return path;
}

} // namespace

bool openBenchFile(Database &db, const QString &path)
{
    Error error;
    if (db.open(path, Database::Creation::MustExist, Database::Access::ReadWrite, &error))
        return true;
    std::fprintf(stderr, "%s\n", qPrintable(error.message));
    return false;
}

Session::Session(const QCoreApplication &app, int defaultRepeat, int defaultProspects)
    : m_out(stdout)
{
    addOptions(m_parser, defaultRepeat, defaultProspects);
    m_parser.process(app);
    m_repeat = repeatCount(m_parser);
    m_path = benchFile(m_parser, m_dir, m_out);
    m_ready = !m_path.isEmpty() && openBenchFile(m_db, m_path);
}

double medianMs(int repeat, const std::function<void()> &setUp, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < repeat; ++i) {
        setUp();
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void report(QTextStream &out, const QString &what, double ms)
{
    out << QStringLiteral("%1 %2\n").arg(what, -56).arg(ms, 8, 'f', 2);
    out.flush();
}

} // namespace Touchline::Bench
