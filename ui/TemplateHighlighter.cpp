#include "TemplateHighlighter.h"

#include <QEvent>
#include <QPalette>
#include <QTextDocument>
#include <QWidget>

#ifdef TOUCHLINE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#else
#include "domain/MessageTemplate.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <algorithm>
#include <cmath>
#endif

namespace Touchline {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

#ifdef TOUCHLINE_HAVE_KSYNTAXHIGHLIGHTING

namespace {

// Loading the definitions takes a while, so the application shares one.
struct TemplateRepository : KSyntaxHighlighting::Repository
{
    TemplateRepository()
    {
        // Searched for a syntax/ folder; resource paths work.
        addCustomSearchPath(QStringLiteral(":/touchline/highlighting"));
    }
};

TemplateRepository &repository()
{
    static TemplateRepository repository;
    return repository;
}

} // namespace

class TemplateHighlighter::Highlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    explicit Highlighter(QObject *parent)
        : KSyntaxHighlighting::SyntaxHighlighter(parent)
    {
        setDefinition(repository().definitionForName(QStringLiteral("Touchline Template")));
    }

    void setPalette(const QPalette &palette)
    {
        const KSyntaxHighlighting::Theme wanted = repository().defaultTheme(isDark(palette)
                ? KSyntaxHighlighting::Repository::DarkTheme
                : KSyntaxHighlighting::Repository::LightTheme);
        if (wanted.name() == theme().name())
            return;
        // setTheme() leaves the formats already applied as they were.
        setTheme(wanted);
        rehighlight();
    }
};

#else

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &color)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
        + 0.0722 * linear(rgb.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double first = luminance(a);
    const double second = luminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

// The colour of this hue closest to mid-lightness that reads well on the
// background (contrast of 4.5, WCAG AA for text).
QColor readableOn(const QPalette &palette, int hue)
{
    const QColor background = palette.color(QPalette::Base);
    const bool dark = isDark(palette);
    const int step = dark ? 8 : -8;
    for (int lightness = 128; lightness >= 0 && lightness <= 255; lightness += step) {
        const QColor color = QColor::fromHsl(hue, 200, lightness);
        if (contrast(color, background) >= 4.5)
            return color;
    }
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

} // namespace

class TemplateHighlighter::Highlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

    void setPalette(const QPalette &palette)
    {
        m_known = QTextCharFormat();
        m_known.setForeground(readableOn(palette, 210));
        m_unknown = QTextCharFormat();
        const QColor warning = readableOn(palette, 0);
        m_unknown.setForeground(warning);
        m_unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        m_unknown.setUnderlineColor(warning);
        rehighlight();
    }

protected:
    void highlightBlock(const QString &text) override
    {
        for (const PlaceholderSpan &span : findPlaceholders(text)) {
            if (!span.known && span.key.isEmpty()) {
                setFormat(span.start, span.length, m_unknown);
                continue;
            }
            // As the KF6 definition does: braces in the placeholder style, a
            // misspelt key in the warning style.
            setFormat(span.start, span.length, m_known);
            if (!span.known)
                setFormat(
                    int(text.indexOf(span.key, span.start + 2)), int(span.key.size()), m_unknown);
        }
    }

private:
    QTextCharFormat m_known;
    QTextCharFormat m_unknown;
};

#endif

TemplateHighlighter::TemplateHighlighter(QTextDocument *document, QWidget *paletteSource)
    : QObject(document)
    , m_highlighter(new Highlighter(this))
{
    m_highlighter->setPalette(paletteSource->palette());
    m_highlighter->setDocument(document);
    paletteSource->installEventFilter(this);
}

bool TemplateHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        if (auto *widget = qobject_cast<QWidget *>(watched))
            m_highlighter->setPalette(widget->palette());
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Touchline
