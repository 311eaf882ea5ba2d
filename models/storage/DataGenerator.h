#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace Touchline {

class Database;

struct GeneratorOptions
{
    int prospects = 0;
    int touches = 0; // in total, spread over the prospects; needs prospects > 0
    quint64 seed = 1;
    // Dates are spread over the year before this moment. Pass a fixed time to get
    // identical rows from identical seeds; invalid means the current time.
    QDateTime now;
    int owners = 5; // users the prospects are shared among (at most maxOwners)
};

// Fills a Touchline file with realistic, reproducible demo data: prospects with
// names, companies and contact points, their touches, and their enrollments in
// the file's cadences (the touches that did a step name it), with the derived
// columns (touch_count, last_touch_at, status, the enrollments' state and due
// times, next_due_at) kept as the app keeps them.
class DataGenerator
{
    Q_DECLARE_TR_FUNCTIONS(Touchline::DataGenerator)
public:
    enum class Result { Finished, Cancelled, Failed };
    // Called now and then with the prospects written so far; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    static constexpr int maxOwners = 10;
    // Keeps each prospect's touches within a plausible number, and their times apart.
    static constexpr int maxTouchesPerProspect = 1000;

    explicit DataGenerator(Database &db);

    // Checks the options without touching the file; the message says what is wrong.
    static bool validate(const GeneratorOptions &options, Error *error);

    // Adds the data in one transaction: either all of it is stored, or, when
    // cancelled or failed, the file is left as it was.
    Result generate(const GeneratorOptions &options, const Progress &progress, Error *error);

private:
    Database &m_db;
};

} // namespace Touchline
