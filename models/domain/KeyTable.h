#pragma once

#include <QList>
#include <QString>

#include <cstddef>

namespace Touchline::KeyTable {

// One value of an enum as it is stored (`key`) and shown (`display`, marked with
// QT_TRANSLATE_NOOP in the context its users translate it in).
template<typename Enum> struct Key
{
    Enum value;
    const char *key;
    const char *display;
};

template<typename Enum, std::size_t N>
const Key<Enum> &entryOf(const Key<Enum> (&keys)[N], Enum value)
{
    for (const auto &entry : keys) {
        if (entry.value == value)
            return entry;
    }
    Q_UNREACHABLE();
}

template<typename Enum, std::size_t N> QString keyOf(const Key<Enum> (&keys)[N], Enum value)
{
    return QString::fromLatin1(entryOf(keys, value).key);
}

template<typename Enum, std::size_t N>
bool fromKey(const Key<Enum> (&keys)[N], const QString &key, Enum *value)
{
    for (const auto &entry : keys) {
        if (key == QLatin1String(entry.key)) {
            *value = entry.value;
            return true;
        }
    }
    return false;
}

template<typename Enum, std::size_t N> QList<Enum> valuesOf(const Key<Enum> (&keys)[N])
{
    QList<Enum> values;
    for (const auto &entry : keys)
        values.append(entry.value);
    return values;
}

} // namespace Touchline::KeyTable
