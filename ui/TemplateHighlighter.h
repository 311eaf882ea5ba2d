#pragma once

#include <QObject>

class QTextDocument;
class QWidget;

namespace Touchline {

// Marks the placeholders of a message template being edited: known ones in
// one style, unknown ones (sent as written) in a warning style; the braces of
// a misspelt placeholder keep the placeholder style, so only its key stands
// out. With KDE Syntax Highlighting, the definition the project ships
// (resources/syntax/touchline-template.xml, which also shows **strong** and
// *emphasis*) in the Breeze theme that suits the palette; without, a
// QSyntaxHighlighter over findPlaceholders() in colours derived from the palette.
class TemplateHighlighter : public QObject
{
    Q_OBJECT
public:
    // Highlights `document` (and becomes its child) in colours that suit the
    // palette of `paletteSource`, the editor showing the document, now and
    // whenever that palette changes.
    TemplateHighlighter(QTextDocument *document, QWidget *paletteSource);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    class Highlighter;
    Highlighter *m_highlighter; // a child
};

} // namespace Touchline
