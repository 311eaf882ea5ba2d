#pragma once

namespace Touchline {

// Installs Qt's and Touchline's translations for the user's language, falling
// back to the English catalogue, which supplies plural forms. Call once, after
// the QCoreApplication exists.
void installTranslations();

} // namespace Touchline
