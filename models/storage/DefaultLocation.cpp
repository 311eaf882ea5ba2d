#include "DefaultLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace Touchline {

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("touchline.sqlite"));
}

} // namespace Touchline
